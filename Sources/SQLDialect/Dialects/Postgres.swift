extension DialectProfile {
    /// PostgreSQL (15): lower-case identifiers, `json` / `jsonb` with `->` / `->>`, `CASE` instead of `IFF`,
    /// interval arithmetic instead of `DATEADD` / `DATEDIFF`, integer division that truncates.
    public static let postgres: DialectProfile = {
        var profile = DialectProfile.base(name: "postgres", displayName: "Postgres", identifierCase: .lower)
        profile.addWords("""
            ANALYSE ANALYZE ARRAY ASYMMETRIC DEFERRABLE DO INITIALLY ONLY PLACING RETURNING SYMMETRIC VARIADIC WINDOW
            CURRENT_CATALOG CURRENT_ROLE CURRENT_SCHEMA
            """, to: \.reservedWords)

        profile.addFunctions(.aggregate, """
            STRING_AGG 2  BOOL_AND 1  BOOL_OR 1  EVERY 1  JSON_AGG 1  JSONB_AGG 1  JSON_OBJECT_AGG 2
            JSONB_OBJECT_AGG 2  MODE 0  BIT_AND 1  BIT_OR 1
            """)
        profile.addFunctions(.string, """
            STRPOS 2  STARTS_WITH 2  FORMAT 1+  QUOTE_IDENT 1  QUOTE_LITERAL 1  QUOTE_NULLABLE 1  REGEXP_MATCH 2-3
            REGEXP_MATCHES 2-3  REGEXP_SPLIT_TO_ARRAY 2-3  REGEXP_SPLIT_TO_TABLE 2-3  STRING_TO_ARRAY 2-3
            GEN_RANDOM_UUID 0  TO_HEX 1  ENCODE 2  DECODE 2  SHA256 1  CHAR_LENGTH 1  CHARACTER_LENGTH 1  BTRIM 1-2
            REPLACE 3  INITCAP 1  REGEXP_LIKE 2-3  ARRAY_LENGTH 2  CARDINALITY 1  UNNEST 1+  ARRAY_POSITION 2-3  ARRAY_REMOVE 2
            """)
        profile.addFunctions(.math, "DIV 2  SETSEED 1  TRUNC 1-2  CEIL 1  CEILING 1  FLOOR 1  RANDOM 0  GCD 2  LCM 2  SCALE 1  TRIM_SCALE 1")
        profile.addFunctions(.other, """
            TIMEZONE 2  OVERLAY 1-4  BIT_LENGTH 1  ARRAY_UPPER 2  ARRAY_LOWER 2  ARRAY_REPLACE 3  ARRAY_PREPEND 2
            ARRAY_TO_JSON 1-2  NUM_NULLS 1+  NUM_NONNULLS 1+  TO_TSVECTOR 1-2  TO_TSQUERY 1-2  PLAINTO_TSQUERY 1-2
            """)
        profile.addFunctions(.conversion, """
            TO_CHAR 2  TO_DATE 2  TO_NUMBER 2  TO_TIMESTAMP 1-2
            """)
        profile.functions["TO_CHAR"]?.hint = "CAST(x AS TEXT), or TO_CHAR(x, 'format')"
        profile.functions["TO_DATE"]?.hint = "CAST(x AS DATE), or TO_DATE(text, 'format')"
        profile.functions["TO_NUMBER"]?.hint = "CAST(x AS NUMERIC), or TO_NUMBER(text, 'format')"
        profile.addFunctions(.dateTime, """
            NOW 0  AGE 1-2  DATE_BIN 3  MAKE_DATE 3  MAKE_TIME 3  MAKE_TIMESTAMP 6  MAKE_TIMESTAMPTZ 6-7
            MAKE_INTERVAL 0-7  CLOCK_TIMESTAMP 0  STATEMENT_TIMESTAMP 0  TRANSACTION_TIMESTAMP 0  TIMEOFDAY 0
            ISFINITE 1  JUSTIFY_DAYS 1  JUSTIFY_HOURS 1  JUSTIFY_INTERVAL 1  GENERATE_SERIES 2-3
            CURRENT_DATE none  CURRENT_TIMESTAMP 1  CURRENT_TIME 1  LOCALTIMESTAMP 1  LOCALTIME 1
            """)
        for name in ["CURRENT_TIMESTAMP", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME"] {
            profile.functions[name]?.hint = "\(name) without parentheses (or \(name)(precision))"
        }
        profile.functions["CURRENT_DATE"]?.hint = "CURRENT_DATE without parentheses"
        profile.addFunctions(.json, """
            JSON_EXTRACT_PATH 2+  JSON_EXTRACT_PATH_TEXT 2+  JSONB_EXTRACT_PATH 2+  JSONB_EXTRACT_PATH_TEXT 2+
            JSON_BUILD_OBJECT 0+  JSONB_BUILD_OBJECT 0+  JSON_BUILD_ARRAY 0+  JSONB_BUILD_ARRAY 0+ JSON_OBJECT 1-2
            JSON_ARRAY_LENGTH 1  JSONB_ARRAY_LENGTH 1  JSON_ARRAY_ELEMENTS 1  JSONB_ARRAY_ELEMENTS 1
            JSON_ARRAY_ELEMENTS_TEXT 1  JSONB_ARRAY_ELEMENTS_TEXT 1  JSON_EACH 1  JSONB_EACH 1  JSON_EACH_TEXT 1
            JSONB_EACH_TEXT 1  JSON_TYPEOF 1  JSONB_TYPEOF 1  TO_JSONB 1  ROW_TO_JSON 1-2  JSONB_SET 3-4
            JSON_OBJECT_KEYS 1  JSONB_OBJECT_KEYS 1  JSONB_PATH_QUERY 2-4  JSONB_PATH_EXISTS 2-4  JSONB_STRIP_NULLS 1
            JSONB_PRETTY 1
            """)
        profile.addFunctions(.other, """
            CURRENT_DATABASE 0  CURRENT_SCHEMA 0  VERSION 0  PG_TYPEOF 1  HASHTEXT 1  CURRENT_USER none  SESSION_USER none
            """)
        profile.addTypes("""
            INT2, INT4, INT8, BIGSERIAL, SERIAL, MONEY, BPCHAR, BYTEA, TIMESTAMPTZ, TIMESTAMP WITH TIME ZONE,
            TIMESTAMP WITHOUT TIME ZONE, TIMETZ, INTERVAL, BOOL, JSON, JSONB, UUID, INET, CIDR, OID, REGCLASS, NAME, XML
            """)

        profile.equivalents = [
            "IFF": "CASE WHEN condition THEN a ELSE b END",
            "NVL": "COALESCE(a, b)",
            "IFNULL": "COALESCE(a, b)",
            "NVL2": "CASE WHEN a IS NOT NULL THEN b ELSE c END",
            "ZEROIFNULL": "COALESCE(x, 0)",
            "NULLIFZERO": "NULLIF(x, 0)",
            "DIV0": "a / NULLIF(b, 0)",
            "DIV0NULL": "COALESCE(a / NULLIF(b, 0), 0)",
            "DECODE": "CASE x WHEN value THEN result … ELSE default END",
            "EQUAL_NULL": "a IS NOT DISTINCT FROM b",
            "BOOLAND": "a AND b",
            "BOOLOR": "a OR b",
            "DATEADD": "x + n * INTERVAL '1 day'",
            "TIMEADD": "x + n * INTERVAL '1 hour'",
            "TIMESTAMPADD": "x + n * INTERVAL '1 day'",
            "DATEDIFF": "CAST(end AS DATE) - CAST(start AS DATE) for days, EXTRACT(EPOCH FROM end - start) / 3600 for hours",
            "TIMEDIFF": "EXTRACT(EPOCH FROM end - start) (seconds)",
            "TIMESTAMPDIFF": "EXTRACT(EPOCH FROM end - start) (seconds)",
            "PARSE_JSON": "CAST(x AS JSON), then x::json ->> 'key'",
            "TRY_PARSE_JSON": "CAST(x AS JSON), then x::json ->> 'key'",
            "CHECK_JSON": "a CASE over x::json in a function that catches the error",
            "GET": "x -> 'key' (or x -> index)",
            "GET_PATH": "x #> '{a,b}'",
            "OBJECT_CONSTRUCT": "JSON_BUILD_OBJECT(key, value, …)",
            "OBJECT_CONSTRUCT_KEEP_NULL": "JSON_BUILD_OBJECT(key, value, …)",
            "OBJECT_INSERT": "JSONB_SET(x, '{key}', value)",
            "OBJECT_KEYS": "JSON_OBJECT_KEYS(x)",
            "OBJECT_AGG": "JSON_OBJECT_AGG(key, value)",
            "ARRAY_SIZE": "JSON_ARRAY_LENGTH(x) or CARDINALITY(array)",
            "ARRAY_CONSTRUCT": "ARRAY[a, b] or JSON_BUILD_ARRAY(a, b)",
            "ARRAY_CONTAINS": "value = ANY(array)",
            "ARRAY_SLICE": "array[from:to]",
            "FLATTEN": "JSON_ARRAY_ELEMENTS(x) or UNNEST(array)",
            "TO_VARIANT": "TO_JSONB(x)",
            "TYPEOF": "JSONB_TYPEOF(x)",
            "IS_NULL_VALUE": "JSONB_TYPEOF(x) = 'null'",
            "STRIP_NULL_VALUE": "NULLIF(x, 'null'::jsonb)",
            "LISTAGG": "STRING_AGG(x, separator)",
            "ARRAY_UNIQUE_AGG": "ARRAY_AGG(DISTINCT x)",
            "TO_VARCHAR": "CAST(x AS TEXT), or TO_CHAR(x, 'format')",
            "TRY_CAST": "CAST(x AS type) (Postgres has no TRY_CAST)",
            "TO_BOOLEAN": "CAST(x AS BOOLEAN)",
            "TO_DOUBLE": "CAST(x AS DOUBLE PRECISION)",
            "TO_DECIMAL": "CAST(x AS NUMERIC)",
            "TO_NUMERIC": "CAST(x AS NUMERIC)",
            "TRY_TO_NUMBER": "CAST(x AS NUMERIC)",
            "TRY_TO_DATE": "CAST(x AS DATE)",
            "TRY_TO_TIMESTAMP": "CAST(x AS TIMESTAMP)",
            "TRY_TO_TIMESTAMP_NTZ": "CAST(x AS TIMESTAMP)",
            "TO_TIMESTAMP_NTZ": "CAST(x AS TIMESTAMP)",
            "TO_TIMESTAMP_LTZ": "CAST(x AS TIMESTAMPTZ)",
            "TO_TIMESTAMP_TZ": "CAST(x AS TIMESTAMPTZ)",
            "TO_TIME": "CAST(x AS TIME)",
            "TO_OBJECT": "CAST(x AS JSONB)",
            "TO_ARRAY": "ARRAY[x]",
            "CONVERT_TIMEZONE": "x AT TIME ZONE 'zone'",
            "YEAR": "EXTRACT(YEAR FROM x)",
            "MONTH": "EXTRACT(MONTH FROM x)",
            "DAY": "EXTRACT(DAY FROM x)",
            "DAYOFMONTH": "EXTRACT(DAY FROM x)",
            "DAYOFWEEK": "EXTRACT(DOW FROM x)",
            "DAYOFWEEKISO": "EXTRACT(ISODOW FROM x)",
            "DAYOFYEAR": "EXTRACT(DOY FROM x)",
            "WEEK": "EXTRACT(WEEK FROM x)",
            "WEEKOFYEAR": "EXTRACT(WEEK FROM x)",
            "WEEKISO": "EXTRACT(WEEK FROM x)",
            "YEAROFWEEK": "EXTRACT(ISOYEAR FROM x)",
            "YEAROFWEEKISO": "EXTRACT(ISOYEAR FROM x)",
            "QUARTER": "EXTRACT(QUARTER FROM x)",
            "HOUR": "EXTRACT(HOUR FROM x)",
            "MINUTE": "EXTRACT(MINUTE FROM x)",
            "SECOND": "EXTRACT(SECOND FROM x)",
            "DAYNAME": "TO_CHAR(x, 'Dy')",
            "MONTHNAME": "TO_CHAR(x, 'Mon')",
            "LAST_DAY": "CAST(DATE_TRUNC('month', x) + INTERVAL '1 month - 1 day' AS DATE)",
            "NEXT_DAY": "x + ((7 + dow - EXTRACT(DOW FROM x)) % 7) * INTERVAL '1 day'",
            "TIME_SLICE": "DATE_BIN(INTERVAL 'n unit', x, TIMESTAMP '2000-01-01')",
            "SYSDATE": "CURRENT_TIMESTAMP",
            "GETDATE": "CURRENT_TIMESTAMP",
            "SYSTIMESTAMP": "CURRENT_TIMESTAMP",
            "DATE_FROM_PARTS": "MAKE_DATE(year, month, day)",
            "TIMESTAMP_FROM_PARTS": "MAKE_TIMESTAMP(…)",
            "TIME_FROM_PARTS": "MAKE_TIME(hour, minute, second)",
            "ADD_MONTHS": "x + n * INTERVAL '1 month'",
            "MONTHS_BETWEEN": "EXTRACT(YEAR FROM AGE(end, start)) * 12 + EXTRACT(MONTH FROM AGE(end, start))",
            "LEN": "LENGTH(x)",
            "CHARINDEX": "STRPOS(haystack, needle)",
            "CONTAINS": "STRPOS(x, part) > 0",
            "STARTSWITH": "STARTS_WITH(x, prefix)",
            "ENDSWITH": "RIGHT(x, LENGTH(suffix)) = suffix",
            "RLIKE": "x ~ pattern",
            "SPLIT": "STRING_TO_ARRAY(x, separator)",
            "STRTOK": "SPLIT_PART(x, separator, n)",
            "STRTOK_TO_ARRAY": "STRING_TO_ARRAY(x, separator)",
            "SPLIT_TO_TABLE": "REGEXP_SPLIT_TO_TABLE(x, separator)",
            "EDITDISTANCE": "LEVENSHTEIN(a, b) (fuzzystrmatch extension)",
            "UUID_STRING": "GEN_RANDOM_UUID()",
            "SHA2": "SHA256(x)",
            "SHA1": "DIGEST(x, 'sha1') (pgcrypto)",
            "HASH": "MD5(x) or HASHTEXT(x)",
            "BASE64_ENCODE": "ENCODE(x, 'base64')",
            "HEX_ENCODE": "ENCODE(x, 'hex')",
            "SQUARE": "POWER(x, 2)",
            "TRUNCATE": "TRUNC(x, n)",
            "BOOLAND_AGG": "BOOL_AND(x)",
            "BOOLOR_AGG": "BOOL_OR(x)",
            "COUNT_IF": "COUNT(*) FILTER (WHERE condition)",
            "APPROX_COUNT_DISTINCT": "COUNT(DISTINCT x)",
            "HLL": "COUNT(DISTINCT x)",
            "APPROX_PERCENTILE": "PERCENTILE_CONT(p) WITHIN GROUP (ORDER BY x)",
            "MEDIAN": "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)",
            "ANY_VALUE": "MIN(x) (ANY_VALUE needs Postgres 16)",
            "RATIO_TO_REPORT": "x / SUM(x) OVER (…)",
            "KURTOSIS": "a formula over AVG and STDDEV",
            "SKEW": "a formula over AVG and STDDEV",
            "GENERATOR": "GENERATE_SERIES(1, n)",
            "SEQ4": "ROW_NUMBER() OVER ()",
            "SEQ8": "ROW_NUMBER() OVER ()",
            "UNIFORM": "FLOOR(RANDOM() * (high - low + 1)) + low",
            "INSERT": "OVERLAY(x PLACING part FROM position FOR length)",
            "COLLATE": "x COLLATE \"name\"",
            "CONDITIONAL_CHANGE_EVENT": "a running SUM(CASE …) OVER (ORDER BY …)",
            "CONDITIONAL_TRUE_EVENT": "a running SUM(CASE …) OVER (ORDER BY …)",
            "ARRAY_COMPACT": "ARRAY_REMOVE(array, NULL)",
            "RANDSTR": "MD5(RANDOM()::TEXT)",
        ]
        profile.typeEquivalents = [
            "STRING": "TEXT",
            "NUMBER": "NUMERIC",
            "VARIANT": "JSONB",
            "OBJECT": "JSONB",
            "ARRAY": "an array type (TEXT[]) or JSONB",
            "TIMESTAMP_NTZ": "TIMESTAMP",
            "TIMESTAMPNTZ": "TIMESTAMP",
            "TIMESTAMP_LTZ": "TIMESTAMPTZ",
            "TIMESTAMPLTZ": "TIMESTAMPTZ",
            "TIMESTAMP_TZ": "TIMESTAMPTZ",
            "DATETIME": "TIMESTAMP",
            "BINARY": "BYTEA",
            "VARBINARY": "BYTEA",
            "BYTEINT": "SMALLINT",
            "TINYINT": "SMALLINT",
            "DOUBLE": "DOUBLE PRECISION",
            "GEOGRAPHY": "GEOGRAPHY (PostGIS)",
            "GEOMETRY": "GEOMETRY (PostGIS)",
            "VECTOR": "VECTOR (pgvector)",
        ]
        profile.jsonPathColon = false
        profile.jsonPathHint = "(x::json)->>'key' (nested: (x::json)#>>'{a,b}')"
        profile.multiColumnCountDistinct = false
        profile.multiColumnCountDistinctHint = "COUNT(DISTINCT CASE WHEN a IS NOT NULL AND b IS NOT NULL THEN a || '|' || b END)"
        profile.distinctWindowAggregates = false
        profile.distinctWindowAggregatesHint = "count distinct values in a subquery (or DENSE_RANK() OVER (PARTITION BY … ORDER BY x) and take its MAX)"
        profile.subqueryAliasRequired = true
        profile.maximumIdentifierLength = 63
        profile.backslashEscapesInStrings = false
        profile.integerDivisionTruncates = true
        profile.floatCast = "CAST({x} AS DOUBLE PRECISION)"

        profile.timeframes["day_of_week"] = "TO_CHAR({x}, 'FMDay')"
        profile.timeframes["day_of_week_index"] = "EXTRACT(ISODOW FROM {x}) - 1"
        profile.timeframes["month_name"] = "TO_CHAR({x}, 'FMMonth')"
        profile.timeframes["millisecond"] = "TO_CHAR(DATE_TRUNC('milliseconds', {x}), 'YYYY-MM-DD HH24:MI:SS.MS')"
        profile.timeframes["microsecond"] = "TO_CHAR(DATE_TRUNC('microseconds', {x}), 'YYYY-MM-DD HH24:MI:SS.US')"
        profile.timeframes["hourN"] = "TO_CHAR(DATE_BIN(INTERVAL '{n} hours', {x}, TIMESTAMP '2000-01-01'), 'YYYY-MM-DD HH24')"
        profile.timeframes["minuteN"] = "TO_CHAR(DATE_BIN(INTERVAL '{n} minutes', {x}, TIMESTAMP '2000-01-01'), 'YYYY-MM-DD HH24:MI')"
        profile.timeframes["secondN"] = "TO_CHAR(DATE_BIN(INTERVAL '{n} seconds', {x}, TIMESTAMP '2000-01-01'), 'YYYY-MM-DD HH24:MI:SS')"
        profile.datatypes["epoch"] = "TO_TIMESTAMP({x})"
        profile.datatypes["yyyymmdd"] = "TO_TIMESTAMP(CAST({x} AS TEXT), 'YYYYMMDD')"
        profile.durations = [
            "second": "FLOOR(EXTRACT(EPOCH FROM {end} - {start}))",
            "minute": "FLOOR(EXTRACT(EPOCH FROM {end} - {start}) / 60)",
            "hour": "FLOOR(EXTRACT(EPOCH FROM {end} - {start}) / 3600)",
            "day": "(CAST({end} AS DATE) - CAST({start} AS DATE))",
            "week": "FLOOR((CAST({end} AS DATE) - CAST({start} AS DATE)) / 7.0)",
            "month": "((EXTRACT(YEAR FROM {end}) - EXTRACT(YEAR FROM {start})) * 12 + EXTRACT(MONTH FROM {end}) - EXTRACT(MONTH FROM {start}))",
            "quarter": "((EXTRACT(YEAR FROM {end}) - EXTRACT(YEAR FROM {start})) * 4 + EXTRACT(QUARTER FROM {end}) - EXTRACT(QUARTER FROM {start}))",
            "year": "(EXTRACT(YEAR FROM {end}) - EXTRACT(YEAR FROM {start}))",
        ]
        profile.now = "CURRENT_TIMESTAMP"
        profile.dateAdd = "({x} + ({n}) * INTERVAL '1 {unit}')"
        profile.timestampLiteral = "TIMESTAMP '{value}'"
        profile.median = "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY {x})"
        profile.list = "STRING_AGG(DISTINCT CAST({x} AS TEXT), '|RECORD|')"
        return profile
    }()
}
