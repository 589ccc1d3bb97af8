import Testing
import BlockResources
@testable import BlockGenerator

@Suite("Currents catalog")
struct CatalogTests {
    let catalog = try! CurrentsCatalog.embedded()

    @Test("blocks/ and templates/ are embedded, keyed by relative path")
    func embedded() {
        #expect(BlockResources.text("blocks/currents.yaml") != nil)
        #expect(BlockResources.paths == BlockResources.paths.sorted())
        #expect(BlockResources.paths.allSatisfy { $0.hasPrefix("blocks/") || $0.hasPrefix("templates/") })
    }

    @Test("every table of currents.md is in the catalog, in its block")
    func tables() {
        let engagement = ["USERS_MESSAGES_PUSHNOTIFICATION_SEND", "USERS_MESSAGES_PUSHNOTIFICATION_OPEN",
                          "USERS_MESSAGES_PUSHNOTIFICATION_INFLUENCEDOPEN", "USERS_MESSAGES_PUSHNOTIFICATION_IOSFOREGROUND",
                          "USERS_MESSAGES_PUSHNOTIFICATION_BOUNCE", "USERS_MESSAGES_EMAIL_SEND", "USERS_MESSAGES_EMAIL_DELIVERY",
                          "USERS_MESSAGES_EMAIL_OPEN", "USERS_MESSAGES_EMAIL_CLICK", "USERS_MESSAGES_EMAIL_BOUNCE",
                          "USERS_MESSAGES_EMAIL_SOFTBOUNCE", "USERS_MESSAGES_EMAIL_MARKASSPAM", "USERS_MESSAGES_EMAIL_UNSUBSCRIBE",
                          "USERS_MESSAGES_INAPPMESSAGE_IMPRESSION", "USERS_MESSAGES_INAPPMESSAGE_CLICK", "USERS_MESSAGES_WEBHOOK_SEND",
                          "USERS_BEHAVIORS_APP_NEWSFEEDIMPRESSION", "USERS_MESSAGES_NEWSFEEDCARD_IMPRESSION",
                          "USERS_MESSAGES_NEWSFEEDCARD_CLICK", "USERS_CAMPAIGNS_CONVERSION", "USERS_CANVAS_CONVERSION",
                          "USERS_CANVAS_ENTRY", "USERS_CAMPAIGNS_ENROLLINCONTROL"]
        let behavior = ["USERS_BEHAVIORS_CUSTOMEVENT", "USERS_BEHAVIORS_PURCHASE", "USERS_BEHAVIORS_APP_SESSIONSTART",
                        "USERS_BEHAVIORS_APP_SESSIONEND", "USERS_BEHAVIORS_APP_FIRSTSESSION", "USERS_BEHAVIORS_LOCATION",
                        "USERS_BEHAVIORS_UNINSTALL", "USERS_BEHAVIORS_INSTALLATTRIBUTION"]
        #expect(catalog.tables(inBlock: "message-engagement").map(\.stem) == engagement)
        #expect(catalog.tables(inBlock: "user-behavior").map(\.stem) == behavior)
        #expect(catalog.tables(inBlock: "content-cards").count == 4)
        #expect(catalog.tables(inBlock: "sms").count == 4)
        #expect(catalog.blocks == ["message-engagement", "content-cards", "sms", "user-behavior"])
    }

    @Test("every table has the event columns, an epoch TIME and unique column names per layout")
    func columns() {
        for table in catalog.tables {
            for layout in Layout.allCases {
                let columns = table.columns(in: layout)
                #expect(Set(columns.map(\.name)).count == columns.count, "\(table.stem) \(layout)")
                #expect(table.column("ID", in: layout)?.nullable == false)
                #expect(table.column("time", in: layout)?.type == .time)
                #expect(table.column("external_user_id", in: layout) != nil)
            }
        }
    }

    @Test("layouts differ in id columns as currents.md says")
    func layouts() throws {
        let send = try #require(catalog.table("USERS_MESSAGES_EMAIL_SEND"))
        #expect(send.column("message_variation_id", in: .shared)?.name == "MESSAGE_VARIATION_API_ID")
        #expect(send.column("message_variation_id", in: .legacy)?.name == "MESSAGE_VARIATION_ID")
        #expect(send.column("campaign_id", in: .shared)?.name == "CAMPAIGN_API_ID")
        #expect(send.column("campaign_id", in: .legacy)?.name == "CAMPAIGN_ID")
        #expect(send.column("CAMPAIGN_NAME", in: .legacy) != nil)
        #expect(send.column("CAMPAIGN_NAME", in: .shared) == nil)
        #expect(send.column("SF_CREATED_AT", in: .shared)?.type == .timestamp)
        #expect(send.column("GENDER", in: .shared) != nil)
        #expect(send.column("EMAIL_ADDRESS", in: .legacy)?.nullable == false)
        // DEVICE_ID is in both MSG and DEVICE: kept once.
        let open = try #require(catalog.table("USERS_MESSAGES_PUSHNOTIFICATION_OPEN"))
        #expect(open.columns(in: .shared).filter { $0.name == "DEVICE_ID" }.count == 1)
        #expect(open.column("BROWSER", in: .shared) != nil)
        let conversion = try #require(catalog.table("USERS_CAMPAIGNS_CONVERSION"))
        #expect(conversion.column("CONVERSION_BEHAVIOR", in: .legacy)?.type == .json)
        #expect(conversion.column("CONVERSION_BEHAVIOR", in: .shared) == nil)
        #expect(conversion.column("CONVERSION_BEHAVIOR_INDEX", in: .shared)?.type == .integer)
        let card = try #require(catalog.table("USERS_MESSAGES_NEWSFEEDCARD_IMPRESSION"))
        #expect(card.column("campaign_id", in: .shared) == nil)
        #expect(card.column("SEND_ID", in: .shared) == nil)
        #expect(catalog.table("USERS_BEHAVIORS_PURCHASE")?.column("PRICE", in: .legacy)?.type == .float)
        #expect(catalog.table("USERS_CANVAS_ENTRY")?.column("IN_CONTROL_GROUP", in: .shared)?.type == .boolean)
    }

    @Test("catalog errors name the position")
    func errors() {
        func message(_ yaml: String) -> String {
            do throws(BlockError) {
                _ = try CurrentsCatalog.load(Array(yaml.utf8), path: "c.yaml")
                return ""
            } catch { return error.description }
        }
        #expect(message("version: 2\ntables: []\n") == "c.yaml:1:10: error: unsupported catalog version 2")
        #expect(message("""
        version: 1
        tables:
          - stem: T
            block: b
            event: e
            columns:
              - {name: ID, type: text, about: x}
        """).hasPrefix("c.yaml:7:26: error: unknown column type 'text'"))
        #expect(message("version: 1\ntables: []\ncolour: 1\n").hasPrefix("c.yaml:3:1: error: unknown key 'colour' in the catalog"))
        #expect(message("""
        version: 1
        tables:
          - stem: T
            block: b
            event: e
            columns:
              - {name: ID, type: string, about: x}
              - {name: ID, type: integer, about: y}
        """).contains("defines column 'ID' twice"))
    }
}
