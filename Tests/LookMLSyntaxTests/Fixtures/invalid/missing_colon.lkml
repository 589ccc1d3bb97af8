view: opens {
  dimension id {
    type: string
  }
}
