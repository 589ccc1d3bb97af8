# Sends per user, from the email_sends explore (a native derived table).
view: send_cadence {
  derived_table: {
    explore_source: email_sends {
      column: external_user_id { field: email_sends.external_user_id }
      column: sends { field: email_sends.sends }
      column: first_send { field: email_sends.first_send }
      filters: [email_sends.is_test_send: "no"]
    }
  }

  dimension: external_user_id {
    primary_key: yes
  }

  dimension: sends {
    type: number
  }

  measure: average_sends {
    type: average
    sql: ${sends} ;;
  }
}
