# What every Currents event table has.
view: event_base {
  extension: required

  dimension: id {
    primary_key: yes
    hidden: yes
    sql: ${TABLE}.ID ;;
  }

  dimension: external_user_id {
    sql: ${TABLE}.EXTERNAL_USER_ID ;;
  }

  dimension_group: sent {
    type: time
    datatype: epoch
    timeframes: [raw, time, date, week, month, quarter, year, hour, hour6, minute15, time_of_day, hour_of_day,
      day_of_week, day_of_week_index, day_of_month, day_of_year, week_of_year, month_name, month_num, quarter_of_year, yesno]
    sql: ${TABLE}.TIME ;;
  }
}
