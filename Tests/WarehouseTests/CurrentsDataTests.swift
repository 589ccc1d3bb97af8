import BlockGenerator
import Foundation
import Testing
@testable import Warehouse

/// DDL and synthetic data, without a server.
@Suite("Currents DDL and synthetic data")
struct CurrentsDataTests {
    static let catalog = try! CurrentsCatalog.embedded()

    func ddl(_ dialect: WarehouseDialect, _ layout: Layout, config: NamingConfig = NamingConfig()) throws -> CurrentsDDL {
        CurrentsDDL(naming: try CurrentsDDL.naming(config: config, dialect: dialect, layout: layout, catalog: Self.catalog))
    }

    @Test("every catalog table gets a CREATE TABLE with the layout's columns", arguments: WarehouseDialect.allCases, Layout.allCases)
    func everyTable(dialect: WarehouseDialect, layout: Layout) throws {
        let ddl = try ddl(dialect, layout)
        let script = ddl.script()
        #expect(script.components(separatedBy: "CREATE TABLE ").count - 1 == Self.catalog.tables.count)
        for table in Self.catalog.tables {
            let statement = ddl.createTable(table)
            #expect(script.contains(statement))
            for column in table.columns(in: layout) {
                #expect(statement.contains(" \(ddl.columnName(column, in: table)) "), "\(table.stem).\(column.name)")
            }
            #expect(statement.contains(dialect == .postgres ? "PRIMARY KEY (id)" : "PRIMARY KEY (ID)"))
        }
    }

    @Test("column types, case folding, layout suffixes and schemas")
    func types() throws {
        let postgres = try ddl(.postgres, .shared).script()
        #expect(postgres.contains("CREATE SCHEMA IF NOT EXISTS currents;"))
        #expect(postgres.contains("CREATE TABLE currents.users_messages_email_send_shared ("))
        #expect(postgres.contains("    time ") && postgres.contains(" bigint NOT NULL"))
        #expect(postgres.contains(" double precision"))
        #expect(postgres.contains("campaign_api_id"))
        #expect(postgres.contains(" timestamptz"))
        let legacy = try ddl(.snowflake, .legacy).script()
        #expect(legacy.contains("CREATE TABLE PUBLIC.USERS_MESSAGES_EMAIL_SEND ("))
        #expect(legacy.contains("CAMPAIGN_NAME") && !legacy.contains("CAMPAIGN_API_ID") && !legacy.contains("_SHARED"))
        #expect(legacy.contains("NUMBER(38,0) NOT NULL") && legacy.contains(" FLOAT") && legacy.contains(" BOOLEAN"))
        #expect(!legacy.contains(" text") && !legacy.contains("bigint"))
    }

    @Test("the naming config renames schemas, tables and columns")
    func naming() throws {
        let yaml = "version: 1\nschema: braze\ntables: {USERS_MESSAGES_EMAIL_SEND: email_sends}\ncolumns: {EXTERNAL_USER_ID: CUSTOMER_ID}\n"
        let config = try NamingConfig.load(Array(yaml.utf8), path: "names.yaml")
        let script = try ddl(.postgres, .shared, config: config).script()
        #expect(script.contains("CREATE SCHEMA IF NOT EXISTS braze;"))
        #expect(script.contains("CREATE TABLE braze.email_sends ("))
        #expect(script.contains("customer_id") && !script.contains("external_user_id"))
    }

    @Test("a reserved word is quoted in the dialect's case")
    func reservedWords() throws {
        #expect(try ddl(.postgres, .shared).quote("user") == "\"user\"")
        #expect(try ddl(.snowflake, .shared).quote("ORDER") == "\"ORDER\"")
        #expect(try ddl(.postgres, .shared).quote("time") == "time")
    }

    @Test("the same seed gives the same data; another seed other data")
    func deterministic() throws {
        let options = SyntheticOptions(users: 60, days: 10, seed: 7)
        let first = SyntheticCurrents(options: options), second = SyntheticCurrents(options: options)
        var other = options
        other.seed = 8
        let third = SyntheticCurrents(options: other)
        var differs = false
        for table in Self.catalog.tables {
            #expect(first.rows(for: table, layout: .shared) == second.rows(for: table, layout: .shared), "\(table.stem)")
            if first.rows(for: table, layout: .shared) != third.rows(for: table, layout: .shared) { differs = true }
        }
        #expect(differs)
    }

    @Test("both layouts get the same events; ids land in each layout's own columns")
    func layouts() throws {
        let data = SyntheticCurrents(options: SyntheticOptions(users: 40, days: 10, seed: 3))
        let table = try #require(Self.catalog.table("USERS_MESSAGES_EMAIL_SEND"))
        let shared = data.rows(for: table, layout: .shared), legacy = data.rows(for: table, layout: .legacy)
        #expect(shared.count == legacy.count && !shared.isEmpty)
        let sharedColumns = table.columns(in: .shared).map(\.name), legacyColumns = table.columns(in: .legacy).map(\.name)
        let apiID = try #require(sharedColumns.firstIndex(of: "CAMPAIGN_API_ID")), internalID = try #require(sharedColumns.firstIndex(of: "CAMPAIGN_ID"))
        let legacyID = try #require(legacyColumns.firstIndex(of: "CAMPAIGN_ID")), name = try #require(legacyColumns.firstIndex(of: "CAMPAIGN_NAME"))
        let withCampaign = zip(shared, legacy).filter { $0.0[apiID] != nil }
        #expect(!withCampaign.isEmpty)
        for (sharedRow, legacyRow) in withCampaign {
            #expect(sharedRow[apiID] == legacyRow[legacyID])
            #expect(sharedRow[internalID] != sharedRow[apiID])
            #expect(legacyRow[name] != nil)
        }
    }

    @Test("helpers: decimals, timestamps, dates")
    func helpers() {
        #expect(decimal(3.14159, places: 2) == "3.14")
        #expect(decimal(-0.5, places: 1) == "-0.5")
        #expect(decimal(12, places: 0) == "12")
        #expect(decimal(1.005, places: 3) == "1.005")
        #expect(timestampText(1_704_067_200) == "2024-01-01 00:00:00+00")
        #expect(timestampText(1_709_251_199) == "2024-02-29 23:59:59+00")
    }
}
