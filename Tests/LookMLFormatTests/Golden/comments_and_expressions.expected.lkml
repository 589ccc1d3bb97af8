include: "/views/*.view.lkml"
include: "/explores/*.explore.lkml"

# A derived table keeps its SQL exactly as written
view: marketing_pressure {
  derived_table: {
    sql:
      SELECT USER_ID, COUNT(*) AS messages -- one row per user
      FROM ${email_sends.SQL_TABLE_NAME}
      GROUP BY 1
    ;;
  }
  dimension: messages {
    type: number
    sql: ${TABLE}.messages ;;
  }
  measure: average_messages {
    type: average
    sql: ${messages} ;; # average of the per-user count
  }
  set: detail {
    fields: [
      messages, # the count
      average_messages
    ]
  }
}
