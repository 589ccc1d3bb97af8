view: email_sends {
  extends: [event_base]
  sql_table_name: @{CURRENTS}.USERS_MESSAGES_EMAIL_SEND ;;

  dimension: send_id {
    sql: ${TABLE}.SEND_ID ;;
  }

  dimension: campaign_id {
    sql: ${TABLE}.CAMPAIGN_ID ;;
  }

  dimension: email_address {
    sql: ${TABLE}.EMAIL_ADDRESS ;;
  }

  dimension: email_domain {
    sql: SPLIT_PART(${email_address}, '@', 2) ;;
  }

  dimension: is_test_send {
    type: yesno
    sql: ${email_domain} = 'example.com' ;;
  }

  dimension: send_hour_tier {
    type: tier
    tiers: [6, 12, 18]
    style: integer
    sql: ${sent_hour_of_day} ;;
  }

  measure: sends {
    type: count
  }

  measure: recipients {
    type: count_distinct
    sql: ${email_address} ;;
  }

  measure: sends_to_gmail {
    type: count
    filters: [email_domain: "gmail.com,googlemail.com"]
  }

  measure: sends_outside_tests {
    type: count
    filters: [is_test_send: "no", email_domain: "-%.invalid"]
  }

  measure: first_send {
    type: min
    sql: ${sent_raw} ;;
  }

  measure: last_send {
    type: max
    sql: ${sent_raw} ;;
  }

  measure: domains {
    type: list
    list_field: email_domain
  }
}
