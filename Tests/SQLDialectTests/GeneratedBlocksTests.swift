import Testing
import LookMLCommands
import LookMLProject
import SQLCompiler
import SQLDialect

/// The blocks `lookml generate` writes validate clean in the dialect they were generated for, and show what the
/// other dialect lacks when validated as it.
@Suite("Generated blocks")
struct GeneratedBlocksTests {
    /// The generated project for a dialect, as files relative to its root.
    static func generated(_ dialect: String) throws -> [String: String] {
        let fileSystem = InMemoryFileSystem()
        let capture = CapturingConsole()
        let code = LookMLTool.run(["generate", "--dialect", dialect, "--out", "gen"], context: CommandContext(console: capture.console, fileSystem: fileSystem))
        try #require(code == 0, "\(capture.errorText)")
        var files: [String: String] = [:]
        for path in try fileSystem.files(under: "gen") where ProjectFile.Kind.of(path) != nil {
            files[String(path.dropFirst("gen/".count))] = fileSystem[path]
        }
        return files
    }

    static func findings(_ files: [String: String], _ dialect: DialectProfile) -> [Finding] {
        SQLValidator(compiler: SQLCompiler(project: SQLFixtures.project(files)), dialect: dialect).validate()
    }

    @Test("each dialect's blocks validate clean in that dialect", arguments: DialectProfile.all.map(\.name))
    func clean(dialect: String) throws {
        let files = try Self.generated(dialect)
        let compiler = SQLCompiler(project: SQLFixtures.project(files))
        #expect(compiler.explores().count >= 5)
        let findings = Self.findings(files, try #require(DialectProfile.named(dialect)))
        #expect(findings.isEmpty, "\(findings.map { "\($0.file): [\($0.code)] \($0.message)" })")
    }

    @Test("the Snowflake blocks validated as Postgres: Snowflake functions, JSON paths and types, integer rates")
    func snowflakeAsPostgres() throws {
        let findings = Self.findings(try Self.generated("snowflake"), .postgres)
        let codes = Set(findings.map(\.code))
        #expect(codes.isSubset(of: ["S003", "S004", "S005", "S009"]), "\(codes)")
        #expect(findings.contains { $0.code == "S003" && $0.message.hasPrefix("PARSE_JSON is a Snowflake function") })
        #expect(findings.contains { $0.code == "S004" && $0.message.contains("JSON path access") })
        #expect(findings.contains { $0.code == "S005" && $0.message.hasPrefix("Postgres has no STRING type; in Postgres write TEXT") })
        #expect(findings.allSatisfy { $0.message.contains("(explore '") })
    }

    @Test("the Postgres blocks validated as Snowflake: ->> and ::json")
    func postgresAsSnowflake() throws {
        let findings = Self.findings(try Self.generated("postgres"), .snowflake)
        let codes = Set(findings.map(\.code))
        #expect(codes.isSubset(of: ["S003", "S004", "S005"]), "\(codes)")
        #expect(findings.contains { $0.code == "S004" && $0.message.hasPrefix("operator '->>' is not Snowflake SQL") })
        #expect(findings.contains { $0.code == "S005" && $0.message.hasPrefix("Snowflake has no JSON type") })
    }
}
