view: deliveries {
  dimension: ip { type: string }
}
}
