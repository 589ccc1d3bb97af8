view: send_pressure {
  derived_table: {
    explore_source: email_sends {
      column: external_user_id { field: email_sends.external_user_id }
      column: sends { field: email_sends.sends }
    }
  }

  dimension: external_user_id {
    type: string
    primary_key: yes
  }

  dimension: sends {
    type: number
  }
}

view: send_totals {
  derived_table: {
    sql: SELECT COUNT(*) AS n FROM ${email_sends.SQL_TABLE_NAME} ;;
  }

  dimension: n {
    type: number
    sql: ${TABLE}.n ;;
  }
}
