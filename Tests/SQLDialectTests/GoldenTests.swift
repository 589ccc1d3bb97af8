import Foundation
import Testing
import LookMLProject
import SQLCompiler
import SQLDialect

/// Compiled SQL for representative explores of `Fixtures/golden`, in both dialects, compared with
/// `Golden/<case>.<dialect>.sql`. Regenerate with:
///
///     LOOKML_UPDATE_GOLDEN=1 swift test --filter SQLDialectTests
@Suite("Compiler golden SQL")
struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let explore: String
        let fields: [String]?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "joins", explore: "email_sends", fields: [
            "email_sends.send_id", "campaigns.name", "users.country", "send_cadence.sends", "email_opens.opens", "email_opens.unique_opens",
        ]),
        Case(name: "dimension_groups", explore: "email_sends", fields: [
            "email_sends.sent_raw", "email_sends.sent_time", "email_sends.sent_date", "email_sends.sent_week", "email_sends.sent_month",
            "email_sends.sent_quarter", "email_sends.sent_year", "email_sends.sent_hour", "email_sends.sent_hour6", "email_sends.sent_minute15",
            "email_sends.sent_time_of_day", "email_sends.sent_hour_of_day", "email_sends.sent_day_of_week", "email_sends.sent_day_of_week_index",
            "email_sends.sent_day_of_month", "email_sends.sent_day_of_year", "email_sends.sent_week_of_year", "email_sends.sent_month_name",
            "email_sends.sent_month_num", "email_sends.sent_quarter_of_year", "email_sends.sent_yesno", "email_sends.send_hour_tier",
            "email_sends.sends",
        ]),
        Case(name: "durations", explore: "users", fields: [
            "users.region", "users.last_location", "users.first_session_date", "users.hours_since_first_session", "users.days_since_first_session", "users.weeks_since_first_session",
            "users.months_since_first_session", "users.average_days_since_first_session", "users.median_days_since_first_session",
            "users.p90_days_since_first_session", "users.total_days_since_first_session",
        ]),
        Case(name: "measures", explore: "email_sends", fields: [
            "email_sends.is_test_send", "email_sends.sends", "email_sends.recipients", "email_sends.sends_to_gmail", "email_sends.sends_outside_tests",
            "email_sends.sends_last_7_days", "email_sends.first_send", "email_sends.last_send", "email_sends.domains", "email_opens.open_rate",
            "email_opens.opens_per_recipient",
        ]),
        Case(name: "derived_tables", explore: "users", fields: ["users.country", "send_cadence.average_sends", "users.count"]),
        Case(name: "liquid", explore: "campaign_stats", fields: [
            "campaign_stats.campaign_id", "campaigns.name", "campaign_stats.unique_recipients", "campaign_stats.chosen_metric",
            "campaign_stats.warehouse", "campaign_stats.sends_per_campaign",
        ]),
        Case(name: "liquid_not_in_query", explore: "campaign_stats", fields: ["campaign_stats.campaign_id", "campaign_stats.count"]),
        Case(name: "explore_defaults", explore: "campaign_stats", fields: nil),
    ]

    static let compiler = SQLCompiler(project: SQLFixtures.project(SQLFixtures.files(at: SQLFixtures.goldenProject)))

    @Test("golden SQL", arguments: cases, DialectProfile.all.map(\.name))
    func golden(_ testCase: Case, dialect: String) throws {
        let profile = try #require(DialectProfile.named(dialect))
        let query = try Self.compiler.compile(model: "engagement", explore: testCase.explore, fields: testCase.fields, dialect: profile)
        #expect(query.diagnostics.isEmpty, "\(query.diagnostics.map(\.message))")
        let url = SQLFixtures.golden.appendingPathComponent("\(testCase.name).\(dialect).sql")
        if SQLFixtures.updating {
            try query.sql.write(to: url, atomically: false, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(query.sql == expected, "regenerate with LOOKML_UPDATE_GOLDEN=1 swift test --filter SQLDialectTests")
    }

    @Test("the golden project validates clean in Snowflake, and shows only its integer division in Postgres")
    func validation() {
        #expect(SQLValidator(compiler: Self.compiler, dialect: .snowflake).validate().isEmpty)
        let postgres = SQLValidator(compiler: Self.compiler, dialect: .postgres).validate()
        #expect(postgres.map(\.code) == ["S009"])
    }

    @Test("each column's range covers its expression, and the source map points verbatim text at its LookML")
    func sourceMap() throws {
        let query = try Self.compiler.compile(model: "engagement", explore: "email_sends", fields: ["email_sends.email_domain", "email_opens.open_rate"],
                                              dialect: .postgres)
        let sql = Array(query.sql.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: sql[range], as: UTF8.self) }
        #expect(query.fields.map(\.name) == ["email_sends.email_domain", "email_opens.open_rate"])
        #expect(text(query.fields[0].outputRange) == "SPLIT_PART(LOWER(email_sends.EMAIL_ADDRESS), '@', 2)")
        #expect(text(query.fields[1].outputRange).hasPrefix("1.0 * COUNT(DISTINCT CASE WHEN"))
        // `SPLIT_PART` maps to the view file, byte for byte.
        let offset = try #require(sql.firstRange(of: Array("SPLIT_PART".utf8))).lowerBound
        let (location, owner) = try #require(query.location(of: offset..<offset + 10))
        #expect(location.file == "views/email_sends.view.lkml")
        let source = try #require(SQLFixtures.files(at: SQLFixtures.goldenProject)["views/email_sends.view.lkml"])
        #expect(String(decoding: Array(source.utf8)[location.range], as: UTF8.self) == "SPLIT_PART")
        #expect(owner == .field("email_sends.email_domain"))
        // `LOWER(` comes from the refinement, through ${EXTENDED}.
        let lower = try #require(sql.firstRange(of: Array("LOWER(".utf8))).lowerBound
        #expect(query.location(of: lower..<lower + 5)?.location.file == "views/email_sends_refinements.view.lkml")
    }

    @Test("filters given with a query replace the explore's defaults on the same field; empty ones filter nothing")
    func queryFilters() throws {
        let options = CompileOptions(filters: [("email_sends.sent_date", "2024-01"), ("email_sends.email_domain", "gmail.com"), ("users.country", "")])
        let query = try Self.compiler.compile(model: "engagement", explore: "email_sends", fields: ["email_sends.sends"], dialect: .postgres, options: options)
        #expect(query.sql.contains("TIMESTAMP '2024-01-01'"))
        #expect(!query.sql.contains("-29"))
        #expect(query.sql.contains("= 'gmail.com'"))
        #expect(!query.sql.contains("JOIN"))
        #expect(query.diagnostics.isEmpty)
    }

    @Test("explores and their fields are listed for a live validator")
    func catalog() throws {
        #expect(Self.compiler.explores().map { "\($0.model)/\($0.explore)" } == ["engagement/email_sends", "engagement/campaign_stats", "engagement/users"])
        let fields = try Self.compiler.fields(model: "engagement", explore: "users")
        #expect(fields.dimensions.map(\.name).contains("users.first_session_week"))
        #expect(fields.dimensions.map(\.name).contains("send_cadence.external_user_id"))
        #expect(fields.measures.map(\.name) == [
            "users.count", "users.average_days_since_first_session", "users.median_days_since_first_session", "users.p90_days_since_first_session",
            "users.total_days_since_first_session", "send_cadence.average_sends",
        ])
        let stats = try Self.compiler.fields(model: "engagement", explore: "campaign_stats")
        #expect(stats.filters.map(\.name) == ["campaign_stats.sent_window", "campaign_stats.campaign_filter", "campaign_stats.excluded_campaigns", "campaign_stats.metric"])
    }

    @Test("unknown models, explores and fields fail with a suggestion")
    func errors() {
        #expect(throws: CompileError.unknownModel("engagment", suggestion: "engagement")) {
            try Self.compiler.compile(model: "engagment", explore: "users", dialect: .postgres)
        }
        #expect(throws: CompileError.unknownExplore("user", model: "engagement", suggestion: "users")) {
            try Self.compiler.compile(model: "engagement", explore: "user", dialect: .postgres)
        }
        #expect(throws: CompileError.unknownField("users.contry", explore: "users", suggestion: "users.country")) {
            try Self.compiler.compile(model: "engagement", explore: "users", fields: ["users.contry"], dialect: .postgres)
        }
        #expect(throws: CompileError.notSelectable("campaign_stats.metric", kind: "parameter")) {
            try Self.compiler.compile(model: "engagement", explore: "campaign_stats", fields: ["campaign_stats.metric"], dialect: .postgres)
        }
    }
}
