connection: "braze_currents"

include: "/views/*.view"
include: "/explores/*.explore.lkml"

datagroup: nightly {
  sql_trigger: SELECT CURRENT_DATE ;;
}

explore: email_sends {
  label: "Email sends"
  join: email_opens {
    type: left_outer
    relationship: one_to_many
    sql_on: ${email_sends.send_id} = ${email_opens.send_id} ;;
  }
  always_filter: {
    filters: [email_sends.sent_date: "last 30 days"]
  }
}

explore: opens_by_sender {
  from: email_opens
  fields: [ALL_FIELDS*, -opens_by_sender.user_agent]
}
