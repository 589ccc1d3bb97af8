# `expression` (data-test asserts) and `expression_custom_filter` (native derived tables).
test: every_send_has_an_id {
  explore_source: email_send {
    column: missing_ids { field: email_send.count_missing_id }
  }
  assert: no_missing_ids {
    expression: ${email_send.count_missing_id} = 0 ;;
  }
}

view: recent_converters {
  derived_table: {
    explore_source: campaign_conversion {
      column: external_user_id {}
      column: conversions { field: campaign_conversion.count }
      expression_custom_filter: ${campaign_conversion.time_date} >= add_days(-30, now()) ;;
    }
  }
}
