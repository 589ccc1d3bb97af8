include: "/views/send_pressure.view.lkml"

explore: send_pressure {
  join: email_sends {
    relationship: one_to_many
    sql_on: ${send_pressure.external_user_id} = ${email_sends.external_user_id} ;;
  }
}

explore: +email_sends {
  description: "Refined to add pressure"
  join: send_pressure {
    relationship: many_to_one
    sql_on: ${email_sends.external_user_id} = ${send_pressure.external_user_id} ;;
  }
}
