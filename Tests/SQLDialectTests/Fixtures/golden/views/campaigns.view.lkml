view: campaigns {
  sql_table_name: @{CURRENTS}.CAMPAIGNS ;;

  dimension: campaign_id {
    primary_key: yes
    sql: ${TABLE}.ID ;;
  }

  dimension: name {
    sql: ${TABLE}.NAME ;;
  }

  measure: count {
    type: count
  }
}
