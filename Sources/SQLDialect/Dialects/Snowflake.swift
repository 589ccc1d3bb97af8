extension DialectProfile {
    /// Snowflake: upper-case identifiers, VARIANT and `x:path` for JSON, `IFF`, `DATEADD` / `DATEDIFF`,
    /// decimal division, backslash escapes in strings.
    public static let snowflake: DialectProfile = {
        var profile = DialectProfile.base(name: "snowflake", displayName: "Snowflake", identifierCase: .upper)
        profile.addWords("""
            ACCOUNT CONNECT CONNECTION DATABASE GSCLUSTER ILIKE INCREMENT ISSUE MINUS OF ORGANIZATION QUALIFY REGEXP
            REVOKE RLIKE ROW ROWS SAMPLE SCHEMA START TABLESAMPLE TRIGGER TRY_CAST WHENEVER
            """, to: \.reservedWords)

        profile.addFunctions(.aggregate, """
            COUNT 1+  COUNT_IF 1  MEDIAN 1  MODE 1  LISTAGG 1-2  ARRAY_UNIQUE_AGG 1  OBJECT_AGG 2  ANY_VALUE 1
            APPROX_COUNT_DISTINCT 1+  HLL 1+  BOOLAND_AGG 1  BOOLOR_AGG 1  APPROX_PERCENTILE 2  KURTOSIS 1  SKEW 1
            """)
        profile.addFunctions(.window, "RATIO_TO_REPORT 1  CONDITIONAL_CHANGE_EVENT 1  CONDITIONAL_TRUE_EVENT 1")
        profile.addFunctions(.aggregate, "MAX_BY 2-3  MIN_BY 2-3  BITAND_AGG 1  BITOR_AGG 1")
        profile.addFunctions(.other, """
            TRY_TO_BOOLEAN 1  TRY_TO_DOUBLE 1-2  TRY_TO_DECIMAL 1-4  TRY_TO_NUMERIC 1-4  AS_VARCHAR 1  AS_NUMBER 1-3
            AS_INTEGER 1  AS_DOUBLE 1  AS_BOOLEAN 1  AS_DATE 1  AS_TIMESTAMP_NTZ 1  IS_ARRAY 1  IS_OBJECT 1  IS_INTEGER 1
            IS_DECIMAL 1  IS_VARCHAR 1  ARRAY_DISTINCT 1  ARRAY_INTERSECTION 2  ARRAYS_OVERLAP 2  ARRAY_INSERT 3
            ARRAY_PREPEND 2  ARRAY_POSITION 2  OBJECT_DELETE 2+  OBJECT_PICK 2+  BITAND 2  BITOR 2  BITXOR 2  SOUNDEX 1
            JAROWINKLER_SIMILARITY 2  REGEXP_SUBSTR_ALL 2-6  STRTOK_SPLIT_TO_TABLE 1-2  BOOLXOR 2  NORMAL 3
            """)
        profile.addFunctions(.string, """
            LEN 1  CHARINDEX 2-3  CONTAINS 2  STARTSWITH 2  ENDSWITH 2  SPLIT 2  STRTOK 1-3  EDITDISTANCE 2-3
            UUID_STRING 0-2  RLIKE 2-3  REGEXP_LIKE 2-3  SHA2 1-2  SHA1 1  HASH 1+  BASE64_ENCODE 1-3  HEX_ENCODE 1-2
            SPLIT_TO_TABLE 2  STRTOK_TO_ARRAY 1-2  INSERT 4  CHARACTER_LENGTH 1  COLLATE 2
            """)
        profile.addFunctions(.math, "DIV0 2  DIV0NULL 2  SQUARE 1  TRUNCATE 1-2")
        profile.addFunctions(.conditional, """
            IFF 3  NVL 2  NVL2 3  IFNULL 2  ZEROIFNULL 1  NULLIFZERO 1  DECODE 3+  EQUAL_NULL 2  BOOLAND 2  BOOLOR 2
            IS_NULL_VALUE 1
            """)
        profile.addFunctions(.conversion, """
            TO_VARCHAR 1-2  TRY_CAST 1  TO_DECIMAL 1-4  TO_NUMERIC 1-4  TRY_TO_NUMBER 1-4  TO_DOUBLE 1-2  TO_BOOLEAN 1
            TO_TIMESTAMP_NTZ 1-2  TO_TIMESTAMP_LTZ 1-2  TO_TIMESTAMP_TZ 1-2  TRY_TO_DATE 1-2  TRY_TO_TIMESTAMP 1-2
            TRY_TO_TIMESTAMP_NTZ 1-2  TO_TIME 1-2  TO_CHAR 1-2  TO_DATE 1-2  TO_VARIANT 1  TO_OBJECT 1  TO_ARRAY 1
            """)
        profile.addFunctions(.dateTime, """
            DATEADD 3  TIMEADD 3  TIMESTAMPADD 3  DATEDIFF 3  TIMEDIFF 3  TIMESTAMPDIFF 3  DAYNAME 1  MONTHNAME 1
            YEAR 1  MONTH 1  DAY 1  DAYOFMONTH 1  DAYOFWEEK 1  DAYOFWEEKISO 1  DAYOFYEAR 1  WEEK 1  WEEKOFYEAR 1
            WEEKISO 1  YEAROFWEEK 1  YEAROFWEEKISO 1  QUARTER 1  HOUR 1  MINUTE 1  SECOND 1  TIME_SLICE 3-4
            CONVERT_TIMEZONE 2-3  SYSDATE 0  GETDATE 0  SYSTIMESTAMP 0  NEXT_DAY 2  PREVIOUS_DAY 2  ADD_MONTHS 2
            MONTHS_BETWEEN 2  LAST_DAY 1-2  DATE_FROM_PARTS 3  TIMESTAMP_FROM_PARTS 2-8  TIME_FROM_PARTS 3-4
            CURRENT_DATE 0
            """)
        profile.addFunctions(.json, """
            PARSE_JSON 1  TRY_PARSE_JSON 1  GET 2  GET_PATH 2  OBJECT_CONSTRUCT 0+  OBJECT_CONSTRUCT_KEEP_NULL 0+
            OBJECT_INSERT 3-4  OBJECT_KEYS 1  ARRAY_SIZE 1  ARRAY_CONSTRUCT 0+  ARRAY_CONTAINS 2  FLATTEN 1+
            CHECK_JSON 1  TYPEOF 1  STRIP_NULL_VALUE 1  JSON_EXTRACT_PATH_TEXT 2  ARRAY_SLICE 3  ARRAY_COMPACT 1
            GENERATOR 1+  SEQ4 0-1  SEQ8 0-1  UNIFORM 3  RANDSTR 2
            """)
        profile.addFunctions(.other, """
            CURRENT_ACCOUNT 0  CURRENT_DATABASE 0  CURRENT_SCHEMA 0  CURRENT_USER 0  CURRENT_ROLE 0  CURRENT_WAREHOUSE 0
            CURRENT_REGION 0  CURRENT_VERSION 0  CURRENT_SESSION 0  LAST_QUERY_ID 0-1
            """)
        profile.addTypes("""
            NUMBER, STRING, BINARY, VARBINARY, BYTEINT, TINYINT, DOUBLE, DATETIME, TIMESTAMP_NTZ, TIMESTAMP_LTZ,
            TIMESTAMP_TZ, TIMESTAMPNTZ, TIMESTAMPLTZ, TIMESTAMPTZ, VARIANT, OBJECT, ARRAY, GEOGRAPHY, GEOMETRY, VECTOR
            """)

        profile.equivalents = [
            "STRING_AGG": "LISTAGG(x, separator)",
            "NOW": "CURRENT_TIMESTAMP()",
            "AGE": "DATEDIFF(unit, start, end)",
            "DATE_BIN": "TIME_SLICE(x, n, 'unit')",
            "MAKE_DATE": "DATE_FROM_PARTS(year, month, day)",
            "MAKE_TIMESTAMP": "TIMESTAMP_FROM_PARTS(…)",
            "GENERATE_SERIES": "TABLE(GENERATOR(ROWCOUNT => n)) with SEQ4()",
            "JSON_BUILD_OBJECT": "OBJECT_CONSTRUCT(key, value, …)",
            "JSONB_BUILD_OBJECT": "OBJECT_CONSTRUCT(key, value, …)",
            "JSON_BUILD_ARRAY": "ARRAY_CONSTRUCT(…)",
            "JSON_AGG": "ARRAY_AGG(x)",
            "JSONB_AGG": "ARRAY_AGG(x)",
            "JSON_OBJECT_AGG": "OBJECT_AGG(key, value)",
            "JSON_ARRAY_LENGTH": "ARRAY_SIZE(x)",
            "JSONB_ARRAY_LENGTH": "ARRAY_SIZE(x)",
            "ARRAY_LENGTH": "ARRAY_SIZE(x)",
            "CARDINALITY": "ARRAY_SIZE(x)",
            "JSON_ARRAY_ELEMENTS": "LATERAL FLATTEN(input => x)",
            "JSONB_ARRAY_ELEMENTS": "LATERAL FLATTEN(input => x)",
            "JSON_ARRAY_ELEMENTS_TEXT": "LATERAL FLATTEN(input => x)",
            "JSONB_ARRAY_ELEMENTS_TEXT": "LATERAL FLATTEN(input => x)",
            "JSON_EACH": "LATERAL FLATTEN(input => x)",
            "JSONB_EACH": "LATERAL FLATTEN(input => x)",
            "UNNEST": "LATERAL FLATTEN(input => x)",
            "JSON_EXTRACT_PATH": "GET_PATH(x, 'a.b')",
            "JSONB_EXTRACT_PATH": "GET_PATH(x, 'a.b')",
            "JSONB_EXTRACT_PATH_TEXT": "JSON_EXTRACT_PATH_TEXT(x, 'a.b') or x:a.b::STRING",
            "JSON_TYPEOF": "TYPEOF(x)",
            "JSONB_TYPEOF": "TYPEOF(x)",
            "TO_JSONB": "TO_VARIANT(x)",
            "ROW_TO_JSON": "OBJECT_CONSTRUCT(*)",
            "JSON_OBJECT_KEYS": "OBJECT_KEYS(x)",
            "JSONB_OBJECT_KEYS": "OBJECT_KEYS(x)",
            "JSONB_SET": "OBJECT_INSERT(x, key, value, TRUE)",
            "STRPOS": "CHARINDEX(needle, haystack)",
            "STARTS_WITH": "STARTSWITH(x, prefix)",
            "STRING_TO_ARRAY": "SPLIT(x, separator)",
            "REGEXP_MATCH": "REGEXP_SUBSTR(x, pattern)",
            "REGEXP_MATCHES": "REGEXP_SUBSTR(x, pattern)",
            "REGEXP_SPLIT_TO_ARRAY": "SPLIT(x, separator) or REGEXP_SUBSTR_ALL",
            "GEN_RANDOM_UUID": "UUID_STRING()",
            "BOOL_AND": "BOOLAND_AGG(x)",
            "BOOL_OR": "BOOLOR_AGG(x)",
            "CLOCK_TIMESTAMP": "CURRENT_TIMESTAMP()",
            "STATEMENT_TIMESTAMP": "CURRENT_TIMESTAMP()",
            "TRANSACTION_TIMESTAMP": "CURRENT_TIMESTAMP()",
            "SHA256": "SHA2(x, 256)",
            "TO_HEX": "HEX_ENCODE(x)",
            "ENCODE": "BASE64_ENCODE(x) or HEX_ENCODE(x)",
            "FORMAT": "CONCAT(…) or TO_CHAR(x, format)",
            "MAKE_INTERVAL": "DATEADD(unit, n, x)",
            "JUSTIFY_INTERVAL": "DATEDIFF(unit, start, end)",
            "ISFINITE": "x IS NOT NULL",
            "LEVENSHTEIN": "EDITDISTANCE(a, b)",
            "CHAR_LENGTH": "LENGTH(x)",
        ]
        profile.typeEquivalents = [
            "JSON": "VARIANT: PARSE_JSON(x)",
            "JSONB": "VARIANT: PARSE_JSON(x)",
            "INTERVAL": "DATEADD(unit, n, x) / DATEDIFF(unit, start, end); Snowflake has no INTERVAL type",
            "BYTEA": "BINARY",
            "UUID": "VARCHAR",
            "INT2": "SMALLINT",
            "INT4": "INTEGER",
            "INT8": "BIGINT",
            "BOOL": "BOOLEAN",
            "TIMETZ": "TIME",
            "BPCHAR": "CHAR",
            "TIMESTAMP WITH TIME ZONE": "TIMESTAMP_TZ",
            "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP_NTZ",
        ]
        profile.unsupportedOperators = [
            "->>": "PARSE_JSON(x):key::STRING (or GET(x, 'key')::STRING)",
            "#>>": "GET_PATH(PARSE_JSON(x), 'a.b')::STRING",
            "#>": "GET_PATH(PARSE_JSON(x), 'a.b')",
            "@>": "ARRAY_CONTAINS(value, array)",
            "<@": "ARRAY_CONTAINS(value, array)",
            "~": "RLIKE(x, pattern)",
            "~*": "RLIKE(x, pattern, 'i')",
            "!~": "NOT RLIKE(x, pattern)",
            "!~*": "NOT RLIKE(x, pattern, 'i')",
        ]
        profile.jsonPathColon = true
        profile.multiColumnCountDistinct = true
        profile.distinctWindowAggregates = true
        profile.subqueryAliasRequired = false
        profile.backslashEscapesInStrings = true
        profile.integerDivisionTruncates = false
        profile.floatCast = "CAST({x} AS FLOAT)"

        profile.timeframes["day_of_week"] = "TO_CHAR({x}, 'DY')"
        profile.timeframes["day_of_week_index"] = "EXTRACT(DAYOFWEEKISO FROM {x}) - 1"
        profile.timeframes["month_name"] = "TO_CHAR({x}, 'MMMM')"
        profile.timeframes["millisecond"] = "TO_CHAR(DATE_TRUNC('millisecond', {x}), 'YYYY-MM-DD HH24:MI:SS.FF3')"
        profile.timeframes["microsecond"] = "TO_CHAR(DATE_TRUNC('microsecond', {x}), 'YYYY-MM-DD HH24:MI:SS.FF6')"
        profile.timeframes["hourN"] = "TO_CHAR(TIME_SLICE({x}, {n}, 'HOUR'), 'YYYY-MM-DD HH24')"
        profile.timeframes["minuteN"] = "TO_CHAR(TIME_SLICE({x}, {n}, 'MINUTE'), 'YYYY-MM-DD HH24:MI')"
        profile.timeframes["secondN"] = "TO_CHAR(TIME_SLICE({x}, {n}, 'SECOND'), 'YYYY-MM-DD HH24:MI:SS')"
        profile.datatypes["epoch"] = "TO_TIMESTAMP({x})"
        profile.datatypes["yyyymmdd"] = "TO_TIMESTAMP(TO_CHAR({x}), 'YYYYMMDD')"
        for unit in ["second", "minute", "hour", "day", "week", "month", "quarter", "year"] {
            profile.durations[unit] = "DATEDIFF(\(unit), {start}, {end})"
        }
        profile.now = "CURRENT_TIMESTAMP()"
        profile.dateAdd = "DATEADD({unit}, {n}, {x})"
        profile.timestampLiteral = "TO_TIMESTAMP('{value}')"
        profile.median = "MEDIAN({x})"
        profile.list = "LISTAGG(DISTINCT {x}, '|RECORD|')"
        return profile
    }()
}
