# A quoted string may span several lines; the line breaks are part of the value.
view: email_open {
  dimension: machine_open {
    type: string
    sql: ${TABLE}.MACHINE_OPEN ;;
    description: "Set to 'true' when the open came from a mail client
that prefetches images (for example Apple Mail Privacy Protection).
    Indentation on continuation lines is kept too."
  }

  measure: human_opens {
    type: count
    filters: [machine_open: "-true"]
    label: "Human
Opens"
  }
}
