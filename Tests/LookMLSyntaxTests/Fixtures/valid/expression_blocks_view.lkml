# View-level expression blocks: the value runs to `;;` and is SQL or HTML, not LookML.
view: purchase {
  sql_table_name: BRAZE.USERS_BEHAVIORS_PURCHASE_SHARED ;;

  dimension: id {
    primary_key: yes
    sql: ${TABLE}.ID ;;
  }

  dimension: price {
    type: number
    sql: ${TABLE}.PRICE ;;
    html: <span title="{{ purchase.currency._value }}">{{ rendered_value }}</span> ;;
  }

  dimension: currency {
    sql: ${TABLE}.CURRENCY ;;
  }

  measure: revenue_per_purchase {
    type: sum_distinct
    sql_distinct_key: ${id} ;;
    sql: ${price} ;;
  }
}

view: location {
  sql_table_name: BRAZE.USERS_BEHAVIORS_LOCATION_SHARED ;;

  dimension: reported_at {
    type: location
    sql_latitude: ${TABLE}.LATITUDE ;;
    sql_longitude: ${TABLE}.LONGITUDE ;;
  }
}
