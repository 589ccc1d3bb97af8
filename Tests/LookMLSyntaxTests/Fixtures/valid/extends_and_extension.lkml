# `extension: required` marks an abstract object; `extends` lists what to inherit.
view: braze_message_event {
  extension: required

  dimension: id {
    primary_key: yes
    sql: ${TABLE}.ID ;;
  }

  dimension: external_user_id {
    sql: ${TABLE}.EXTERNAL_USER_ID ;;
  }
}

view: braze_device_event {
  extension: required
  dimension: platform { sql: ${TABLE}.PLATFORM ;; }
}

view: push_open {
  extends: [braze_message_event, braze_device_event]
  sql_table_name: BRAZE.USERS_MESSAGES_PUSHNOTIFICATION_OPEN_SHARED ;;
}

explore: push_open_base {
  extension: required
  view_name: push_open
}

explore: push_open {
  extends: [push_open_base]
}
