import Foundation
import LookMLFormat
import LookMLSyntax
import YAMLSupport
@testable import BlockGenerator

/// The library and the naming configs the generator tests share.
enum Fixtures {
    static let library: BlockLibrary = {
        do throws(BlockError) { return try BlockLibrary.embedded() } catch { fatalError("\(error)") }
    }()

    /// A naming config that renames everything it can: no default name should survive it.
    static let customNames = """
    version: 1
    layout: shared
    connection: acme_warehouse
    database: ACME_RAW
    schema: braze_export
    table_prefix: BZ_
    table_suffix: _V2
    tables: {USERS_MESSAGES_EMAIL_SEND: EMAIL_SENDS_TABLE}
    view_prefix: acme_
    views: {users_messages_email_send: acme_email_sends, email_events: acme_email_activity}
    explores:
      email_funnel: acme_email_funnel_explore
      push_funnel: acme_push_funnel_explore
      in_app_messages: acme_in_app_explore
      webhooks: acme_webhooks_explore
      news_feed: acme_news_feed_explore
      campaign_conversions: acme_campaign_conversions_explore
      campaign_lift: acme_campaign_lift_explore
      canvas_entries: acme_canvas_entries_explore
      canvas_lift: acme_canvas_lift_explore
      marketing_pressure: acme_marketing_pressure_explore
      message_cadence: acme_message_cadence_explore
      content_cards: acme_content_cards_explore
      sms: acme_sms_explore
      sessions: acme_sessions_explore
      custom_events: acme_custom_events_explore
      purchases: acme_purchases_explore
      locations: acme_locations_explore
      uninstalls: acme_uninstalls_explore
      install_attribution: acme_install_attribution_explore
      daily_retention: acme_daily_retention_explore
      weekly_retention: acme_weekly_retention_explore
    models: {message_engagement: acme_engagement, user_behavior: acme_behavior}
    dashboards:
      email_funnel: acme_email_dashboard
      push_funnel: acme_push_dashboard
      email_marketing_pressure: acme_email_pressure_dashboard
      push_marketing_pressure: acme_push_pressure_dashboard
      engagement_overview: acme_overview_dashboard
      retention_28_day: acme_retention_28_dashboard
      daily_retention: acme_daily_retention_dashboard
      weekly_retention: acme_weekly_retention_dashboard
      purchases: acme_purchases_dashboard
      sessions: acme_sessions_dashboard
    columns: {EXTERNAL_USER_ID: CUSTOMER_KEY, USERS_MESSAGES_EMAIL_OPEN.EMAIL_ADDRESS: RECIPIENT}
    braze_id_tag: true
    """

    static func naming(_ yaml: String = "", dialect: WarehouseDialect? = nil) -> Naming {
        do throws(BlockError) {
            var config = try NamingConfig.load(Array(yaml.utf8), path: "names.yaml")
            if let dialect { config.dialect = dialect }
            return try library.naming(config)
        } catch {
            fatalError("\(error)")
        }
    }

    static func generate(_ yaml: String = "", dialect: WarehouseDialect? = nil, include: Set<String> = ["content-cards", "sms"]) -> [GeneratedFile] {
        do throws(BlockError) {
            return try library.generate(naming: naming(yaml, dialect: dialect), include: include)
        } catch {
            fatalError("\(error)")
        }
    }

    /// The configurations every property is checked under.
    static let configurations: [(name: String, yaml: String, dialect: WarehouseDialect)] = [
        ("default-snowflake", "", .snowflake),
        ("default-postgres", "", .postgres),
        ("custom-snowflake", customNames, .snowflake),
        ("custom-postgres", customNames, .postgres),
        ("legacy-postgres", "layout: legacy\nbraze_id_tag: false\n", .postgres),
    ]

    /// Writes generated files below a directory (for inspection and golden files).
    static func write(_ files: [GeneratedFile], to directory: URL) throws {
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
    }
}
