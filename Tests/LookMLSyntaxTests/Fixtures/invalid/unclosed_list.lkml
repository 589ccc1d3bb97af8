explore: email {
  fields: [email_sends.id, email_sends.time
}
