# access_grant blocks take a plain `allowed_values` list, unlike parameter's repeated `allowed_value`.
access_grant: can_see_email_addresses {
  user_attribute: braze_pii_access
  allowed_values: ["yes", "full"]
}

access_grant: can_see_revenue {
  user_attribute: department
  allowed_values: ["finance"]
}

explore: purchase {
  required_access_grants: [can_see_revenue]
  access_filter: {
    field: purchase.app_group_id
    user_attribute: braze_app_group
  }
  access_filter: {
    field: purchase.currency
    user_attribute: home_currency
  }
}

view: email_recipient {
  dimension: email_address {
    required_access_grants: [can_see_email_addresses]
    sql: ${TABLE}.EMAIL_ADDRESS ;;
  }
}
