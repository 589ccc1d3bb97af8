view: bounces {
  dimension: reason {
    type: string

view: next {
}
