# Multi-line expression bodies, with `;;` at the end of a line or on a line of its own.
# Leading and trailing whitespace of the body is dropped; inner indentation is kept.
view: campaign_conversion {
  derived_table: {
    sql:
      SELECT
        c.ID,
        c.CAMPAIGN_API_ID,
        c.CONVERSION_BEHAVIOR_INDEX
      FROM BRAZE.USERS_CAMPAIGNS_CONVERSION_SHARED AS c
      WHERE c.TIME > 0
    ;;
  }

  dimension: behavior {
    type: string
    sql:
      CASE ${TABLE}.CONVERSION_BEHAVIOR_INDEX
        WHEN 0 THEN 'primary'
        WHEN 1 THEN 'secondary'
      END ;;
  }

  measure: count {
    type: count
    html:
<a href="/explore/braze/campaign_conversion?fields=campaign_conversion.count">
  {{ rendered_value }}
</a>
;;
  }
}
