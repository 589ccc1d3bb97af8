# Time dimension groups over an epoch column and over a timestamp column.
view: first_session {
  sql_table_name: BRAZE.USERS_BEHAVIORS_APP_FIRSTSESSION_SHARED ;;

  dimension_group: first_session {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year, day_of_week, hour_of_day]
    datatype: epoch
    convert_tz: yes
    sql: ${TABLE}.TIME ;;
  }

  dimension_group: landed {
    type: time
    timeframes: [raw, date]
    datatype: timestamp
    sql: ${TABLE}.SF_CREATED_AT ;;
    group_label: "Warehouse"
  }

  dimension_group: cohort {
    type: time
    timeframes: [week, month]
    datatype: date
    sql: TO_DATE(TO_TIMESTAMP(${TABLE}.TIME)) ;;
    convert_tz: no
  }
}
