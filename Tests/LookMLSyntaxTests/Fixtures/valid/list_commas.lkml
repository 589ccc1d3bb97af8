# Leading and trailing commas in lists are tolerated.
view: sms_send {
  dimension_group: sent {
    type: time
    timeframes: [date, week, month,]
    sql: TO_TIMESTAMP(${TABLE}.TIME) ;;
  }

  set: sms_detail {
    fields: [
      , to_phone_number
      , subscription_group_api_id
      , sent_date
    ]
  }

  measure: count {
    type: count
    drill_fields: [sms_detail*,]
    filters: [
      sms_send.to_phone_number: "-NULL",
    ]
  }
}
