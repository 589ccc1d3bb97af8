WITH campaign_stats AS (
SELECT
        s.CAMPAIGN_ID AS campaign_id,
        COUNT(*) AS sends,
        NULL AS unique_recipients
      FROM CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_SEND AS s
      WHERE (TO_TIMESTAMP(s.TIME) >= (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (-6) * INTERVAL '1 day') AND TO_TIMESTAMP(s.TIME) < (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (1) * INTERVAL '1 day'))
        AND 1=1
        AND s.CAMPAIGN_ID NOT IN ('test_campaign')
      GROUP BY 1
)
SELECT
    campaign_stats.campaign_id AS "campaign_stats.campaign_id",
    COUNT(*) AS "campaign_stats.count"
FROM campaign_stats AS campaign_stats
LEFT JOIN CURRENTS_DB.BRAZE.CAMPAIGNS AS campaigns ON campaign_stats.campaign_id = campaigns.ID
GROUP BY 1
