# Named blocks: `key: name { ... }`, including empty and single-line ones.
view: email_unsubscribe {
  sql_table_name: BRAZE.USERS_MESSAGES_EMAIL_UNSUBSCRIBE_SHARED ;;

  dimension: id {
    primary_key: yes
    type: string
    sql: ${TABLE}.ID ;;
  }

  dimension: email_address { type: string sql: ${TABLE}.EMAIL_ADDRESS ;; }

  dimension: placeholder {}

  measure: unsubscribes {
    type: count
  }
}
