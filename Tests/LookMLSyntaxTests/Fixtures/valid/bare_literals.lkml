# Bare (unquoted) values: yes/no, enum words, numbers, field references, wildcards, negations.
explore: email_delivery {
  hidden: no
  fields: [email_delivery.*, email_send.delivery_detail*, -email_delivery.sending_ip]

  join: email_send {
    type: left_outer
    relationship: one_to_one
    sql_on: ${email_delivery.send_id} = ${email_send.send_id} ;;
    fields: [email_send.esp, email_send.ip_pool]
  }
}

view: email_delivery {
  dimension: sending_ip {
    hidden: yes
    type: string
    sql: ${TABLE}.SENDING_IP ;;
  }

  measure: median_delivery_seconds {
    type: percentile
    percentile: 50
    precision: 2
    value_format_name: decimal_2
    sql: ${TABLE}.DELIVERY_SECONDS ;;
  }

  measure: approx_recipients {
    type: count_distinct
    approximate: yes
    approximate_threshold: 100000
    sql: ${TABLE}.EMAIL_ADDRESS ;;
  }
}
