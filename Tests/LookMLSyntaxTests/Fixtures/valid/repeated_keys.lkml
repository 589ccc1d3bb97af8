# Keys that may repeat become one plural list in lkml-json, in order of appearance,
# at the position where the key first appears.
include: "/views/braze/*.view.lkml"
include: "/explores/*.explore.lkml"

datagroup: braze_hourly { interval_trigger: "1 hour" }
datagroup: braze_daily { interval_trigger: "24 hours" }

explore: email_open {
  join: email_send {
    sql_on: ${email_open.send_id} = ${email_send.send_id} ;;
    relationship: many_to_one
  }
  join: email_click {
    sql_on: ${email_open.send_id} = ${email_click.send_id} ;;
    relationship: one_to_many
  }
  aggregate_table: opens_by_day {
    query: {
      dimensions: [email_open.time_date]
      measures: [email_open.count]
    }
    materialization: { datagroup_trigger: braze_daily }
  }
}

view: email_open {
  dimension: send_id { sql: ${TABLE}.SEND_ID ;; }
  measure: count { type: count }
  dimension: user_agent {
    sql: ${TABLE}.USER_AGENT ;;
    link: { label: "Search agent" url: "https://www.google.com/search?q={{ value | url_encode }}" }
    link: { label: "Opens by agent" url: "/explore/braze/email_open?fields=email_open.count&f[email_open.user_agent]={{ value }}" }
  }
  measure: unique_opens { type: count_distinct sql: ${TABLE}.EMAIL_ADDRESS ;; }
}
