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
    users.COUNTRY AS "users.country",
    AVG(send_cadence.sends) AS "send_cadence.average_sends",
    COUNT(*) AS "users.count"
FROM CURRENTS_DB.BRAZE.USERS AS users
LEFT JOIN send_cadence AS send_cadence ON users.EXTERNAL_USER_ID = send_cadence.external_user_id
GROUP BY 1
