# Duration dimension groups: sql_start and sql_end are expression blocks.
view: session_end {
  sql_table_name: BRAZE.USERS_BEHAVIORS_APP_SESSIONEND_SHARED ;;

  dimension_group: session {
    type: duration
    intervals: [second, minute, hour]
    sql_start: TO_TIMESTAMP(${TABLE}.TIME - ${TABLE}.DURATION) ;;
    sql_end: TO_TIMESTAMP(${TABLE}.TIME) ;;
  }

  dimension_group: since_first_session {
    type: duration
    intervals: [day, week]
    sql_start: ${first_session.first_session_raw} ;;
    sql_end:
      TO_TIMESTAMP(${TABLE}.TIME)
    ;;
  }

  measure: average_session_minutes {
    type: average
    sql: ${minutes_session} ;;
    value_format_name: decimal_1
  }
}
