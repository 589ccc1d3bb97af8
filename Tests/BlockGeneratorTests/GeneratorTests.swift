import Foundation
import Testing
import LookMLFormat
import LookMLSyntax
import YAMLSupport
@testable import BlockGenerator

@Suite("Block generator")
struct GeneratorTests {
    static let configurationNames = Fixtures.configurations.map(\.name)

    /// Each configuration's output, generated once.
    static let outputs: [String: [GeneratedFile]] = Dictionary(uniqueKeysWithValues: Fixtures.configurations.map {
        ($0.name, Fixtures.generate($0.yaml, dialect: $0.dialect))
    })

    static func files(_ name: String) -> [GeneratedFile] { outputs[name]! }

    @Test("dump (set LOOKML_DUMP_DIR to write every configuration's output there)")
    func dump() throws {
        guard let directory = ProcessInfo.processInfo.environment["LOOKML_DUMP_DIR"] else { return }
        for configuration in Fixtures.configurations {
            try Fixtures.write(Self.files(configuration.name), to: URL(fileURLWithPath: directory).appendingPathComponent(configuration.name))
        }
    }

    @Test("every .lkml file parses cleanly and is already in lookml fmt form", arguments: configurationNames)
    func lookMLIsCanonical(configuration: String) throws {
        let files = Self.files(configuration)
        #expect(files.count > 50)
        for file in files where file.path.hasSuffix(".lkml") {
            let tree = SyntaxTree.parse(SourceFile(path: file.path, text: file.contents))
            #expect(tree.diagnostics.isEmpty, "\(file.path): \(tree.diagnostics.map(\.message))")
            #expect(tree.description == file.contents)
            let formatted = String(decoding: try Formatter().format(tree), as: UTF8.self)
            #expect(formatted == file.contents, "\(file.path) is not in fmt form:\n\(formatted)")
        }
    }

    @Test("every dashboard is LookML YAML that loads", arguments: configurationNames)
    func dashboardsLoad(configuration: String) throws {
        let dashboards = Self.files(configuration).filter { $0.path.hasSuffix(".dashboard.lookml") }
        #expect(dashboards.count == 10)
        for file in dashboards {
            let document = try #require(try YAMLLoader.loadDocument(Array(file.contents.utf8)))
            let dashboard = try #require(document.items?.first)
            #expect(dashboard["dashboard"]?.string == String(file.path.dropFirst("dashboards/".count).dropLast(".dashboard.lookml".count)))
            let elements = try #require(dashboard["elements"]?.items)
            #expect(!elements.isEmpty)
            for element in elements {
                #expect(element["fields"]?.items?.isEmpty == false)
                #expect(element["listen"]?["date"]?.string != nil)
            }
        }
    }

