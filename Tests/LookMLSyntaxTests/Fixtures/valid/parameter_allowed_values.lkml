# A parameter with repeated allowed_value blocks, used through Liquid.
view: marketing_pressure {
  parameter: pressure_window {
    type: unquoted
    label: "Pressure window"
    default_value: "week"
    allowed_value: {
      label: "Per day"
      value: "day"
    }
    allowed_value: { label: "Per week" value: "week" }
    allowed_value: {
      label: "Per month"
      value: "month"
    }
  }

  parameter: minimum_messages {
    type: number
    default_value: "3"
  }

  dimension: window_start {
    type: date
    label_from_parameter: pressure_window
    sql: DATE_TRUNC('{% parameter pressure_window %}', TO_TIMESTAMP(${TABLE}.TIME)) ;;
  }

  measure: over_pressured_users {
    type: count_distinct
    sql: CASE WHEN ${TABLE}.MESSAGES >= {% parameter minimum_messages %} THEN ${TABLE}.USER_ID END ;;
  }
}
