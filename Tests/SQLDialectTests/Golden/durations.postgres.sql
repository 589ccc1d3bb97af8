SELECT
    CASE WHEN users.COUNTRY IN ('US', 'CA', 'MX') THEN 'North America' WHEN users.COUNTRY IN ('FR', 'DE', 'GB') THEN 'Europe' ELSE 'Elsewhere' END AS "users.region",
    CASE WHEN users.LAST_LATITUDE IS NOT NULL AND users.LAST_LONGITUDE IS NOT NULL THEN (CAST(users.LAST_LATITUDE AS VARCHAR) || ',') || CAST(users.LAST_LONGITUDE AS VARCHAR) END AS "users.last_location",
    TO_CHAR(DATE_TRUNC('day', users.FIRST_SESSION_AT), 'YYYY-MM-DD') AS "users.first_session_date",
    FLOOR(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP - users.FIRST_SESSION_AT) / 3600) AS "users.hours_since_first_session",
    (CAST(CURRENT_TIMESTAMP AS DATE) - CAST(users.FIRST_SESSION_AT AS DATE)) AS "users.days_since_first_session",
    FLOOR((CAST(CURRENT_TIMESTAMP AS DATE) - CAST(users.FIRST_SESSION_AT AS DATE)) / 7.0) AS "users.weeks_since_first_session",
    ((EXTRACT(YEAR FROM CURRENT_TIMESTAMP) - EXTRACT(YEAR FROM users.FIRST_SESSION_AT)) * 12 + EXTRACT(MONTH FROM CURRENT_TIMESTAMP) - EXTRACT(MONTH FROM users.FIRST_SESSION_AT)) AS "users.months_since_first_session",
    AVG((CAST(CURRENT_TIMESTAMP AS DATE) - CAST(users.FIRST_SESSION_AT AS DATE))) AS "users.average_days_since_first_session",
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY (CAST(CURRENT_TIMESTAMP AS DATE) - CAST(users.FIRST_SESSION_AT AS DATE))) AS "users.median_days_since_first_session",
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY (CAST(CURRENT_TIMESTAMP AS DATE) - CAST(users.FIRST_SESSION_AT AS DATE))) AS "users.p90_days_since_first_session",
    COALESCE(SUM((CAST(CURRENT_TIMESTAMP AS DATE) - CAST(users.FIRST_SESSION_AT AS DATE))), 0) AS "users.total_days_since_first_session"
FROM CURRENTS_DB.BRAZE.USERS AS users
GROUP BY 1, 2, 3, 4, 5, 6, 7
