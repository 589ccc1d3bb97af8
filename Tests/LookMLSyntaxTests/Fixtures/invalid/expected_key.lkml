view: unsub {
  "loose string"
  dimension: id { type: string }
}
