view: email_delivery_bom {
  # This file starts with a UTF-8 byte-order mark (EF BB BF) before `view`.
  sql_table_name: BRAZE.USERS_MESSAGES_EMAIL_DELIVERY_SHARED ;;

  dimension: sending_ip {
    sql: ${TABLE}.SENDING_IP ;;
  }
}
