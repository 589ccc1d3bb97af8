SELECT
    TO_TIMESTAMP(email_sends.TIME) AS "email_sends.sent_raw",
    TO_CHAR(TO_TIMESTAMP(email_sends.TIME), 'YYYY-MM-DD HH24:MI:SS') AS "email_sends.sent_time",
    TO_CHAR(DATE_TRUNC('day', TO_TIMESTAMP(email_sends.TIME)), 'YYYY-MM-DD') AS "email_sends.sent_date",
    TO_CHAR(DATE_TRUNC('week', TO_TIMESTAMP(email_sends.TIME)), 'YYYY-MM-DD') AS "email_sends.sent_week",
    TO_CHAR(DATE_TRUNC('month', TO_TIMESTAMP(email_sends.TIME)), 'YYYY-MM') AS "email_sends.sent_month",
    TO_CHAR(DATE_TRUNC('quarter', TO_TIMESTAMP(email_sends.TIME)), 'YYYY-MM') AS "email_sends.sent_quarter",
    EXTRACT(YEAR FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_year",
    TO_CHAR(DATE_TRUNC('hour', TO_TIMESTAMP(email_sends.TIME)), 'YYYY-MM-DD HH24') AS "email_sends.sent_hour",
    TO_CHAR(DATE_BIN(INTERVAL '6 hours', TO_TIMESTAMP(email_sends.TIME), TIMESTAMP '2000-01-01'), 'YYYY-MM-DD HH24') AS "email_sends.sent_hour6",
    TO_CHAR(DATE_BIN(INTERVAL '15 minutes', TO_TIMESTAMP(email_sends.TIME), TIMESTAMP '2000-01-01'), 'YYYY-MM-DD HH24:MI') AS "email_sends.sent_minute15",
    TO_CHAR(TO_TIMESTAMP(email_sends.TIME), 'HH24:MI') AS "email_sends.sent_time_of_day",
    EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_hour_of_day",
    TO_CHAR(TO_TIMESTAMP(email_sends.TIME), 'FMDay') AS "email_sends.sent_day_of_week",
    EXTRACT(ISODOW FROM TO_TIMESTAMP(email_sends.TIME)) - 1 AS "email_sends.sent_day_of_week_index",
    EXTRACT(DAY FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_day_of_month",
    EXTRACT(DOY FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_day_of_year",
    EXTRACT(WEEK FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_week_of_year",
    TO_CHAR(TO_TIMESTAMP(email_sends.TIME), 'FMMonth') AS "email_sends.sent_month_name",
    EXTRACT(MONTH FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_month_num",
    'Q' || EXTRACT(QUARTER FROM TO_TIMESTAMP(email_sends.TIME)) AS "email_sends.sent_quarter_of_year",
    CASE WHEN TO_TIMESTAMP(email_sends.TIME) IS NOT NULL THEN 'Yes' ELSE 'No' END AS "email_sends.sent_yesno",
    CASE WHEN EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) < 6 THEN '00 below 6' WHEN EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) >= 6 AND EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) < 12 THEN '01 6 to 12' WHEN EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) >= 12 AND EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) < 18 THEN '02 12 to 18' WHEN EXTRACT(HOUR FROM TO_TIMESTAMP(email_sends.TIME)) >= 18 THEN '03 18 or above' ELSE 'Undefined' END AS "email_sends.send_hour_tier",
    COUNT(*) AS "email_sends.sends"
FROM CURRENTS_DB.BRAZE.USERS_MESSAGES_EMAIL_SEND AS email_sends
WHERE (NOT (SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2) = 'example.com')) AND (TO_TIMESTAMP(email_sends.TIME) >= (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (-29) * INTERVAL '1 day') AND TO_TIMESTAMP(email_sends.TIME) < (DATE_TRUNC('day', CURRENT_TIMESTAMP) + (1) * INTERVAL '1 day'))
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22
