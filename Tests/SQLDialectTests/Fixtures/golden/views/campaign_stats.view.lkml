# Per-campaign sends, from SQL with Liquid: filters, a parameter and _in_query.
view: campaign_stats {
  derived_table: {
    sql:
      SELECT
        s.CAMPAIGN_ID AS campaign_id,
        COUNT(*) AS sends,
        {% if campaign_stats.unique_recipients._in_query %}COUNT(DISTINCT s.EMAIL_ADDRESS){% else %}NULL{% endif %} AS unique_recipients
      FROM ${email_sends.SQL_TABLE_NAME} AS s
      WHERE {% condition campaign_stats.sent_window %} TO_TIMESTAMP(s.TIME) {% endcondition %}
        AND {% condition campaign_stats.campaign_filter %} s.CAMPAIGN_ID {% endcondition %}
        AND s.CAMPAIGN_ID NOT IN ({% parameter excluded_campaigns %})
      GROUP BY 1 ;;
  }

  filter: sent_window {
    type: date
    default_value: "7 days"
  }

  filter: campaign_filter {
    type: string
  }

  parameter: excluded_campaigns {
    type: unquoted
    default_value: "'test_campaign'"
  }

  parameter: metric {
    type: unquoted
    allowed_value: { value: "sends" }
    allowed_value: { value: "unique_recipients" }
  }

  dimension: campaign_id {
    primary_key: yes
    sql: ${TABLE}.campaign_id ;;
  }

  dimension: sends {
    type: number
    sql: ${TABLE}.sends ;;
  }

  dimension: unique_recipients {
    type: number
    sql: ${TABLE}.unique_recipients ;;
  }

  dimension: chosen_metric {
    type: number
    sql: ${TABLE}.{% parameter metric %} ;;
  }

  dimension: warehouse {
    sql: {% if _dialect._name == 'snowflake' %}CURRENT_ACCOUNT(){% else %}CURRENT_DATABASE(){% endif %} ;;
  }

  measure: count {
    type: count
  }

  measure: total_sends {
    type: sum
    sql: ${sends} ;;
  }

  measure: sends_per_campaign {
    type: number
    sql: ${total_sends} / NULLIF(${count}, 0) ;;
  }
}
