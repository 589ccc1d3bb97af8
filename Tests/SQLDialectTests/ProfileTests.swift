import Testing
import SQLDialect

/// `kind text` for each issue, where `text` is the SQL at the issue's range.
func issues(_ sql: String, _ profile: DialectProfile) -> [String] {
    let bytes = Array(sql.utf8)
    let checker = SQLChecker(profile: profile)
    let found = checker.balanceIssues(bytes) + checker.dialectIssues(bytes) + checker.integerDivisions(bytes)
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { "\($0.kind.rawValue) \(String(decoding: bytes[$0.range], as: UTF8.self))" }
}

@Suite("Dialect profiles")
struct ProfileTests {
    static let timeframes = [
        "raw", "time", "time_of_day", "date", "week", "month", "quarter", "year", "hour", "hour2", "hour6", "hour12", "minute", "minute5",
        "minute15", "minute30", "second", "millisecond", "microsecond", "hour_of_day", "day_of_week", "day_of_week_index", "day_of_month",
        "day_of_year", "week_of_year", "month_name", "month_num", "quarter_of_year", "yesno", "fiscal_year", "fiscal_quarter",
        "fiscal_quarter_of_year", "fiscal_month_num",
    ]
    static let intervals = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"]

    @Test("each dialect is found by name; names are unique")
    func registry() {
        #expect(DialectProfile.all.map(\.name) == ["snowflake", "postgres"])
        #expect(DialectProfile.named("Postgres")?.displayName == "Postgres")
        #expect(DialectProfile.named("mysql") == nil)
    }

    @Test("identifiers fold to the dialect's case and are quoted when needed")
    func identifiers() {
        #expect(DialectProfile.snowflake.fold("external_user_id") == "EXTERNAL_USER_ID")
        #expect(DialectProfile.postgres.fold("EXTERNAL_USER_ID") == "external_user_id")
        #expect(DialectProfile.postgres.quoteIfNeeded("email_sends") == "email_sends")
        #expect(DialectProfile.postgres.quoteIfNeeded("order") == "\"order\"")
        #expect(DialectProfile.snowflake.quoteIfNeeded("qualify") == "\"qualify\"")
        #expect(DialectProfile.postgres.quoteIfNeeded("qualify") == "qualify")
        #expect(DialectProfile.snowflake.quoteIfNeeded("2fa") == "\"2fa\"")
        #expect(DialectProfile.snowflake.quote("a\"b") == "\"a\"\"b\"")
    }

    @Test("long column names are shortened to the dialect's limit and stay distinct")
    func longIdentifiers() {
        let long = "users_messages_pushnotification_influencedopen.canvas_variation_id"
        let other = "users_messages_pushnotification_influencedopen.canvas_variation_api_id"
        let postgres = DialectProfile.postgres
        #expect(postgres.fittingIdentifier("email_sends.send_id") == "email_sends.send_id")
        #expect(postgres.fittingIdentifier(long).utf8.count == 63)
        #expect(postgres.fittingIdentifier(long).hasPrefix("users_messages_pushnotification_influencedopen.canvas_"))
        #expect(postgres.fittingIdentifier(long) != postgres.fittingIdentifier(other))
        #expect(postgres.fittingIdentifier(long) == postgres.fittingIdentifier(long))
        #expect(DialectProfile.snowflake.fittingIdentifier(long) == long)
    }

    @Test("every timeframe and interval has SQL, and it checks clean in its own dialect", arguments: DialectProfile.all.map(\.name))
    func timeframesCheckClean(dialect: String) throws {
        let profile = try #require(DialectProfile.named(dialect))
        for timeframe in Self.timeframes {
            let sql = try #require(profile.timeframeSQL(timeframe, "created_at"), "\(dialect) has no SQL for \(timeframe)")
            #expect(issues("SELECT \(sql) FROM t", profile) == [], "\(dialect) \(timeframe): \(sql)")
        }
        for interval in Self.intervals {
            let sql = try #require(profile.durationSQL(interval, start: "a", end: "b"))
            #expect(issues("SELECT \(sql) FROM t", profile) == [], "\(dialect) \(interval): \(sql)")
        }
        for datatype in ["epoch", "timestamp", "datetime", "date", "yyyymmdd"] {
            let sql = try #require(profile.timestampSQL(datatype: datatype, "x"))
            #expect(issues("SELECT \(sql) FROM t", profile) == [], "\(dialect) \(datatype): \(sql)")
        }
        for template in [profile.median, profile.percentile, profile.list, profile.dateAdd, profile.dateTrunc, profile.now, profile.timestampLiteral, profile.floatCast] {
            let sql = DialectProfile.fill(template, ["x": "x", "p": "0.9", "n": "-6", "unit": "day", "value": "2024-01-01"])
            #expect(issues("SELECT \(sql) FROM t", profile) == [], "\(dialect): \(sql)")
        }
    }

