WITH campaign_stats AS (
SELECT
        s.CAMPAIGN_ID AS campaign_id,
        COUNT(*) AS sends,
        COUNT(DISTINCT s.EMAIL_ADDRESS) AS unique_recipients
      FROM CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_SEND AS s
      WHERE (TO_TIMESTAMP(s.TIME) >= DATEADD(day, -6, DATE_TRUNC('day', CURRENT_TIMESTAMP())) AND TO_TIMESTAMP(s.TIME) < DATEADD(day, 1, DATE_TRUNC('day', CURRENT_TIMESTAMP())))
        AND 1=1
        AND s.CAMPAIGN_ID NOT IN ('test_campaign')
      GROUP BY 1
)
SELECT
    campaign_stats.campaign_id AS "campaign_stats.campaign_id",
    campaign_stats.sends AS "campaign_stats.sends",
    campaign_stats.unique_recipients AS "campaign_stats.unique_recipients",
    campaign_stats.sends AS "campaign_stats.chosen_metric",
    CURRENT_ACCOUNT() AS "campaign_stats.warehouse",
    campaigns.ID AS "campaigns.campaign_id",
    campaigns.NAME AS "campaigns.name",
    COUNT(*) AS "campaign_stats.count",
    COALESCE(SUM(campaign_stats.sends), 0) AS "campaign_stats.total_sends",
    COALESCE(SUM(campaign_stats.sends), 0) / NULLIF(COUNT(*), 0) AS "campaign_stats.sends_per_campaign"
FROM campaign_stats AS campaign_stats
LEFT JOIN CURRENTS_DB.BRAZE.CAMPAIGNS AS campaigns ON campaign_stats.campaign_id = campaigns.ID
GROUP BY 1, 2, 3, 4, 5, 6, 7
