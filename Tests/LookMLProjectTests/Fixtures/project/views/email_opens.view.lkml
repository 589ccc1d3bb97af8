view: email_opens {
  extends: [base_events]
  sql_table_name: @{CURRENTS_SCHEMA}.USERS_MESSAGES_EMAIL_OPEN ;;

  dimension: send_id {
    type: string
    sql: ${TABLE}.SEND_ID ;;
  }

  dimension: user_agent {
    type: string
    sql: ${TABLE}.USER_AGENT ;;
  }

  measure: count {
    type: count
  }

  measure: unique_opens {
    type: count_distinct
    sql: ${email_sends.email_address} ;;
  }
}
