# Refinements: addresses compared case-insensitively, and a rolling-week count.
view: +email_sends {
  dimension: email_address {
    sql: LOWER(${EXTENDED}) ;;
  }

  measure: sends_last_7_days {
    type: count
    filters: [sent_date: "7 days"]
  }
}
