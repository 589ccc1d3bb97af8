import Testing
@testable import BlockGenerator

@Suite("Naming config")
struct NamingTests {
    let catalog = try! CurrentsCatalog.embedded()
    let defaults = DefaultNames(views: ["email_marketing_pressure"], explores: ["email_funnel"],
                                models: ["message_engagement"], dashboards: ["email_funnel"])

    func naming(_ yaml: String) throws(BlockError) -> Naming {
        try Naming(config: try NamingConfig.load(Array(yaml.utf8), path: "names.yaml"), catalog: catalog, defaults: defaults)
    }

    func error(_ yaml: String) -> String {
        do throws(BlockError) {
            _ = try naming(yaml)
            return ""
        } catch { return error.description }
    }

    @Test("defaults: Snowflake, shared layout, upper-case names with the _SHARED suffix")
    func defaultNames() throws {
        let naming = try naming("")
        #expect(naming.dialect == .snowflake)
        #expect(naming.layout == .shared)
        #expect(naming.connection == "braze_currents")
        #expect(naming.brazeIdTag)
        #expect(naming.qualifiedTableName("USERS_MESSAGES_EMAIL_SEND") == "CURRENTS.USERS_MESSAGES_EMAIL_SEND_SHARED")
        #expect(naming.viewName("users_messages_email_send") == "users_messages_email_send")
        #expect(naming.columnName("external_user_id", inTable: "USERS_MESSAGES_EMAIL_SEND") == "EXTERNAL_USER_ID")
        #expect(naming.exploreName("email_funnel") == "email_funnel")
    }

    @Test("legacy layout and Postgres: no suffix, PUBLIC schema, lower-case identifiers")
    func legacyPostgres() throws {
        let naming = try naming("version: 1\ndialect: postgres\nlayout: legacy\n")
        #expect(naming.qualifiedTableName("USERS_MESSAGES_EMAIL_SEND") == "public.users_messages_email_send")
        #expect(naming.columnName("TIME", inTable: "USERS_MESSAGES_EMAIL_SEND") == "time")
    }

    @Test("every key customised")
    func customised() throws {
        let naming = try naming("""
        version: 1
        dialect: postgres
        layout: shared
        connection: acme-warehouse
        database: Analytics
        schema: braze
        table_prefix: bz_
        table_suffix: _v2
        tables: {USERS_MESSAGES_EMAIL_SEND: email_send_events, USERS_MESSAGES_EMAIL_OPEN: other.opens}
        view_prefix: acme_
        views: {users_messages_email_send: email_sends}
        explores: {email_funnel: acme_email}
        models: {message_engagement: acme_engagement}
        dashboards: {email_funnel: acme_email_dashboard}
        columns: {EXTERNAL_USER_ID: customer_id, USERS_MESSAGES_EMAIL_OPEN.EMAIL_ADDRESS: addr}
        braze_id_tag: false
        """)
        #expect(naming.dialect == .postgres)
        #expect(naming.connection == "acme-warehouse")
        #expect(!naming.brazeIdTag)
        #expect(naming.qualifiedTableName("USERS_MESSAGES_EMAIL_SEND") == "analytics.braze.email_send_events")
        #expect(naming.qualifiedTableName("USERS_MESSAGES_EMAIL_OPEN") == "analytics.other.opens")
        #expect(naming.qualifiedTableName("USERS_MESSAGES_EMAIL_CLICK") == "analytics.braze.bz_users_messages_email_click_v2")
        #expect(naming.viewName("users_messages_email_send") == "email_sends")
        #expect(naming.viewName("users_messages_email_open") == "acme_users_messages_email_open")
        #expect(naming.viewName("email_marketing_pressure") == "acme_email_marketing_pressure")
        #expect(naming.exploreName("email_funnel") == "acme_email")
        #expect(naming.modelName("message_engagement") == "acme_engagement")
        #expect(naming.dashboardName("email_funnel") == "acme_email_dashboard")
        #expect(naming.columnName("EXTERNAL_USER_ID", inTable: "USERS_MESSAGES_EMAIL_OPEN") == "customer_id")
        #expect(naming.columnName("EMAIL_ADDRESS", inTable: "USERS_MESSAGES_EMAIL_OPEN") == "addr")
        #expect(naming.columnName("EMAIL_ADDRESS", inTable: "USERS_MESSAGES_EMAIL_SEND") == "email_address")
    }

