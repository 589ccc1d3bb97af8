# Email sends, as a customer might write them by hand
view: email_sends {
  sql_table_name: BRAZE.CURRENTS.USERS_MESSAGES_EMAIL_SEND_SHARED ;;
  dimension: id {
    primary_key: yes
    hidden: yes
    type: string
    sql: ${TABLE}.ID ;;
  }

  dimension: campaign_id { # the API id
    type: string
    sql: ${TABLE}.CAMPAIGN_API_ID ;;
  }
  dimension_group: sent {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year]
    datatype: epoch
    sql: ${TABLE}.TIME ;;
  }
  measure: sends {
    type: count
    drill_fields: [
      id,
      campaign_id,
      sent_date,
      email_address,
      dispatch_id,
      send_id,
      message_variation_api_id
    ]
  }
  # trailing comment inside the view
}

explore: email_sends {}
