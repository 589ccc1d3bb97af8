view: clicks {
  dimension: url {
    type:
  }
}
