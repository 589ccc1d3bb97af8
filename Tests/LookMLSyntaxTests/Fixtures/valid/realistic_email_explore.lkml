# Email funnel explore: sends joined to deliveries, opens, clicks, bounces and unsubscribes.
include: "/views/email/*.view.lkml"
include: "/views/shared/campaign_names.view"

explore: email_send {
  label: "Email Funnel"
  group_label: "Braze"
  description: "Sends, deliveries, opens and clicks for every email Braze sent."
  view_label: "Email Sends"

  always_filter: {
    filters: [email_send.sent_date: "last 30 days"]
  }

  conditionally_filter: {
    filters: [email_send.sent_date: "7 days"]
    unless: [email_send.send_id, email_send.external_user_id]
  }

  access_filter: {
    field: email_send.app_group_id
    user_attribute: braze_app_group
  }

  sql_always_where: ${email_send.sent_raw} < CURRENT_TIMESTAMP()
    {% if email_send.campaign_api_id._in_query %}
      AND ${email_send.campaign_api_id} IS NOT NULL
    {% endif %} ;;

  fields: [ALL_FIELDS*, -email_open.user_agent, -email_click.url]

  join: email_delivery {
    type: left_outer
    relationship: one_to_one
    sql_on: ${email_send.send_id} = ${email_delivery.send_id}
      AND ${email_send.email_address} = ${email_delivery.email_address} ;;
  }

  join: email_open {
    type: left_outer
    relationship: one_to_many
    sql_on: ${email_send.send_id} = ${email_open.send_id}
      AND ${email_send.email_address} = ${email_open.email_address} ;;
    fields: [email_open.count, email_open.unique_opens, email_open.machine_open]
  }

  join: email_click {
    type: left_outer
    relationship: one_to_many
    sql_on: ${email_send.send_id} = ${email_click.send_id}
      AND ${email_send.email_address} = ${email_click.email_address} ;;
  }

  join: email_bounce {
    relationship: one_to_one
    sql_on: ${email_send.send_id} = ${email_bounce.send_id} ;;
    required_joins: [email_delivery]
  }

  join: email_unsubscribe {
    relationship: one_to_many
    sql_on: ${email_send.email_address} = ${email_unsubscribe.email_address}
      AND ${email_unsubscribe.time_raw} >= ${email_send.sent_raw} ;;
  }

  join: campaign {
    from: campaign_names
    view_label: "Campaign"
    type: inner
    relationship: many_to_one
    sql_on: ${email_send.campaign_api_id} = ${campaign.campaign_api_id} ;;
  }

  aggregate_table: rollup__sent_date__campaign {
    query: {
      dimensions: [email_send.sent_date, campaign.campaign_name]
      measures: [email_send.count, email_open.unique_opens, email_click.count]
      filters: [email_send.sent_date: "90 days", campaign.campaign_name: "-NULL"]
      timezone: "UTC"
    }
    materialization: {
      datagroup_trigger: braze_currents_hourly
      increment_key: "email_send.sent_date"
      increment_offset: 3
    }
  }

  aggregate_table: rollup__esp_week {
    query: {
      dimensions: [email_send.esp, email_send.sent_week]
      measures: [email_send.count]
    }
    materialization: {
      persist_for: "24 hours"
    }
  }
}
