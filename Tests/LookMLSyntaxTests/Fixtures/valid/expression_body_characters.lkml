# Inside an expression block `#`, quotes, braces, Liquid and substitutions are plain text.
view: custom_event {
  sql_table_name: @{BRAZE_SCHEMA}.USERS_BEHAVIORS_CUSTOMEVENT{% if _user_attributes['braze_layout'] == 'shared' %}_SHARED{% endif %} ;;

  dimension: name {
    sql: ${TABLE}.NAME ;; # this comment is after the block, so it is LookML trivia
  }

  dimension: plan_tier {
    sql: PARSE_JSON(${TABLE}.PROPERTIES):"plan"::STRING # not a comment: this is SQL
      ;;
  }

  dimension: properties_json {
    sql: '{"source": "app", "tags": ["a", "b"]}' || ${TABLE}.PROPERTIES ;;
    html: {% if value contains "{" %}<pre>{{ value | escape }}</pre>{% else %}{{ rendered_value }}{% endif %} ;;
  }

  dimension: event_name_filtered {
    sql: CASE WHEN {% condition custom_event.name_filter %} ${TABLE}.NAME {% endcondition %}
              THEN ${name} ELSE 'other # bucket' END ;;
  }

  filter: name_filter {
    type: string
  }

  dimension: days_since_event {
    type: number
    sql: DATEDIFF(day, TO_TIMESTAMP(${TABLE}.TIME), '@{REPORTING_DATE}') ;;
  }
}
