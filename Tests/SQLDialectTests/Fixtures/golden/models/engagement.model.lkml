connection: "warehouse"

include: "/views/*.view.lkml"

explore: email_sends {
  label: "Email sends"
  sql_always_where: NOT ${email_sends.is_test_send} ;;
  always_filter: {
    filters: [email_sends.sent_date: "30 days"]
  }

  join: email_opens {
    type: left_outer
    relationship: one_to_many
    sql_on: ${email_sends.send_id} = ${email_opens.send_id}
      AND ${email_sends.email_address} = ${email_opens.email_address} ;;
  }

  join: campaigns {
    relationship: many_to_one
    foreign_key: campaign_id
  }

  join: users {
    type: inner
    relationship: many_to_one
    sql_on: ${email_sends.external_user_id} = ${users.external_user_id} ;;
  }

  # Reached through users: joining it needs the users join too.
  join: send_cadence {
    relationship: one_to_one
    sql_on: ${users.external_user_id} = ${send_cadence.external_user_id} ;;
  }
}

explore: campaign_stats {
  fields: [ALL_FIELDS*, -campaigns.count]
  always_join: [campaigns]

  join: campaigns {
    fields: [campaign_id, name, count]
    relationship: one_to_one
    sql_on: ${campaign_stats.campaign_id} = ${campaigns.campaign_id} ;;
  }
}

explore: users {
  join: send_cadence {
    relationship: one_to_one
    sql_on: ${users.external_user_id} = ${send_cadence.external_user_id} ;;
  }
}
