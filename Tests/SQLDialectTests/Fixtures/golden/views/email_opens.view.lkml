view: email_opens {
  extends: [event_base]
  sql_table_name: @{CURRENTS}.USERS_MESSAGES_EMAIL_OPEN ;;

  dimension: send_id {
    sql: ${TABLE}.SEND_ID ;;
  }

  dimension: email_address {
    sql: LOWER(${TABLE}.EMAIL_ADDRESS) ;;
  }

  dimension: machine_open {
    type: yesno
    sql: ${TABLE}.MACHINE_OPEN = 'true' ;;
  }

  measure: opens {
    type: count
  }

  measure: unique_opens {
    type: count_distinct
    sql: ${email_address} ;;
    filters: [machine_open: "no"]
  }

  # A measure of measures, from two views.
  measure: open_rate {
    type: number
    sql: 1.0 * ${unique_opens} / NULLIF(${email_sends.sends}, 0) ;;
    value_format_name: percent_1
  }

  # Integer over integer: truncates on Postgres.
  measure: opens_per_recipient {
    type: number
    sql: ${opens} / NULLIF(${email_sends.recipients}, 0) ;;
  }
}
