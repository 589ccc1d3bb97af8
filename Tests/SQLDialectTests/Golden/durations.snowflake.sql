SELECT
    CASE WHEN users.COUNTRY IN ('US', 'CA', 'MX') THEN 'North America' WHEN users.COUNTRY IN ('FR', 'DE', 'GB') THEN 'Europe' ELSE 'Elsewhere' END AS "users.region",
    CASE WHEN users.LAST_LATITUDE IS NOT NULL AND users.LAST_LONGITUDE IS NOT NULL THEN (CAST(users.LAST_LATITUDE AS VARCHAR) || ',') || CAST(users.LAST_LONGITUDE AS VARCHAR) END AS "users.last_location",
    TO_CHAR(DATE_TRUNC('day', users.FIRST_SESSION_AT), 'YYYY-MM-DD') AS "users.first_session_date",
    DATEDIFF(hour, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP) AS "users.hours_since_first_session",
    DATEDIFF(day, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP) AS "users.days_since_first_session",
    DATEDIFF(week, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP) AS "users.weeks_since_first_session",
    DATEDIFF(month, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP) AS "users.months_since_first_session",
    AVG(DATEDIFF(day, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP)) AS "users.average_days_since_first_session",
    MEDIAN(DATEDIFF(day, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP)) AS "users.median_days_since_first_session",
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY DATEDIFF(day, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP)) AS "users.p90_days_since_first_session",
    COALESCE(SUM(DATEDIFF(day, users.FIRST_SESSION_AT, CURRENT_TIMESTAMP)), 0) AS "users.total_days_since_first_session"
FROM CURRENTS_DB.BRAZE.USERS AS users
GROUP BY 1, 2, 3, 4, 5, 6, 7
