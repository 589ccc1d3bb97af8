view: installs {
  dimension: source {: type: string }
}
