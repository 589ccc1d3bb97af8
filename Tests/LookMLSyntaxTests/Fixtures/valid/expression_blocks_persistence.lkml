# Persistence expression blocks: sql_trigger_value, sql_trigger, sql_create and repeated sql_step.
datagroup: braze_currents_hourly {
  sql_trigger: SELECT MAX(SF_CREATED_AT) FROM BRAZE.USERS_MESSAGES_EMAIL_SEND_SHARED ;;
  max_cache_age: "2 hours"
}

view: daily_sends {
  derived_table: {
    sql: SELECT TO_DATE(TO_TIMESTAMP(TIME)) AS SEND_DATE, COUNT(*) AS SENDS
         FROM BRAZE.USERS_MESSAGES_EMAIL_SEND_SHARED GROUP BY 1 ;;
    sql_trigger_value: SELECT CURRENT_DATE() ;;
  }
}

view: user_first_session {
  derived_table: {
    create_process: {
      sql_step: CREATE TABLE ${SQL_TABLE_NAME}_staging AS
                SELECT USER_ID, MIN(TIME) AS FIRST_TIME FROM BRAZE.USERS_BEHAVIORS_APP_FIRSTSESSION_SHARED GROUP BY 1 ;;
      sql_step: ALTER TABLE ${SQL_TABLE_NAME}_staging RENAME TO ${SQL_TABLE_NAME} ;;
    }
    datagroup_trigger: braze_currents_hourly
  }
}

view: webhook_sends_by_day {
  derived_table: {
    sql_create: CREATE TABLE ${SQL_TABLE_NAME} AS
      SELECT DISPATCH_ID, COUNT(*) AS SENDS FROM BRAZE.USERS_MESSAGES_WEBHOOK_SEND_SHARED GROUP BY 1 ;;
    persist_for: "12 hours"
  }
}
