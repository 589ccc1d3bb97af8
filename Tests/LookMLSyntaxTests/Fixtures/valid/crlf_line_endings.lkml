# CRLF line endings (Windows editors). Every line, including this one, ends with \r\n.
view: push_bounce {
  sql_table_name: BRAZE.USERS_MESSAGES_PUSHNOTIFICATION_BOUNCE_SHARED ;;

  dimension: platform {
    type: string # the comment ends before the carriage return
    sql: ${TABLE}.PLATFORM ;;
  }

  dimension: token_kind {
    description: "A quoted string
over two lines"
    sql:
      CASE WHEN ${TABLE}.PUSH_TOKEN IS NULL THEN 'missing'
           ELSE 'present' END
    ;;
  }

  measure: bounces {
    type: count
    drill_fields: [platform, token_kind]
    filters: [platform: "-NULL"]
  }
}
