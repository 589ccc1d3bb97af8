import BlockGenerator
import Foundation
import LookMLCommands
import LookMLTestSupport
import Testing

/// The block generator's output is clean for any valid naming: for seeded random naming configs (random identifiers
/// for the connection, database, schema, table prefix, suffix and per-table names, columns, view prefix and per-view,
/// explore, model and dashboard names; both layouts and both dialects), `generate` followed by `check --names`,
/// `lint` and offline `validate` finds nothing.
@Suite("Random namings")
struct RandomNamingTests {
    static let library = try! BlockLibrary.embedded()

    /// A seeded random naming config, as the YAML a user would write, and its dialect.
    struct RandomNaming {
        var random: SeededRandom
        var counter = 0

        init(seed: UInt64) { random = SeededRandom(seed: seed) }

        mutating func letters(_ count: ClosedRange<Int>, upper: Bool) -> String {
            let alphabet = Array(upper ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" : "abcdefghijklmnopqrstuvwxyz")
            return String((0..<Int.random(in: count, using: &random)).map { _ in random.pick(alphabet) })
        }

        mutating func alphanumerics(_ count: ClosedRange<Int>) -> String {
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            return String((0..<Int.random(in: count, using: &random)).map { _ in random.pick(alphabet) })
        }

        /// A unique unquoted SQL identifier in mixed case, sometimes with a `$` (never a keyword: it has a `_` or `$`).
        mutating func identifier() -> String {
            counter += 1
            let separator = random.chance(0.1) ? "$" : "_"
            return letters(1...5, upper: true) + separator + alphanumerics(0...3) + String(counter)
        }

        /// A unique LookML name: lower-case letters, digits and `_`.
        mutating func lookMLName() -> String {
            counter += 1
            return letters(1...6, upper: false) + "_" + alphanumerics(0...3) + String(counter)
        }

        /// Up to `count` of `names`, in a seeded order.
        mutating func some(_ names: [String], _ count: ClosedRange<Int>) -> [String] {
            var pool = names.sorted()
            var picked: [String] = []
            for _ in 0..<min(Int.random(in: count, using: &random), pool.count) {
                picked.append(pool.remove(at: Int.random(in: 0..<pool.count, using: &random)))
            }
            return picked
        }

        mutating func config() -> (yaml: String, dialect: WarehouseDialect, brazeIdTag: Bool) {
            let dialect = random.pick(WarehouseDialect.allCases)
            let layout = random.pick(Layout.allCases)
            var lines = ["version: 1", "dialect: \(dialect.rawValue)", "layout: \(layout.rawValue)"]
            lines.append("connection: \(lookMLName())\(random.chance(0.3) ? "-" + alphanumerics(1...4) : "")")
            if random.chance(0.5) { lines.append("database: \(identifier())") }
            if random.chance(0.7) { lines.append("schema: \(identifier())") }
            // Affixes are short, so every table name stays within Postgres's 63 bytes.
            if random.chance(0.5) { lines.append("table_prefix: \(letters(1...3, upper: true))_") }
            if random.chance(0.5) { lines.append("table_suffix: _\(alphanumerics(1...4))") }
            let catalog = RandomNamingTests.library.catalog
            let tables = some(catalog.tables.map(\.stem), 0...4).map { stem in
                "\(stem): " + (random.chance(0.3) ? "\(identifier()).\(identifier())" : identifier())
            }
            if !tables.isEmpty { lines.append("tables: {\(tables.joined(separator: ", "))}") }
            if random.chance(0.5) { lines.append("view_prefix: \(letters(1...4, upper: false))_") }
            let defaults = RandomNamingTests.library.defaultNames
            for (key, names) in [("views", defaults.views), ("explores", defaults.explores), ("models", defaults.models),
                                 ("dashboards", defaults.dashboards)] {
                let overrides = some(Array(names), 0...3).map { "\($0): \(lookMLName())" }
                if !overrides.isEmpty { lines.append("\(key): {\(overrides.joined(separator: ", "))}") }
            }
            // Columns: some everywhere (by name), some in one table (TABLE.COLUMN).
            let table = random.pick(catalog.tables)
            let columns = some(table.columns(in: layout).map(\.name), 0...3).map { column in
                (random.chance(0.5) ? "\(table.stem).\(column)" : column) + ": \(identifier())"
            }
            if !columns.isEmpty { lines.append("columns: {\(columns.joined(separator: ", "))}") }
            let brazeIdTag = !random.chance(0.3)
            if !brazeIdTag { lines.append("braze_id_tag: false") }
            return (lines.joined(separator: "\n") + "\n", dialect, brazeIdTag)
        }
    }

    struct LintRecord: Decodable, Equatable {
        var id: String
        var severity: String
    }

    @Test("generate with a random naming, then check --names, lint and validate find nothing", arguments: Array(UInt64(1)...20))
    func clean(seed: UInt64) throws {
        var naming = RandomNaming(seed: seed &* 7919)
        let (yaml, dialect, brazeIdTag) = naming.config()
        let include = seed % 2 == 0 ? ["--include", "content-cards,sms"] : []
        let files = InMemoryFileSystem(files: ["names.yaml": yaml])
        let generate = runTool(["generate", "--names", "names.yaml", "--out", "p"] + include, files: files)
        try #require(generate.exitCode == 0, "seed \(seed):\n\(yaml)\n\(generate.error)")

        let check = runTool(["check", "p", "--names", "names.yaml", "--format", "json"], files: files)
        #expect(check.exitCode == 0 && check.output == "[]\n", "seed \(seed) check:\n\(yaml)\n\(check.output)\(check.error)")
        let lint = runTool(["lint", "p", "--format", "json"], files: files)
        let lintFindings = try JSONDecoder().decode([LintRecord].self, from: Data(lint.output.utf8))
        // Without the braze_id tag (asked for), lint says once, as information, that the Braze action needs one.
        let expected = brazeIdTag ? [] : [LintRecord(id: "LK501", severity: "info")]
        #expect(lint.exitCode == 0 && lintFindings == expected, "seed \(seed) lint:\n\(yaml)\n\(lint.output)\(lint.error)")
        let validate = runTool(["validate", "p", "--dialect", dialect.rawValue, "--format", "json"], files: files)
        #expect(validate.exitCode == 0 && validate.output == "[]\n", "seed \(seed) validate:\n\(yaml)\n\(validate.output)\(validate.error)")
        // And the files are already in fmt form.
        #expect(runTool(["fmt", "--check", "p"], files: files).exitCode == 0, "seed \(seed) fmt:\n\(yaml)")
    }
}
