view: email_sends {
  extends: [base_events]
  sql_table_name: @{CURRENTS_SCHEMA}.USERS_MESSAGES_EMAIL_SEND ;;

  dimension: send_id {
    type: string
    sql: ${TABLE}.SEND_ID ;;
    link: {
      label: "Opens of this send"
      url: "/explore/engagement/email_sends?fields=email_sends.send_id,email_opens.count&f[email_sends.send_id]={{ value }}"
    }
  }

  dimension: email_address {
    type: string
    sql: ${TABLE}.EMAIL_ADDRESS ;;
    html: {% if email_sends.send_id._in_query %}<b>{{ rendered_value }}</b>{% else %}{{ rendered_value }}{% endif %} ;;
  }

  measure: sends {
    type: count
    drill_fields: [detail*]
  }

  measure: sends_last_week {
    type: count
    filters: [sent_date: "7 days"]
  }

  measure: open_rate {
    type: number
    sql: 1.0 * ${email_opens.unique_opens} / NULLIF(${sends}, 0) ;;
    value_format_name: percent_1
  }

  set: detail {
    fields: [id, send_id, email_address, sent_date]
  }
}