    @Test("a --dialect flag replaces the config's dialect")
    func dialectOverride() throws {
        var config = try NamingConfig.load(Array("dialect: postgres\n".utf8), path: "n.yaml")
        config.dialect = .snowflake
        let naming = try Naming(config: config, catalog: catalog)
        #expect(naming.qualifiedTableName("USERS_BEHAVIORS_PURCHASE") == "CURRENTS.USERS_BEHAVIORS_PURCHASE_SHARED")
    }

    @Test("bad configs: errors name the key and its line:column", arguments: [
        ("tabels: {}\n", "names.yaml:1:1: error: unknown key 'tabels' in the naming config (did you mean 'tables'?)"),
        ("version: 2\n", "names.yaml:1:10: error: 'version' must be 1"),
        ("dialect: bigquery\n", "names.yaml:1:10: error: 'dialect' must be one of: snowflake, postgres (got 'bigquery')"),
        ("layout: flat\n", "names.yaml:1:9: error: 'layout' must be one of: shared, legacy (got 'flat')"),
        ("schema: 1abc\n", "names.yaml:1:9: error: 'schema': '1abc' is not an unquoted SQL identifier (letters, digits, '_' and '$', not starting with a digit)"),
        ("views:\n  users_messages_email_send: Email-Sends\n", "names.yaml:2:30: error: 'views': 'Email-Sends' is not a valid LookML name (lower-case letters, digits and '_', not starting with a digit)"),
        ("views:\n  users_messages_email_sent: x\n", "names.yaml:2:3: error: 'views': unknown view 'users_messages_email_sent' (did you mean 'users_messages_email_send'?)"),
        ("tables: {USERS_MESSAGES_EMAIL: x}\n", "names.yaml:1:10: error: 'tables': unknown table stem 'USERS_MESSAGES_EMAIL'"),
        ("models: {engagement: x}\n", "names.yaml:1:10: error: 'models': unknown model 'engagement'"),
        ("columns: {NOPE: x}\n", "names.yaml:1:11: error: 'columns': unknown column 'NOPE'"),
        ("columns: {USERS_MESSAGES_EMAIL_SEND.URL: x}\n", "names.yaml:1:11: error: 'columns': table 'USERS_MESSAGES_EMAIL_SEND' has no column 'URL'"),
        ("braze_id_tag: maybe\n", "names.yaml:1:15: error: 'braze_id_tag' must be true or false"),
        ("views: [a, b]\n", "names.yaml:1:8: error: 'views' must be a mapping"),
        ("schema: a\nschema: b\n", "names.yaml:2:1: error: key 'schema' appears twice"),
        ("views: {users_messages_email_send: x, users_messages_email_open: x}\n", "names.yaml: error: views 'users_messages_email_open' and 'users_messages_email_send' would both be named 'x'"),
        ("dialect: postgres\ntable_prefix: a_very_long_prefix_that_goes_on_and_on_and_on_\n", "names.yaml: error: table name 'a_very_long_prefix_that_goes_on_and_on_and_on_users_messages_pushnotification_send_shared' for USERS_MESSAGES_PUSHNOTIFICATION_SEND is longer than postgres allows (63 bytes)"),
        ("version: 1\n: x\n  - [\n", "names.yaml:2:1: error: invalid YAML"),
    ])
    func badConfig(yaml: String, expected: String) {
        let message = error(yaml)
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
