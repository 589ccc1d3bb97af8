# braze.model.lkml — the Braze Currents model.
connection: "braze_snowflake"
label: "Braze"

include: "/views/**/*.view.lkml"
include: "/explores/email.explore.lkml"
include: "//braze_shared_definitions/views/*.view"

week_start_day: monday

datagroup: braze_currents_hourly {
  label: "New Currents rows"
  description: "Fires when a new batch of email sends lands in the share."
  sql_trigger: SELECT MAX(SF_CREATED_AT) FROM @{BRAZE_SCHEMA}.USERS_MESSAGES_EMAIL_SEND_SHARED ;;
  max_cache_age: "2 hours"
}

datagroup: braze_daily {
  interval_trigger: "24 hours"
  max_cache_age: "26 hours"
}

persist_with: braze_currents_hourly

access_grant: can_see_email_addresses {
  user_attribute: braze_pii_access
  allowed_values: ["full"]
}

named_value_format: big_count {
  value_format: "[>=1000000]0.0,,\"M\";[>=1000]0.0,\"K\";0"
}

explore: push_send {
  label: "Push Funnel"
  join: push_open {
    relationship: one_to_many
    sql_on: ${push_send.send_id} = ${push_open.send_id}
      AND ${push_send.device_id} = ${push_open.device_id} ;;
  }
  join: push_bounce {
    relationship: one_to_one
    sql_on: ${push_send.send_id} = ${push_bounce.send_id} ;;
  }
}

explore: custom_event {
  label: "Custom Events"
  sql_always_where: ${custom_event.name} NOT LIKE 'test_%' ;;
}

explore: marketing_pressure_base {
  extension: required
  view_name: email_send
  fields: [email_send.external_user_id, email_send.count, email_send.sent_date]
}

explore: marketing_pressure {
  extends: [marketing_pressure_base]
  label: "Marketing Pressure"
  always_filter: { filters: [email_send.sent_date: "28 days"] }
}

# Refinements layer changes over the explores defined in other files.
explore: +email_send {
  label: "Email Funnel (with conversions)"
  join: campaign_conversion {
    relationship: many_to_many
    sql_on: ${email_send.campaign_api_id} = ${campaign_conversion.campaign_api_id}
      AND ${email_send.external_user_id} = ${campaign_conversion.external_user_id} ;;
  }
}

explore: +custom_event {
  hidden: yes
}

view: +email_send {
  dimension: esp {
    label: "Email Service Provider"
  }
  measure: count {
    label: "Emails Sent"
  }
}
