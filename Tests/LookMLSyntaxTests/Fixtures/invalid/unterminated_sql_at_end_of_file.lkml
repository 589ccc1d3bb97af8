view: pushes {
  derived_table: {
    sql: SELECT * FROM PUSH_SENDS
