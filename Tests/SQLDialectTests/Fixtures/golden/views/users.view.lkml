view: users {
  sql_table_name: @{CURRENTS}.USERS ;;

  dimension: external_user_id {
    primary_key: yes
    sql: ${TABLE}.EXTERNAL_USER_ID ;;
  }

  dimension: country {
    sql: ${TABLE}.COUNTRY ;;
  }

  dimension: region {
    case: {
      when: {
        sql: ${country} IN ('US', 'CA', 'MX') ;;
        label: "North America"
      }
      when: {
        sql: ${country} IN ('FR', 'DE', 'GB') ;;
        label: "Europe"
      }
      else: "Elsewhere"
    }
  }

  dimension: last_location {
    type: location
    sql_latitude: ${TABLE}.LAST_LATITUDE ;;
    sql_longitude: ${TABLE}.LAST_LONGITUDE ;;
  }

  dimension_group: first_session {
    type: time
    timeframes: [raw, date, week]
    sql: ${TABLE}.FIRST_SESSION_AT ;;
  }

  dimension_group: since_first_session {
    type: duration
    intervals: [hour, day, week, month]
    sql_start: ${first_session_raw} ;;
    sql_end: CURRENT_TIMESTAMP ;;
  }

  measure: count {
    type: count
  }

  measure: average_days_since_first_session {
    type: average
    sql: ${days_since_first_session} ;;
  }

  measure: median_days_since_first_session {
    type: median
    sql: ${days_since_first_session} ;;
  }

  measure: p90_days_since_first_session {
    type: percentile
    percentile: 90
    sql: ${days_since_first_session} ;;
  }

  measure: total_days_since_first_session {
    type: sum
    sql: ${days_since_first_session} ;;
  }
}
