view: email_sends {
  dimension: campaign_id {
    sql: ${TABLE}.CAMPAIGN_ID
  }
  dimension: send_id {
    sql: ${TABLE}.SEND_ID ;;
  }
}
