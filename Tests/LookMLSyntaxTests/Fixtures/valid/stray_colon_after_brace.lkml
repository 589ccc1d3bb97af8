# Looker accepts a stray `:` right after an opening brace and ignores it.
view: inapp_impression {:
  sql_table_name: BRAZE.USERS_MESSAGES_INAPPMESSAGE_IMPRESSION_SHARED ;;

  dimension: card_api_id {: type: string sql: ${TABLE}.CARD_API_ID ;; }

  dimension: version {:
    type: string
    sql: ${TABLE}.VERSION ;;
    link: {: label: "Docs" url: "https://www.braze.com/docs" }
  }

  measure: impressions {: type: count }
}
