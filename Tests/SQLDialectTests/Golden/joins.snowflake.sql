WITH send_cadence AS (
SELECT
    email_sends.EXTERNAL_USER_ID AS external_user_id,
    COUNT(*) AS sends,
    MIN(TO_TIMESTAMP(email_sends.TIME)) AS first_send
FROM CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_SEND AS email_sends
WHERE (NOT (SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com')) AND (TO_TIMESTAMP(email_sends.TIME) >= DATEADD(day, -29, DATE_TRUNC('day', CURRENT_TIMESTAMP())) AND TO_TIMESTAMP(email_sends.TIME) < DATEADD(day, 1, DATE_TRUNC('day', CURRENT_TIMESTAMP()))) AND (NOT COALESCE(SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com', FALSE))
GROUP BY 1
)
SELECT
    email_sends.SEND_ID AS "email_sends.send_id",
    campaigns.NAME AS "campaigns.name",
    users.COUNTRY AS "users.country",
    send_cadence.sends AS "send_cadence.sends",
    COUNT(DISTINCT email_opens.ID) AS "email_opens.opens",
    COUNT(DISTINCT CASE WHEN NOT COALESCE(email_opens.MACHINE_OPEN = 'true', FALSE) THEN LOWER(email_opens.EMAIL_ADDRESS) ELSE NULL END) AS "email_opens.unique_opens"
FROM CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_SEND AS email_sends
LEFT JOIN CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_OPEN AS email_opens ON email_sends.SEND_ID = email_opens.SEND_ID
      AND LOWER(email_sends.EMAIL_ADDRESS) = LOWER(email_opens.EMAIL_ADDRESS)
LEFT JOIN CURRENTS_DB.BRAZE.CAMPAIGNS AS campaigns ON email_sends.CAMPAIGN_ID = campaigns.ID
INNER JOIN CURRENTS_DB.BRAZE.USERS AS users ON email_sends.EXTERNAL_USER_ID = users.EXTERNAL_USER_ID
LEFT JOIN send_cadence AS send_cadence ON users.EXTERNAL_USER_ID = send_cadence.external_user_id
WHERE (NOT (SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com')) AND (TO_TIMESTAMP(email_sends.TIME) >= DATEADD(day, -29, DATE_TRUNC('day', CURRENT_TIMESTAMP())) AND TO_TIMESTAMP(email_sends.TIME) < DATEADD(day, 1, DATE_TRUNC('day', CURRENT_TIMESTAMP())))
GROUP BY 1, 2, 3, 4
