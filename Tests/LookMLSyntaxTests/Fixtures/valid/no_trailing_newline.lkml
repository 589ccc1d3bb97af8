# This file ends right after the closing brace, with no newline.
view: uninstall {
  sql_table_name: BRAZE.USERS_BEHAVIORS_UNINSTALL_SHARED ;;
  dimension: device_id {
    sql: ${TABLE}.DEVICE_ID ;;
  }
}