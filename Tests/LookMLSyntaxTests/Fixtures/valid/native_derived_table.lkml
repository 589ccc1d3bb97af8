# A native derived table: explore_source with columns, derived columns, bind_filters and filters.
view: user_message_frequency {
  derived_table: {
    explore_source: email_send {
      column: external_user_id { field: email_send.external_user_id }
      column: sends { field: email_send.count }
      column: first_send {}
      derived_column: sends_rank {
        sql: RANK() OVER (ORDER BY sends DESC) ;;
      }
      bind_filters: {
        from_field: user_message_frequency.send_window
        to_field: email_send.sent_date
      }
      bind_filters: {
        from_field: user_message_frequency.app_group
        to_field: email_send.app_group_id
      }
      filters: [email_send.esp: "-NULL"]
      timezone: "America/New_York"
    }
    datagroup_trigger: braze_daily
  }

  filter: send_window { type: date }
  filter: app_group { type: string }

  dimension: sends { type: number }
}
