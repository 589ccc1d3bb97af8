extension DialectProfile {
    /// What Snowflake and Postgres share: the SQL-standard functions, types and keywords, and the timeframe SQL
    /// both accept. Each dialect starts here and overrides what differs.
    public static func base(name: String, displayName: String, identifierCase: IdentifierCase) -> DialectProfile {
        var profile = DialectProfile(name: name, displayName: displayName, identifierCase: identifierCase)

        profile.addWords("""
            ALL AND ANY AS ASC BETWEEN BOTH BY CASE CAST CHECK COLLATE COLUMN CONSTRAINT CREATE CROSS CURRENT_DATE
            CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DEFAULT DELETE DESC DISTINCT DROP ELSE END EXCEPT EXISTS FALSE
            FETCH FOR FOREIGN FROM FULL GRANT GROUP HAVING IN INNER INSERT INTERSECT INTO IS JOIN LATERAL LEADING LEFT
            LIKE LIMIT LOCALTIME LOCALTIMESTAMP NATURAL NOT NULL OFFSET ON OR ORDER OUTER PRIMARY REFERENCES RIGHT SELECT
            SESSION_USER SET SOME TABLE THEN TO TRAILING TRUE UNION UNIQUE UPDATE USER USING VALUES WHEN WHERE WITH
            """, to: \.reservedWords)

        profile.addWords("""
            AS IN EXISTS OVER FILTER GROUP VALUES AND OR NOT ON FROM JOIN USING WHEN THEN ELSE SELECT WHERE BY HAVING
            CASE INTERVAL ANY ALL SOME ROW LATERAL TABLE IS LIKE ILIKE BETWEEN DISTINCT UNION INTERSECT EXCEPT MINUS
            WITH RECURSIVE INTO RETURNING WINDOW PARTITION LIMIT OFFSET QUALIFY END ESCAPE SIMILAR TO FOR AT ZONE
            NULLS FIRST LAST ORDER ASC DESC ROWS RANGE PRECEDING FOLLOWING UNBOUNDED CURRENT MATERIALIZED ARRAY
            CROSS FULL INNER OUTER NATURAL REGEXP SETS ROLLUP CUBE
            """, to: \.nonFunctionKeywords)

        profile.addFunctions(.aggregate, """
            COUNT 1  SUM 1  AVG 1  MIN 1  MAX 1  STDDEV 1  STDDEV_POP 1  STDDEV_SAMP 1  VARIANCE 1  VAR_POP 1
            VAR_SAMP 1  ARRAY_AGG 1  PERCENTILE_CONT 1  PERCENTILE_DISC 1  CORR 2  COVAR_POP 2  COVAR_SAMP 2
            REGR_SLOPE 2  REGR_INTERCEPT 2  REGR_R2 2  REGR_COUNT 2  GROUPING 1+
            """)
        profile.addFunctions(.window, """
            ROW_NUMBER 0  RANK 0  DENSE_RANK 0  PERCENT_RANK 0  CUME_DIST 0  NTILE 1  LAG 1-3  LEAD 1-3
            FIRST_VALUE 1  LAST_VALUE 1  NTH_VALUE 2
            """)
        profile.addFunctions(.string, """
            LOWER 1  UPPER 1  LENGTH 1  TRIM 1-2  LTRIM 1-2  RTRIM 1-2  REPLACE 2-3  SUBSTRING 1-3  SUBSTR 2-3
            CONCAT 1+  CONCAT_WS 2+  SPLIT_PART 3  LEFT 2  RIGHT 2  LPAD 2-3  RPAD 2-3  POSITION 1-3  INITCAP 1-2
            REVERSE 1  REPEAT 2  MD5 1  REGEXP_REPLACE 2-6  REGEXP_SUBSTR 2-6  REGEXP_COUNT 2-4  REGEXP_INSTR 2-7
            ASCII 1  CHR 1  TRANSLATE 3  OCTET_LENGTH 1  ARRAY_TO_STRING 2-3  ARRAY_CAT 2  ARRAY_APPEND 2
            """)
        profile.addFunctions(.math, """
            ABS 1  CEIL 1-2  CEILING 1-2  FLOOR 1-2  ROUND 1-2  TRUNC 1-2  SIGN 1  SQRT 1  CBRT 1  EXP 1  LN 1
            LOG 1-2  POWER 2  POW 2  MOD 2  PI 0  RANDOM 0-1  GREATEST 1+  LEAST 1+  WIDTH_BUCKET 4  DEGREES 1
            RADIANS 1  SIN 1  COS 1  TAN 1  ASIN 1  ACOS 1  ATAN 1  ATAN2 2  FACTORIAL 1
            """)
        profile.addFunctions(.conditional, "COALESCE 1+  NULLIF 2")
        profile.addFunctions(.conversion, "CAST 1  TO_CHAR 1-2  TO_DATE 1-2  TO_TIMESTAMP 1-2  TO_NUMBER 1-4  DATE 1-2")
        profile.addFunctions(.dateTime, """
            DATE_TRUNC 2  DATE_PART 2  EXTRACT 1  CURRENT_TIMESTAMP 0-1  CURRENT_DATE 0  CURRENT_TIME 0-1
            LOCALTIMESTAMP 0-1  LOCALTIME 0-1
            """)
        profile.addFunctions(.json, "TO_JSON 1  JSON_EXTRACT_PATH_TEXT 2+")

        profile.addTypes("""
            INTEGER, INT, BIGINT, SMALLINT, NUMERIC, DECIMAL, REAL, FLOAT, FLOAT4, FLOAT8, DOUBLE PRECISION, BOOLEAN,
            DATE, TIME, TIMESTAMP, VARCHAR, CHAR, CHARACTER, CHARACTER VARYING, TEXT
            """)

        // A raw timestamp `{x}` → each timeframe. Dates and periods come back as sortable text, as Looker shows them.
        profile.timeframes = [
            "raw": "{x}",
            "time": "TO_CHAR({x}, 'YYYY-MM-DD HH24:MI:SS')",
            "time_of_day": "TO_CHAR({x}, 'HH24:MI')",
            "date": "TO_CHAR(DATE_TRUNC('day', {x}), 'YYYY-MM-DD')",
            "week": "TO_CHAR(DATE_TRUNC('week', {x}), 'YYYY-MM-DD')",
            "month": "TO_CHAR(DATE_TRUNC('month', {x}), 'YYYY-MM')",
            "quarter": "TO_CHAR(DATE_TRUNC('quarter', {x}), 'YYYY-MM')",
            "year": "EXTRACT(YEAR FROM {x})",
            "hour": "TO_CHAR(DATE_TRUNC('hour', {x}), 'YYYY-MM-DD HH24')",
            "minute": "TO_CHAR(DATE_TRUNC('minute', {x}), 'YYYY-MM-DD HH24:MI')",
            "second": "TO_CHAR(DATE_TRUNC('second', {x}), 'YYYY-MM-DD HH24:MI:SS')",
            "hour_of_day": "EXTRACT(HOUR FROM {x})",
            "day_of_month": "EXTRACT(DAY FROM {x})",
            "day_of_year": "EXTRACT(DOY FROM {x})",
            "week_of_year": "EXTRACT(WEEK FROM {x})",
            "month_num": "EXTRACT(MONTH FROM {x})",
            "quarter_of_year": "'Q' || EXTRACT(QUARTER FROM {x})",
            "yesno": "CASE WHEN {x} IS NOT NULL THEN 'Yes' ELSE 'No' END",
            // Fiscal timeframes with the default fiscal_month_offset of 0; the compiler shifts `{x}` for other offsets.
            "fiscal_year": "EXTRACT(YEAR FROM {x})",
            "fiscal_quarter": "TO_CHAR(DATE_TRUNC('quarter', {x}), 'YYYY-MM')",
            "fiscal_quarter_of_year": "'Q' || EXTRACT(QUARTER FROM {x})",
            "fiscal_month_num": "EXTRACT(MONTH FROM {x})",
        ]
        profile.datatypes = [
            "timestamp": "{x}",
            "datetime": "{x}",
            "date": "CAST({x} AS TIMESTAMP)",
            "epoch": "TO_TIMESTAMP({x})",
        ]
        profile.median = "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {x})"
        profile.percentile = "PERCENTILE_CONT({p}) WITHIN GROUP (ORDER BY {x})"
        return profile
    }
}
