# An expression block may be empty, or hold only whitespace.
view: in_app_message_click {
  sql_table_name: ;;

  dimension: button_id {
    sql:;;
  }

  dimension: card_api_id {
    html:
    ;;
    sql: ${TABLE}.CARD_API_ID ;;
  }
}
