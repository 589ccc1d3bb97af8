SELECT
    CASE WHEN SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com' THEN 'Yes' ELSE 'No' END AS "email_sends.is_test_send",
    COUNT(*) AS "email_sends.sends",
    COUNT(DISTINCT LOWER(email_sends.EMAIL_ADDRESS)) AS "email_sends.recipients",
    COUNT(CASE WHEN SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) IN ('gmail.com', 'googlemail.com') THEN 1 ELSE NULL END) AS "email_sends.sends_to_gmail",
    COUNT(CASE WHEN NOT COALESCE(SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com', FALSE) AND (SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) NOT LIKE '%.invalid' OR SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) IS NULL) THEN 1 ELSE NULL END) AS "email_sends.sends_outside_tests",
    COUNT(CASE WHEN (TO_TIMESTAMP(email_sends.TIME) >= (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (-6) * INTERVAL '1 day') AND TO_TIMESTAMP(email_sends.TIME) < (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (1) * INTERVAL '1 day')) THEN 1 ELSE NULL END) AS "email_sends.sends_last_7_days",
    MIN(TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.first_send",
    MAX(TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.last_send",
    STRING_AGG(DISTINCT CAST(SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) AS TEXT), '|RECORD|') AS "email_sends.domains",
    1.0 * COUNT(DISTINCT CASE WHEN NOT COALESCE(email_opens.MACHINE_OPEN = 'true', FALSE) THEN LOWER(email_opens.EMAIL_ADDRESS) ELSE NULL END) / NULLIF(COUNT(*), 0) AS "email_opens.open_rate",
    COUNT(DISTINCT email_opens.ID) / NULLIF(COUNT(DISTINCT LOWER(email_sends.EMAIL_ADDRESS)), 0) AS "email_opens.opens_per_recipient"
FROM CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_SEND AS email_sends
LEFT JOIN CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_OPEN AS email_opens ON email_sends.SEND_ID = email_opens.SEND_ID
      AND LOWER(email_sends.EMAIL_ADDRESS) = LOWER(email_opens.EMAIL_ADDRESS)
WHERE (NOT (SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com')) AND (TO_TIMESTAMP(email_sends.TIME) >= (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (-29) * INTERVAL '1 day') AND TO_TIMESTAMP(email_sends.TIME) < (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (1) * INTERVAL '1 day'))
GROUP BY 1