    @Test("Snowflake's timeframe SQL shows what Postgres lacks")
    func snowflakeTimeframesOnPostgres() {
        #expect(issues(DialectProfile.snowflake.timeframeSQL("hour6", "x")!, .postgres) == ["unsupportedFunction TIME_SLICE"])
        #expect(issues(DialectProfile.snowflake.durationSQL("day", start: "a", end: "b")!, .postgres) == ["unsupportedFunction DATEDIFF"])
        #expect(issues(DialectProfile.snowflake.median, .postgres) == ["unsupportedFunction MEDIAN"])
        #expect(issues(DialectProfile.postgres.list, .snowflake) == ["unsupportedFunction STRING_AGG"])
        #expect(issues(DialectProfile.snowflake.timeframeSQL("week", "x")!, .postgres) == [])
    }

    @Test("arity: ranges, variadics, and keywords that take no parentheses")
    func arity() {
        #expect(DialectProfile.snowflake.function("iff") == FunctionSignature(minimum: 3, maximum: 3, category: .conditional))
        #expect(DialectProfile.postgres.function("coalesce")?.accepts(5) == true)
        #expect(DialectProfile.postgres.function("COALESCE")?.accepts(0) == false)
        #expect(DialectProfile.snowflake.function("ROUND")?.arityDescription == "1 to 2")
        #expect(issues("SELECT NULLIF(a) FROM t", .postgres) == ["wrongArity NULLIF"])
        #expect(issues("SELECT IFF(a, b) FROM t", .snowflake) == ["wrongArity IFF"])
        #expect(issues("SELECT CURRENT_DATE() FROM t", .postgres) == ["wrongArity CURRENT_DATE()"])
        #expect(issues("SELECT CURRENT_DATE(), CURRENT_TIMESTAMP() FROM t", .snowflake) == [])
        #expect(issues("SELECT TO_DATE(x) FROM t", .postgres) == ["wrongArity TO_DATE"])
        #expect(issues("SELECT TO_DATE(x), TO_CHAR(x) FROM t", .snowflake) == [])
        #expect(issues("SELECT EXTRACT(EPOCH FROM b - a), POSITION('a' IN b), SUBSTRING(x FROM 1 FOR 2) FROM t", .postgres) == [])
        #expect(issues("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x) FROM t", .postgres) == [])
        #expect(issues("SELECT f.value FROM t, LATERAL FLATTEN(input => t.items) f", .snowflake) == [])
    }

