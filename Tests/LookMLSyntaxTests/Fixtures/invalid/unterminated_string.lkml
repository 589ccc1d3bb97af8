view: spam {
  dimension: address {
    label: "Email address
    type: string
  }
}
