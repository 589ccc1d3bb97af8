# Pair lists: `filters: [view.field: "value", ...]`, the filter syntax Looker prefers.
view: email_bounce {
  sql_table_name: BRAZE.USERS_MESSAGES_EMAIL_BOUNCE_SHARED ;;

  dimension: is_drop {
    type: yesno
    sql: ${TABLE}.IS_DROP ;;
  }

  dimension: bounce_reason {
    type: string
    sql: ${TABLE}.BOUNCE_REASON ;;
  }

  measure: dropped_bounces {
    type: count
    filters: [is_drop: "yes"]
  }

  measure: explained_hard_bounces {
    type: count
    filters: [email_bounce.is_drop: "no", email_bounce.bounce_reason: "-NULL"]
  }

  measure: mailbox_bounces {
    type: count
    filters: [
      bounce_reason: "%mailbox%,%inbox%",
      is_drop: "no",
    ]
  }
}
