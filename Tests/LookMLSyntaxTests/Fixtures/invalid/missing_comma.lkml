explore: opens {
  fields: [opens.id opens.time]
}
