# Refinements: `view: +name` and `explore: +name` add to an existing object.
view: +email_send {
  dimension: esp {
    label: "Email Service Provider"
  }
}

view: +email_send {
  final: yes
}

explore: +email_send {
  label: "Email Sends (refined)"
  join: email_unsubscribe {
    relationship: one_to_many
    sql_on: ${email_send.email_address} = ${email_unsubscribe.email_address} ;;
  }
}

explore: +push_send {}