    @Test("Postgres: Snowflake functions, JSON path access, multi-column COUNT DISTINCT, DISTINCT windows, unaliased subqueries")
    func postgresFindings() {
        #expect(issues("SELECT IFF(a > 1, 'x', 'y') FROM t", .postgres) == ["unsupportedFunction IFF"])
        #expect(issues("SELECT DATEDIFF(day, a, b), TIMEDIFF(second, a, b) FROM t", .postgres) == ["unsupportedFunction DATEDIFF", "unsupportedFunction TIMEDIFF"])
        #expect(issues("SELECT PARSE_JSON(p):name::STRING FROM t", .postgres)
                == ["unsupportedFunction PARSE_JSON", "unsupportedSyntax :name", "unsupportedType STRING"])
        #expect(issues("SELECT COUNT(DISTINCT a, b) FROM t", .postgres) == ["unsupportedSyntax COUNT(DISTINCT a, b)"])
        #expect(issues("SELECT COUNT(DISTINCT a) OVER (PARTITION BY b) FROM t", .postgres) == ["unsupportedSyntax COUNT(DISTINCT a) OVER"])
        #expect(issues("SELECT * FROM (SELECT 1 AS x) WHERE x = 1", .postgres) == ["unsupportedSyntax ("])
        #expect(issues("SELECT * FROM (SELECT 1 AS x) AS s JOIN (SELECT 2 AS y) u ON true", .postgres) == [])
        #expect(issues("SELECT CAST(a AS NUMBER(38, 0)), b::VARIANT FROM t", .postgres) == ["unsupportedType NUMBER", "unsupportedType VARIANT"])
        #expect(issues("SELECT NVL(a, 0), ZEROIFNULL(b) FROM t", .postgres) == ["unsupportedFunction NVL", "unsupportedFunction ZEROIFNULL"])
        #expect(issues("SELECT (x::json)->>'k', x::jsonb #>> '{a,b}', arr[1:2] FROM t", .postgres) == [])
        #expect(issues("SELECT CAST(a AS DOUBLE PRECISION), a::timestamp with time zone FROM t", .postgres) == [])
    }

    @Test("Snowflake: Postgres JSON operators and types, and Postgres-only functions")
    func snowflakeFindings() {
        #expect(issues("SELECT (x::json)->>'k' FROM t", .snowflake) == ["unsupportedType json", "unsupportedSyntax ->>"])
        #expect(issues("SELECT x::jsonb, STRING_AGG(a, ',') FROM t", .snowflake) == ["unsupportedType jsonb", "unsupportedFunction STRING_AGG"])
        #expect(issues("SELECT name FROM t WHERE name ~ '^a'", .snowflake) == ["unsupportedSyntax ~"])
        #expect(issues("SELECT PARSE_JSON(p):name::STRING, IFF(a, 1, 2), DATEDIFF(day, a, b), COUNT(DISTINCT a, b) FROM (SELECT 1) ", .snowflake) == [])
        #expect(issues("SELECT COUNT(DISTINCT a) OVER (PARTITION BY b) FROM t", .snowflake) == [])
    }

    @Test("unknown functions are warnings with a suggestion; user functions with a schema are left alone")
    func unknownFunctions() {
        let checker = SQLChecker(profile: .postgres)
        let found = checker.dialectIssues(Array("SELECT COALESCEE(a, b), MY_UDF(a), util.my_udf(a) FROM t".utf8))
        #expect(found.map(\.kind) == [.unknownFunction, .unknownFunction])
        #expect(found[0].replacement == "COALESCE")
        #expect(found[0].message == "unknown function COALESCEE in Postgres; did you mean COALESCE?")
    }

    @Test("hints give the dialect's equivalent")
    func hints() {
        let found = SQLChecker(profile: .postgres).dialectIssues(Array("SELECT IFF(a, 1, 2), COUNT(DISTINCT a, b) FROM t".utf8))
        #expect(found[0].hint == "CASE WHEN condition THEN a ELSE b END")
        #expect(found[1].hint?.contains("a || '|' || b") == true)
        let json = SQLChecker(profile: .snowflake).dialectIssues(Array("SELECT x::json FROM t".utf8))
        #expect(json.first?.hint == "VARIANT: PARSE_JSON(x)")
    }

    @Test("quoted identifiers in the opposite case of the dialect's folding")
    func quotedCase() {
        #expect(issues("SELECT t.\"ID\", t.\"MixedCase\", t.\"id\" AS \"ALIAS\" FROM t", .postgres) == ["caseSensitiveIdentifier \"ID\""])
        #expect(issues("SELECT t.\"ID\", t.\"id\" AS \"alias\" FROM t", .snowflake) == ["caseSensitiveIdentifier \"id\""])
        #expect(issues("SELECT s.\"n\" FROM (SELECT COUNT(*) AS \"n\" FROM t) AS s", .snowflake) == [])
        #expect(SQLChecker(profile: .snowflake).dialectIssues(Array("x.\"n\"".utf8), aliases: ["\"n\""]).isEmpty)
        #expect(issues("SELECT a FROM t GROUP BY GROUPING SETS ((a), ()), ROLLUP (a), CUBE (a)", .postgres) == [])
    }

    @Test("balance: parentheses, brackets, strings, identifiers, templates")
    func balance() {
        #expect(issues("COUNT((x)", .postgres) == ["unbalancedParenthesis ("])
        #expect(issues("a) + (b", .postgres) == ["unbalancedParenthesis )", "unbalancedParenthesis ("])
        #expect(issues("'abc", .postgres) == ["unterminated '"])
        #expect(issues("\"abc", .postgres) == ["unterminated \""])
        #expect(issues("${TABLE}.x = '{{ _user_attributes['region'] }}'", .postgres) == [])
        #expect(issues("'it\\'s'", .snowflake) == [])
        #expect(issues("'it\\'s'", .postgres) == ["unterminated '"])
        #expect(issues("E'it\\'s'", .postgres) == [])
        #expect(issues("${TABLE.x", .postgres) == ["unterminated $"])
    }

    @Test("integer division in Postgres rates; decimal division in Snowflake")
    func integerDivision() {
        #expect(issues("COUNT(DISTINCT a) / NULLIF(COUNT(*), 0)", .postgres) == ["integerDivision /"])
        #expect(issues("(COUNT(a) + 1) / 2", .postgres) == ["integerDivision /"])
        #expect(issues("1.0 * COUNT(a) / COUNT(b)", .postgres) == [])
        #expect(issues("CAST(COUNT(a) AS DOUBLE PRECISION) / NULLIF(COUNT(b), 0)", .postgres) == [])
        #expect(issues("COUNT(a)::float / COUNT(b)", .postgres) == [])
        #expect(issues("SUM(x) / COUNT(*)", .postgres) == [])
        #expect(issues("COUNT(a) / COUNT(b)", .snowflake) == [])
        let hint = SQLChecker(profile: .postgres).integerDivisions(Array("COUNT(a) / COUNT(b)".utf8)).first?.hint
        #expect(hint == "CAST(COUNT(a) AS DOUBLE PRECISION) / …, or 1.0 * …")
    }
}

