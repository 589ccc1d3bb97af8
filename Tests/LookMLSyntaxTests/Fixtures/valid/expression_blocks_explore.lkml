# Explore- and join-level expression blocks.
explore: session_start {
  sql_preamble: ALTER SESSION SET TIMEZONE = 'UTC' ;;
  sql_always_where: ${session_start.time_date} >= DATEADD(day, -90, CURRENT_DATE()) ;;
  sql_always_having: ${session_start.count} > 0 ;;

  join: session_end {
    type: left_outer
    relationship: one_to_one
    sql_on: ${session_start.session_id} = ${session_end.session_id}
      AND ${session_start.user_id} = ${session_end.user_id} ;;
  }

  join: first_session {
    relationship: many_to_one
    sql_foreign_key: ${session_start.user_id} ;;
  }

  join: uninstall {
    relationship: many_to_one
    sql_on: ${session_start.device_id} = ${uninstall.device_id} ;;
    sql_where: ${uninstall.device_id} IS NOT NULL ;;
  }
}
