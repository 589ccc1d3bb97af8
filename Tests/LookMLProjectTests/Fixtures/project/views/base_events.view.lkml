# Columns every Currents event table has.
view: base_events {
  extension: required

  dimension: id {
    primary_key: yes
    hidden: yes
    type: string
    sql: ${TABLE}.ID ;;
  }

  dimension: external_user_id {
    type: string
    tags: ["braze_id"]
    sql: ${TABLE}.EXTERNAL_USER_ID ;;
  }

  dimension_group: sent {
    type: time
    timeframes: [raw, date, week, month]
    datatype: epoch
    sql: ${TABLE}.TIME ;;
  }
}