@Suite("SQL tokenizer")
struct LexerTests {
    func kinds(_ sql: String, _ lexer: SQLLexer = SQLLexer()) -> [String] {
        let bytes = Array(sql.utf8)
        return lexer.tokenize(bytes).filter { !$0.isTrivia }.map { "\($0.kind):\(String(decoding: bytes[$0.range], as: UTF8.self))" }
    }

    @Test("LookML constructs are single tokens with exact offsets")
    func templates() {
        #expect(kinds("${TABLE}.\"ID\" >= @{START} -- note\n AND {% condition f %} x {% endcondition %} {{ v }}") == [
            "substitution:${TABLE}", "dot:.", "quotedIdentifier:\"ID\"", "op:>=", "constant:@{START}", "word:AND",
            "liquidTag:{% condition f %}", "word:x", "liquidTag:{% endcondition %}", "liquidOutput:{{ v }}",
        ])
        let tokens = SQLLexer().tokenize(Array("a ${b}".utf8))
        #expect(tokens.map(\.range) == [0..<1, 1..<2, 2..<6])
    }

    @Test("operators, numbers, casts, dollar quotes and comments")
    func operators() {
        #expect(kinds("x::json->>'k' || 1.5e3 /* c */ $$a'b$$ $tag$x$tag$ .5 <> :k") == [
            "word:x", "op:::", "word:json", "op:->>", "string:'k'", "op:||", "number:1.5e3", "string:$$a'b$$", "string:$tag$x$tag$",
            "number:.5", "op:<>", "op::", "word:k",
        ])
        #expect(kinds("${a}", SQLLexer(templates: false)).first == "word:$")
    }

    @Test("the template scanner splits text from constructs, also inside quotes")
    func scanner() {
        let text = "'{{ _user_attributes['x'] }}' AND ${a.b} {%- if x -%}"
        let pieces = TemplateScanner.pieces(text)
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        #expect(pieces.count == 6)
        if case .liquidOutput(_, let inner) = pieces[1] { #expect(string(inner) == "_user_attributes['x']") } else { Issue.record("expected Liquid output") }
        if case .substitution(_, let inner) = pieces[3] { #expect(string(inner) == "a.b") } else { Issue.record("expected a substitution") }
        if case .liquidTag(_, let inner) = pieces[5] { #expect(string(inner) == "if x") } else { Issue.record("expected a Liquid tag") }
    }
}