    @Test("the same inputs give the same bytes")
    func deterministic() {
        for configuration in Fixtures.configurations.prefix(3) {
            #expect(Fixtures.generate(configuration.yaml, dialect: configuration.dialect)
                == Fixtures.generate(configuration.yaml, dialect: configuration.dialect))
        }
    }

    @Test("every table of both blocks has a view; optional blocks only with --include")
    func coverage() throws {
        let library = Fixtures.library
        let plain = try library.generate(naming: Fixtures.naming(), include: [])
        let paths = Set(plain.map(\.path))
        for table in library.catalog.tables {
            let path = "views/\(table.defaultViewName).view.lkml"
            if table.block == "message-engagement" || table.block == "user-behavior" {
                #expect(paths.contains(path), "\(path)")
            } else {
                #expect(!paths.contains(path), "\(path)")
            }
        }
        #expect(!plain.contains { $0.contents.contains("CONTENTCARD") || $0.contents.contains("SMS_") })
        let sms = try library.generate(naming: Fixtures.naming(), include: ["sms"])
        #expect(sms.contains { $0.path == "views/sms_events.view.lkml" })
        #expect(!sms.contains { $0.path.contains("contentcard") })
        let engagement = try library.generate(blocks: ["message-engagement"], naming: Fixtures.naming())
        #expect(engagement.allSatisfy { $0.block == "message-engagement" })
        #expect(engagement.contains { $0.path == "message_engagement.model.lkml" })
    }

    @Test("the external user id is tagged braze_id unless braze_id_tag is false; one tag per explore")
    func brazeIdTag() {
        let tagged = Self.files("default-snowflake")
        let open = tagged.first { $0.path == "views/users_messages_email_open.view.lkml" }!
        #expect(open.contents.contains("""
          dimension: external_user_id {
            type: string
            sql: ${TABLE}.EXTERNAL_USER_ID ;;
            description: "The customer's own id of the user (the external_id Braze actions send back)."
            tags: ["braze_id"]
          }
        """))
        let model = tagged.first { $0.path == "message_engagement.model.lkml" }!.contents
        #expect(model.contains("-users_messages_email_open.external_user_id"))
        #expect(!Self.files("legacy-postgres").contains { $0.contents.contains("braze_id") })
    }

    @Test("Snowflake SQL: upper case, TO_TIMESTAMP, PARSE_JSON, IFF, DATEDIFF")
    func snowflakeSQL() {
        let all = Self.files("default-snowflake").map(\.contents).joined()
        #expect(all.contains("sql_table_name: CURRENTS.USERS_MESSAGES_EMAIL_SEND_SHARED ;;"))
        #expect(all.contains("TO_TIMESTAMP(TIME)"))
        #expect(all.contains("PARSE_JSON(${TABLE}.PROPERTIES):{% parameter properties_key %}::STRING"))
        #expect(all.contains("IFF(${email_address} IS NOT NULL AND ${message_variation_id} IS NOT NULL"))
        #expect(all.contains("DATEDIFF('day', previous_sent_at, sent_at)"))
        #expect(all.contains("${unique_opens} / NULLIF(${deliveries}, 0)"))
        #expect(!all.contains("CASE WHEN"))
    }

    @Test("Postgres SQL: lower case, to_timestamp, ->>, CASE, date arithmetic, floating division, no multi-argument COUNT(DISTINCT)")
    func postgresSQL() {
        let files = Self.files("default-postgres")
        let all = files.map(\.contents).joined()
        #expect(all.contains("sql_table_name: currents.users_messages_email_send_shared ;;"))
        #expect(all.contains("to_timestamp(time)"))
        #expect(all.contains("(${TABLE}.properties::json)->>'{% parameter properties_key %}'"))
        #expect(all.contains("CASE WHEN ${email_address} IS NOT NULL AND ${message_variation_id} IS NOT NULL"))
        #expect(all.contains("(CAST(sent_at AS DATE) - CAST(previous_sent_at AS DATE))"))
        #expect(all.contains("CAST(${unique_opens} AS DOUBLE PRECISION) / NULLIF(${deliveries}, 0)"))
        for forbidden in ["IFF(", "DATEDIFF", "PARSE_JSON", "TO_TIMESTAMP", "::STRING", "VARCHAR", "TIMESTAMP_NTZ"] {
            #expect(!all.contains(forbidden), "\(forbidden)")
        }
        // No multi-argument COUNT(DISTINCT a, b) and no COUNT(DISTINCT …) OVER.
        for file in files {
            var rest = Substring(file.contents)
            while let range = rest.firstRange(of: "COUNT(DISTINCT") {
                let call = rest[range.upperBound...].prefix { $0 != ")" }
                #expect(!call.contains(","), "\(file.path)")
                rest = rest[range.upperBound...]
            }
            #expect(!file.contents.contains(") OVER") || !file.contents.contains("COUNT(DISTINCT"))
        }
        // Every SQL identifier we name is lower case.
        #expect(!all.contains("${TABLE}.ID ;;"))
    }

    @Test("the legacy layout uses its id columns and no _SHARED suffix")
    func legacyLayout() {
        let files = Self.files("legacy-postgres")
        let all = files.map(\.contents).joined()
        #expect(all.contains("sql_table_name: public.users_messages_email_send ;;"))
        #expect(!all.contains("_shared"))
        #expect(!all.contains("campaign_api_id"))
        #expect(!all.contains("message_variation_api_id"))
        #expect(all.contains("message_variation_id AS message_variation_id"))
        #expect(all.contains("dimension: campaign_name {"))
        let conversion = files.first { $0.path == "views/users_campaigns_conversion.view.lkml" }!.contents
        #expect(conversion.contains("parameter: conversion_behavior_key {"))
    }

    @Test("a customised naming leaves none of the default names", arguments: ["custom-snowflake", "custom-postgres"])
    func customisedNames(configuration: String) {
        let library = Fixtures.library
        let files = Self.files(configuration)
        let text = files.map { $0.path + "\n" + $0.contents }.joined(separator: "\n")
        // Every name in a naming position: after a naming key, before a `.field`, in a file name.
        var names: Set<String> = []
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            for key in ["view: ", "explore: ", "join: ", "view_name: ", "model: ", "dashboard: ", "connection: "] where trimmed.hasPrefix(key) {
                names.insert(String(trimmed.dropFirst(key.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "\"" }).replacingOccurrences(of: "\"", with: ""))
            }
        }
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }
        for word in words {
            let parts = word.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count > 1, parts[1].first?.isLetter == true { names.insert(String(parts[0])) }
        }
        for file in files { names.insert(String(file.path.split(separator: "/").last!.prefix { $0 != "." })) }
        var defaults = library.defaultNames.views.union(library.defaultNames.explores).union(library.defaultNames.models)
            .union(library.defaultNames.dashboards)
        defaults.insert("braze_currents")
        defaults.insert("CURRENTS")
        defaults.insert("currents")
        let survivors = defaults.intersection(names).sorted()
        #expect(survivors.isEmpty, "\(survivors)")
        // Table and column names of the default naming appear nowhere.
        let allWords = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        let tables = library.catalog.tables.flatMap { [$0.stem + "_SHARED", $0.stem.lowercased() + "_shared"] }
        #expect(Set(tables).intersection(allWords).isEmpty)
        #expect(!allWords.contains("EXTERNAL_USER_ID"))
        #expect(!text.contains(".external_user_id AS") && !text.contains(" external_user_id AS external_user_id"))
        #expect(text.contains("ACME_RAW.BRAZE_EXPORT.EMAIL_SENDS_TABLE") || text.contains("acme_raw.braze_export.email_sends_table"))
        #expect(text.contains("CUSTOMER_KEY") || text.contains("customer_key"))
    }
}
