import Foundation
import Testing
import LookMLCommands
import SQLCompiler
import SQLDialect

@Suite("lookml sql and lookml validate")
struct SQLCommandTests {
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for (path, text) in SQLFixtures.files(at: SQLFixtures.goldenProject) { files["proj/" + path] = text }
        return files
    }()

    @Test("sql prints the compiled query; --fields, --dialect and --limit")
    func sql() throws {
        let run = SQLToolRun(["sql", "engagement/users", "proj", "--fields", "users.country, users.count", "--dialect", "postgres", "--limit", "10"], files: Self.files)
        #expect(run.exitCode == 0)
        #expect(run.error == "")
        #expect(run.output == """
            SELECT
                users.COUNTRY AS "users.country",
                COUNT(*) AS "users.count"
            FROM CURRENTS_DB.BRAZE.USERS AS users
            GROUP BY 1
            LIMIT 10

            """)
        let golden = try String(contentsOf: SQLFixtures.golden.appendingPathComponent("explore_defaults.snowflake.sql"), encoding: .utf8)
        #expect(SQLToolRun(["sql", "engagement/campaign_stats", "proj"], files: Self.files).output == golden)
    }

    @Test("unknown model, explore or field: exit 2 with a suggestion")
    func unknownNames() {
        let model = SQLToolRun(["sql", "engagment/users", "proj"], files: Self.files)
        #expect(model.exitCode == 2)
        #expect(model.error.contains("unknown model 'engagment'; did you mean 'engagement'?"))
        let explore = SQLToolRun(["sql", "engagement/user", "proj"], files: Self.files)
        #expect(explore.exitCode == 2)
        #expect(explore.error.contains("unknown explore 'user' in model 'engagement'; did you mean 'users'?"))
        let field = SQLToolRun(["sql", "engagement/users", "proj", "--fields", "users.contry"], files: Self.files)
        #expect(field.exitCode == 2)
        #expect(field.error.contains("unknown field 'users.contry' in explore 'users'; did you mean 'users.country'?"))
        #expect(SQLToolRun(["sql", "engagement", "proj"], files: Self.files).exitCode == 2)
        #expect(SQLToolRun(["sql", "engagement/users", "proj", "--dialect", "oracle"], files: Self.files).error.contains("choose from: snowflake, postgres"))
    }

    @Test("what cannot be compiled is reported on standard error, with the location")
    func warnings() {
        var files = Self.files
        files["proj/views/users.view.lkml"] = files["proj/views/users.view.lkml"]!.replacingOccurrences(of: "${TABLE}.COUNTRY", with: "${TABLE}.COUNTRY || ${contry}")
        let run = SQLToolRun(["sql", "engagement/users", "proj", "--fields", "users.country"], files: files)
        #expect(run.exitCode == 0)
        #expect(run.error.hasPrefix("proj/views/users.view.lkml:"))
        #expect(run.error.contains("warning: unknown field 'contry' in view 'users'; did you mean 'country'?"))
    }

    @Test("validate: exit 0 when clean, 1 with findings, in every format")
    func validate() throws {
        let clean = SQLToolRun(["validate", "proj", "--dialect", "snowflake"], files: Self.files)
        #expect(clean.exitCode == 0)
        #expect(clean.output == "no problems found\n")
        let postgres = SQLToolRun(["validate", "proj", "--dialect", "postgres"], files: Self.files)
        #expect(postgres.exitCode == 1)
        #expect(postgres.output.contains("views/email_opens.view.lkml:38:19: warning: integer division"))
        let json = SQLToolRun(["validate", "proj", "--dialect", "postgres", "--format", "json"], files: Self.files)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records.first?["id"] as? String == "LKM-S009")
        #expect(records.first?["line"] as? Int == 38)
        for format in ["sarif", "github", "junit"] {
            let run = SQLToolRun(["validate", "proj", "--dialect", "postgres", "--format", format], files: Self.files)
            #expect(run.exitCode == 1)
            #expect(run.output.contains("S009"))
        }
    }

    @Test("validate --explores selects by name or model/explore; usage errors exit 2")
    func explores() {
        let users = SQLToolRun(["validate", "proj", "--dialect", "postgres", "--explores", "user*"], files: Self.files)
        #expect(users.exitCode == 0)
        let qualified = SQLToolRun(["validate", "proj", "--dialect", "postgres", "--explores", "engagement/email_*"], files: Self.files)
        #expect(qualified.exitCode == 1)
        let none = SQLToolRun(["validate", "proj", "--dialect", "postgres", "--explores", "nothing*"], files: Self.files)
        #expect(none.exitCode == 2)
        #expect(none.error.contains("no explore matches 'nothing*'"))
        #expect(SQLToolRun(["validate", "proj"], files: Self.files).error.contains("--dialect is required"))
        #expect(SQLToolRun(["validate", "proj", "--dialect", "mysql"], files: Self.files).exitCode == 2)
    }

    @Test("the validator as a lint finding provider")
    func lintProvider() {
        let project = SQLFixtures.project(SQLFixtures.files(at: SQLFixtures.goldenProject))
        let findings = SQLValidatorFindingProvider().findings(in: project, dialect: "postgres")
        #expect(findings.map(\.source) == ["lookml validate S009"])
        #expect(findings.first?.location.file == "views/email_opens.view.lkml")
        #expect(SQLValidatorFindingProvider().findings(in: project, dialect: "snowflake").isEmpty)
        #expect(SQLValidatorFindingProvider().findings(in: project, dialect: "oracle").isEmpty)
    }

    @Test("glob matching")
    func glob() {
        #expect(globMatches("email_*", "email_sends"))
        #expect(globMatches("*_sends", "email_sends"))
        #expect(globMatches("e?ail*", "email"))
        #expect(!globMatches("email_*", "users"))
        #expect(globMatches("*", ""))
    }
}
