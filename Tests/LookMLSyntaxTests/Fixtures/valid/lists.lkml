# Lists of bare words, of quoted strings, empty lists and lists over several lines.
view: push_send {
  sql_table_name: BRAZE.USERS_MESSAGES_PUSHNOTIFICATION_SEND_SHARED ;;
  drill_fields: []

  dimension_group: sent {
    type: time
    timeframes: [raw, time, hour_of_day, date, week, month]
    datatype: epoch
    sql: ${TABLE}.TIME ;;
  }

  dimension: platform {
    type: string
    sql: ${TABLE}.PLATFORM ;;
    tags: ["braze", "push", "device"]
    suggestions: ["ios", "android", "web"]
  }

  set: push_detail {
    fields: [
      platform,
      sent_date,
      push_send.count
    ]
  }

  set: nothing_yet { fields: [ ] }

  measure: count {
    type: count
    drill_fields: [push_detail*]
  }
}
