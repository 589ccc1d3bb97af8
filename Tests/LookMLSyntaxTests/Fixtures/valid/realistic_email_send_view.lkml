# Braze Currents — email sends (shared layout, Snowflake Data Sharing).
# One row per email Braze handed to the ESP. TIME is a UNIX epoch in seconds.

view: email_send {
  sql_table_name: @{BRAZE_SCHEMA}.USERS_MESSAGES_EMAIL_SEND_SHARED ;;
  view_label: "Email Sends"
  drill_fields: [send_detail*]

  # ---- Identifiers -------------------------------------------------------

  dimension: id {
    primary_key: yes
    hidden: yes
    type: string
    sql: ${TABLE}."ID" ;;
  }

  dimension: send_id {
    type: string
    sql: ${TABLE}.SEND_ID ;;
    description: "Ties together the delivery, open and click events of one send."
  }

  dimension: dispatch_id {
    hidden: yes
    type: string
    sql: ${TABLE}.DISPATCH_ID ;;
  }

  dimension: external_user_id {
    label: "External User ID"
    type: string
    sql: ${TABLE}.EXTERNAL_USER_ID ;;
    tags: ["braze_id"]
    link: {
      label: "Open user profile in Braze"
      url: "@{BRAZE_DASHBOARD_URL}/users/user_search/{{ value | url_encode }}"
      icon_url: "https://www.braze.com/favicon.ico"
    }
    link: {
      label: "All sends to this user"
      url: "/explore/braze/email_send?fields=email_send.sent_time,email_send.campaign_api_id&f[email_send.external_user_id]={{ value }}"
    }
  }

  dimension: email_address {
    type: string
    sql: ${TABLE}.EMAIL_ADDRESS ;;
    required_access_grants: [can_see_email_addresses]
    html: {% if _user_attributes['braze_pii_access'] == 'full' %}
            <a href="mailto:{{ value }}">{{ value }}</a>
          {% else %}
            {{ value | split: '@' | last | prepend: '•••@' }}
          {% endif %} ;;
  }

  dimension: email_domain {
    type: string
    sql: LOWER(SPLIT_PART(${email_address}, '@', 2)) ;;
  }

  # ---- Campaign and Canvas ----------------------------------------------

  dimension: campaign_api_id {
    group_label: "Campaign"
    type: string
    sql: ${TABLE}.CAMPAIGN_API_ID ;;
  }

  dimension: message_variation_api_id {
    group_label: "Campaign"
    type: string
    sql: ${TABLE}.MESSAGE_VARIATION_API_ID ;;
  }

  dimension: canvas_id {
    group_label: "Canvas"
    type: string
    sql: ${TABLE}.CANVAS_ID ;;
  }

  dimension: canvas_step_api_id {
    group_label: "Canvas"
    type: string
    sql: ${TABLE}.CANVAS_STEP_API_ID ;;
  }

  dimension: is_canvas {
    label: "Sent by a Canvas?"
    type: yesno
    sql: ${canvas_id} IS NOT NULL ;;
  }

  # ---- Delivery infrastructure -------------------------------------------

  dimension: esp {
    label: "ESP"
    type: string
    sql: ${TABLE}.ESP ;;
    suggestions: ["sendgrid", "sparkpost", "amazon_ses"]
  }

  dimension: ip_pool {
    type: string
    sql: COALESCE(${TABLE}.IP_POOL, 'default') ;;
  }

  dimension: from_domain {
    type: string
    sql: ${TABLE}.FROM_DOMAIN ;;
  }

  dimension: template_name {
    description: "Read from MESSAGE_EXTRAS, a JSON string set in the message composer."
    type: string
    sql: PARSE_JSON(${TABLE}.MESSAGE_EXTRAS):"template"::STRING ;;
  }

  # ---- Time ---------------------------------------------------------------

  dimension_group: sent {
    type: time
    timeframes: [raw, time, hour_of_day, date, day_of_week, week, month, quarter, year]
    datatype: epoch
    sql: ${TABLE}."TIME" ;;
  }

  dimension_group: landed {
    label: "Landed in warehouse"
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.SF_CREATED_AT ;;
  }

  dimension_group: landing_delay {
    type: duration
    intervals: [minute, hour]
    sql_start: TO_TIMESTAMP(${TABLE}."TIME") ;;
    sql_end: ${landed_raw} ;;
  }

  dimension: timezone {
    type: string
    sql: ${TABLE}.TIMEZONE ;;
  }

  # ---- Measures -----------------------------------------------------------

  measure: count {
    label: "Sends"
    type: count
    drill_fields: [send_detail*]
  }

  measure: unique_recipients {
    type: count_distinct
    sql: ${email_address} ;;
    drill_fields: [email_domain, unique_recipients]
  }

  measure: canvas_sends {
    type: count
    filters: [is_canvas: "yes"]
  }

  measure: gmail_sends {
    type: count
    filters: [email_domain: "gmail.com,googlemail.com", esp: "-NULL"]
  }

  measure: canvas_share {
    type: number
    sql: 1.0 * ${canvas_sends} / NULLIF(${count}, 0) ;;
    value_format_name: percent_1
    html: {% if value > 0.5 %}<b>{{ rendered_value }}</b>{% else %}{{ rendered_value }}{% endif %} ;;
  }

  measure: average_landing_delay_minutes {
    type: average
    sql: ${minutes_landing_delay} ;;
    value_format_name: decimal_1
  }

  measure: latest_send {
    type: max
    sql: ${sent_raw} ;;
    html: {{ rendered_value }} ({{ email_send.sent_time._value | date: "%H:%M" }}) ;;
  }

  set: send_detail {
    fields: [
      sent_time,
      external_user_id,
      email_domain,
      campaign_api_id,
      canvas_step_api_id,
      esp
    ]
  }
}
