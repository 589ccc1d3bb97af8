# Anonymous blocks: `key: { ... }` with no name between the colon and the brace.
view: canvas_entry_daily {
  derived_table: {
    sql: SELECT CANVAS_ID, TO_DATE(TO_TIMESTAMP(TIME)) AS ENTRY_DATE, COUNT(*) AS ENTRIES
         FROM BRAZE.USERS_CANVAS_ENTRY_SHARED
         GROUP BY 1, 2 ;;
    persist_for: "24 hours"
  }

  dimension: canvas_id {
    type: string
    sql: ${TABLE}.CANVAS_ID ;;
    link: {
      label: "Open Canvas in Braze"
      url: "https://dashboard.braze.com/engagement/canvas/{{ value }}"
      icon_url: "https://www.braze.com/favicon.ico"
    }
  }

  measure: entries {
    type: sum
    sql: ${TABLE}.ENTRIES ;;
  }
}

explore: canvas_entry_daily {
  always_filter: {}
}
