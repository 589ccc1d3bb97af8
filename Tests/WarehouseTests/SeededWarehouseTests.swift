import BlockGenerator
import Foundation
import Testing
import Warehouse

/// Seeded data on the live cluster: the story's invariants, checked in SQL.
extension LiveConnectionTests {
    /// SQL for the invariants, with `{STEM}` standing for a table's name under the naming.
    struct Invariant: CustomTestStringConvertible {
        var name: String
        /// Counts violations: must return 0.
        var sql: String
        var testDescription: String { name }
    }

    static let invariants: [Invariant] = [
        Invariant(name: "no email delivery without a send", sql: """
            SELECT count(*) FROM {USERS_MESSAGES_EMAIL_DELIVERY} d WHERE NOT EXISTS (
              SELECT 1 FROM {USERS_MESSAGES_EMAIL_SEND} s WHERE s.send_id = d.send_id AND s.user_id = d.user_id AND s.time <= d.time)
            """),
        Invariant(name: "no email open without a delivered send", sql: """
            SELECT count(*) FROM {USERS_MESSAGES_EMAIL_OPEN} o WHERE NOT EXISTS (
              SELECT 1 FROM {USERS_MESSAGES_EMAIL_DELIVERY} d WHERE d.send_id = o.send_id AND d.user_id = o.user_id AND d.time <= o.time)
            """),
        Invariant(name: "no email click without an earlier human open of the same send", sql: """
            SELECT count(*) FROM {USERS_MESSAGES_EMAIL_CLICK} c WHERE NOT EXISTS (
              SELECT 1 FROM {USERS_MESSAGES_EMAIL_OPEN} o WHERE o.send_id = c.send_id AND o.user_id = c.user_id
                AND o.time <= c.time AND o.machine_open IS NULL)
            """),
        Invariant(name: "no bounce or soft bounce without a send", sql: """
            SELECT count(*) FROM (SELECT send_id, user_id FROM {USERS_MESSAGES_EMAIL_BOUNCE}
                                  UNION ALL SELECT send_id, user_id FROM {USERS_MESSAGES_EMAIL_SOFTBOUNCE}) b
            WHERE NOT EXISTS (SELECT 1 FROM {USERS_MESSAGES_EMAIL_SEND} s WHERE s.send_id = b.send_id AND s.user_id = b.user_id)
            """),
        Invariant(name: "a bounced email is never delivered", sql: """
            SELECT count(*) FROM {USERS_MESSAGES_EMAIL_DELIVERY} d JOIN (
              SELECT send_id, user_id FROM {USERS_MESSAGES_EMAIL_BOUNCE} UNION ALL SELECT send_id, user_id FROM {USERS_MESSAGES_EMAIL_SOFTBOUNCE}) b
            USING (send_id, user_id)
            """),
        Invariant(name: "deliveries never exceed sends, per campaign and Canvas step", sql: """
            SELECT count(*) FROM (SELECT campaign_api_id, canvas_step_api_id, count(*) AS n FROM {USERS_MESSAGES_EMAIL_SEND} GROUP BY 1, 2) s
            JOIN (SELECT campaign_api_id, canvas_step_api_id, count(*) AS n FROM {USERS_MESSAGES_EMAIL_DELIVERY} GROUP BY 1, 2) d
              ON d.campaign_api_id IS NOT DISTINCT FROM s.campaign_api_id AND d.canvas_step_api_id IS NOT DISTINCT FROM s.canvas_step_api_id
            WHERE d.n > s.n
            """),
        Invariant(name: "no email after a hard bounce, an unsubscribe or a spam report", sql: """
            SELECT count(*) FROM {USERS_MESSAGES_EMAIL_SEND} s JOIN (
              SELECT user_id, time FROM {USERS_MESSAGES_EMAIL_BOUNCE} UNION ALL SELECT user_id, time FROM {USERS_MESSAGES_EMAIL_UNSUBSCRIBE}
              UNION ALL SELECT user_id, time FROM {USERS_MESSAGES_EMAIL_MARKASSPAM}) stop
            ON stop.user_id = s.user_id AND s.time > stop.time
            """),
        Invariant(name: "unsubscribes and spam reports follow a delivery", sql: """
            SELECT count(*) FROM (SELECT send_id, user_id, time FROM {USERS_MESSAGES_EMAIL_UNSUBSCRIBE}
                                  UNION ALL SELECT send_id, user_id, time FROM {USERS_MESSAGES_EMAIL_MARKASSPAM}) u
            WHERE NOT EXISTS (SELECT 1 FROM {USERS_MESSAGES_EMAIL_DELIVERY} d WHERE d.send_id = u.send_id AND d.user_id = u.user_id AND d.time <= u.time)
            """),
        Invariant(name: "unsubscribes (< 1 %) and spam reports (< 0.5 %) are rare", sql: """
            SELECT ((SELECT count(*) FROM {USERS_MESSAGES_EMAIL_UNSUBSCRIBE}) * 100 >= (SELECT count(*) FROM {USERS_MESSAGES_EMAIL_DELIVERY}))::int
                 + ((SELECT count(*) FROM {USERS_MESSAGES_EMAIL_MARKASSPAM}) * 200 >= (SELECT count(*) FROM {USERS_MESSAGES_EMAIL_DELIVERY}))::int
            """),
        Invariant(name: "no push open or bounce without a send, no open of a bounced push", sql: """
            SELECT (SELECT count(*) FROM (SELECT send_id, user_id FROM {USERS_MESSAGES_PUSHNOTIFICATION_OPEN}
                                          UNION ALL SELECT send_id, user_id FROM {USERS_MESSAGES_PUSHNOTIFICATION_BOUNCE}) o
                    WHERE NOT EXISTS (SELECT 1 FROM {USERS_MESSAGES_PUSHNOTIFICATION_SEND} s WHERE s.send_id = o.send_id AND s.user_id = o.user_id))
                 + (SELECT count(*) FROM {USERS_MESSAGES_PUSHNOTIFICATION_OPEN} o JOIN {USERS_MESSAGES_PUSHNOTIFICATION_BOUNCE} b USING (send_id, user_id))
            """),
        Invariant(name: "SMS outcomes and Content Card engagement follow a send", sql: """
            SELECT (SELECT count(*) FROM (SELECT send_id, user_id FROM {USERS_MESSAGES_SMS_DELIVERY}
                                          UNION ALL SELECT send_id, user_id FROM {USERS_MESSAGES_SMS_DELIVERYFAILURE}
                                          UNION ALL SELECT send_id, user_id FROM {USERS_MESSAGES_SMS_REJECTION}) o
                    WHERE NOT EXISTS (SELECT 1 FROM {USERS_MESSAGES_SMS_SEND} s WHERE s.send_id = o.send_id AND s.user_id = o.user_id))
                 + (SELECT count(*) FROM (SELECT send_id, user_id FROM {USERS_MESSAGES_CONTENTCARD_IMPRESSION}
                                          UNION ALL SELECT send_id, user_id FROM {USERS_MESSAGES_CONTENTCARD_CLICK}) o
                    WHERE NOT EXISTS (SELECT 1 FROM {USERS_MESSAGES_CONTENTCARD_SEND} s WHERE s.send_id = o.send_id AND s.user_id = o.user_id))
            """),
        Invariant(name: "one first session per user, and it is the user's earliest session", sql: """
            SELECT (SELECT count(*) FROM (SELECT user_id FROM {USERS_BEHAVIORS_APP_FIRSTSESSION} GROUP BY 1 HAVING count(*) <> 1) twice)
                 + (SELECT count(*) FROM {USERS_BEHAVIORS_APP_FIRSTSESSION} f
                    WHERE f.time <> (SELECT min(s.time) FROM {USERS_BEHAVIORS_APP_SESSIONSTART} s WHERE s.user_id = f.user_id))
                 + (SELECT count(DISTINCT user_id) FROM {USERS_BEHAVIORS_APP_SESSIONSTART})
                 - (SELECT count(*) FROM {USERS_BEHAVIORS_APP_FIRSTSESSION})
            """),
        Invariant(name: "every session end has its start, no earlier", sql: """
            SELECT count(*) FROM {USERS_BEHAVIORS_APP_SESSIONEND} e WHERE NOT EXISTS (
              SELECT 1 FROM {USERS_BEHAVIORS_APP_SESSIONSTART} s WHERE s.session_id = e.session_id AND s.user_id = e.user_id
                AND s.time <= e.time AND e.duration = e.time - s.time)
            """),
        Invariant(name: "retention decays: day 1 > day 7 > day 14 after the first session", sql: """
            WITH cohort AS (SELECT user_id, time FROM {USERS_BEHAVIORS_APP_FIRSTSESSION}
                            WHERE time < (SELECT max(time) FROM {USERS_BEHAVIORS_APP_SESSIONSTART}) - 15 * 86400),
                 back AS (SELECT DISTINCT s.user_id, (s.time - c.time) / 86400 AS day
                          FROM {USERS_BEHAVIORS_APP_SESSIONSTART} s JOIN cohort c USING (user_id))
            SELECT (NOT ((SELECT count(*) FROM back WHERE day = 1) > (SELECT count(*) FROM back WHERE day = 7)
                    AND (SELECT count(*) FROM back WHERE day = 7) > (SELECT count(*) FROM back WHERE day = 14)
                    AND (SELECT count(*) FROM back WHERE day = 14) > 0))::int
            """),
        Invariant(name: "no message before the user's first session", sql: """
            SELECT count(*) FROM (SELECT user_id, time FROM {USERS_MESSAGES_EMAIL_SEND} UNION ALL SELECT user_id, time FROM {USERS_MESSAGES_PUSHNOTIFICATION_SEND}
                                  UNION ALL SELECT user_id, time FROM {USERS_CAMPAIGNS_ENROLLINCONTROL} UNION ALL SELECT user_id, time FROM {USERS_CANVAS_ENTRY}) m
            JOIN {USERS_BEHAVIORS_APP_FIRSTSESSION} f USING (user_id) WHERE m.time < f.time
            """),
        Invariant(name: "control-group users get no message of their campaign or Canvas", sql: """
            SELECT (SELECT count(*) FROM {USERS_CAMPAIGNS_ENROLLINCONTROL} e JOIN (
                      SELECT user_id, campaign_api_id FROM {USERS_MESSAGES_EMAIL_SEND} UNION ALL SELECT user_id, campaign_api_id FROM {USERS_MESSAGES_PUSHNOTIFICATION_SEND}
                      UNION ALL SELECT user_id, campaign_api_id FROM {USERS_MESSAGES_CONTENTCARD_SEND}) s USING (user_id, campaign_api_id))
                 + (SELECT count(*) FROM {USERS_CANVAS_ENTRY} e JOIN (
                      SELECT user_id, canvas_api_id FROM {USERS_MESSAGES_EMAIL_SEND} UNION ALL SELECT user_id, canvas_api_id FROM {USERS_MESSAGES_PUSHNOTIFICATION_SEND}) s
                    USING (user_id, canvas_api_id) WHERE e.in_control_group)
            """),
        Invariant(name: "control groups convert less often than treated users", sql: """
            WITH control AS (SELECT DISTINCT user_id, campaign_api_id, message_variation_api_id FROM {USERS_CAMPAIGNS_ENROLLINCONTROL}),
                 treated AS (SELECT DISTINCT user_id, campaign_api_id FROM (
                               SELECT user_id, campaign_api_id FROM {USERS_MESSAGES_EMAIL_SEND} UNION ALL SELECT user_id, campaign_api_id FROM {USERS_MESSAGES_PUSHNOTIFICATION_SEND}) s
                             WHERE campaign_api_id IN (SELECT campaign_api_id FROM control)),
                 converted AS (SELECT DISTINCT user_id, campaign_api_id, message_variation_api_id FROM {USERS_CAMPAIGNS_CONVERSION}),
                 rates AS (SELECT
                   (SELECT count(*) FROM control JOIN converted USING (user_id, campaign_api_id, message_variation_api_id))::float / (SELECT count(*) FROM control) AS control_rate,
                   (SELECT count(*) FROM treated t WHERE EXISTS (SELECT 1 FROM converted c WHERE c.user_id = t.user_id AND c.campaign_api_id = t.campaign_api_id
                      AND c.message_variation_api_id NOT IN (SELECT message_variation_api_id FROM control)))::float / (SELECT count(*) FROM treated) AS treated_rate,
                   (SELECT avg((c.user_id IS NOT NULL)::int) FROM {USERS_CANVAS_ENTRY} e LEFT JOIN (SELECT DISTINCT user_id FROM {USERS_CANVAS_CONVERSION}) c USING (user_id) WHERE e.in_control_group) AS canvas_control,
                   (SELECT avg((c.user_id IS NOT NULL)::int) FROM {USERS_CANVAS_ENTRY} e LEFT JOIN (SELECT DISTINCT user_id FROM {USERS_CANVAS_CONVERSION}) c USING (user_id) WHERE NOT e.in_control_group) AS canvas_treated)
            SELECT (NOT (control_rate > 0 AND control_rate < treated_rate AND canvas_control < canvas_treated))::int FROM rates
            """),
        Invariant(name: "every conversion comes with a purchase by the same user at the same time", sql: """
            SELECT count(*) FROM (SELECT user_id, time FROM {USERS_CAMPAIGNS_CONVERSION} UNION ALL SELECT user_id, time FROM {USERS_CANVAS_CONVERSION}) c
            WHERE NOT EXISTS (SELECT 1 FROM {USERS_BEHAVIORS_PURCHASE} p WHERE p.user_id = c.user_id AND p.time = c.time)
            """),
        Invariant(name: "purchases in at least four currencies, yen without decimals, positive prices", sql: """
            SELECT (SELECT (count(DISTINCT currency) < 4)::int FROM {USERS_BEHAVIORS_PURCHASE})
                 + (SELECT count(*) FROM {USERS_BEHAVIORS_PURCHASE} WHERE price <= 0 OR (currency = 'JPY' AND price <> round(price)))
            """),
        Invariant(name: "JSON columns hold JSON", sql: """
            SELECT count(*) FROM (SELECT properties::json->>'product_id' FROM {USERS_BEHAVIORS_PURCHASE}
                                  UNION ALL SELECT properties::json->>'x' FROM {USERS_BEHAVIORS_CUSTOMEVENT}
                                  UNION ALL SELECT message_extras::json->>'theme' FROM {USERS_MESSAGES_EMAIL_SEND}) j WHERE false
            """),
    ]

    /// Seeds once per suite run into a database of its own.
    static let seeded = SeededDatabase()

    @Test("seeded data keeps the story's invariants", arguments: invariants)
    func invariant(_ invariant: Invariant) throws {
        let (connection, ddl) = try Self.seeded.connection()
        var sql = invariant.sql
        for table in ddl.naming.catalog.tables { sql = sql.replacingOccurrences(of: "{\(table.stem)}", with: ddl.tableName(table.stem)) }
        #expect(!sql.contains("{"), "unknown table in \(invariant.name)")
        #expect(try connection.query(sql).scalar == "0", "\(invariant.name)")
    }

    @Test("the core tables have rows and the load is fast")
    func rowCounts() throws {
        let (connection, ddl) = try Self.seeded.connection()
        for stem in ["USERS_MESSAGES_EMAIL_SEND", "USERS_MESSAGES_EMAIL_OPEN", "USERS_MESSAGES_EMAIL_CLICK", "USERS_MESSAGES_PUSHNOTIFICATION_SEND",
                     "USERS_CAMPAIGNS_CONVERSION", "USERS_CAMPAIGNS_ENROLLINCONTROL", "USERS_CANVAS_ENTRY", "USERS_BEHAVIORS_PURCHASE",
                     "USERS_BEHAVIORS_APP_SESSIONSTART", "USERS_BEHAVIORS_CUSTOMEVENT", "USERS_MESSAGES_INAPPMESSAGE_IMPRESSION"] {
            let count = Int(try connection.query("SELECT count(*) FROM \(ddl.tableName(stem))").scalar ?? "0") ?? 0
            #expect(count > 0, "\(stem)")
        }
        let loaded = try Self.seeded.loaded()
        #expect(loaded.count == ddl.naming.catalog.tables.count)
    }

    @Test("seeding the legacy layout with renamed tables and columns, twice, gives the same data")
    func legacyWithNames() throws {
        let parameters = try SharedCluster.freshDatabase("seed_legacy")
        let yaml = "version: 1\nlayout: legacy\ntable_prefix: braze_\ncolumns: {EXTERNAL_USER_ID: CUSTOMER_ID}\n"
        let config = try NamingConfig.load(Array(yaml.utf8), path: "names.yaml")
        let naming = try CurrentsDDL.naming(config: config, dialect: .postgres, catalog: CurrentsCatalog.embedded())
        let connection = try PostgresConnection(parameters)
        let seeder = try CurrentsSeeder(naming: naming)
        let options = SyntheticOptions(users: 60, days: 14, seed: 5)
        let first = try seeder.seed(connection, options: options)
        let checksum = "SELECT md5(string_agg(id || customer_id || coalesce(campaign_id, '') || coalesce(campaign_name, ''), ',' ORDER BY id)) FROM public.braze_users_messages_email_send"
        let before = try connection.query(checksum).scalar
        #expect(try seeder.seed(connection, options: options) == first)
        #expect(try connection.query(checksum).scalar == before)
        #expect(first.first?.table == "public.braze_users_messages_pushnotification_send")
        #expect(try connection.query("""
            SELECT count(*) FROM public.braze_users_messages_email_open o WHERE NOT EXISTS (
              SELECT 1 FROM public.braze_users_messages_email_send s WHERE s.send_id = o.send_id AND s.user_id = o.user_id)
            """).scalar == "0")
    }

    @Test("lookml warehouse ddl output runs on PostgreSQL for both layouts", arguments: Layout.allCases)
    func ddlRuns(layout: Layout) throws {
        let run = runTool(["warehouse", "ddl", "--dialect", "postgres", "--layout", layout.rawValue])
        #expect(run.exitCode == 0)
        let connection = try PostgresConnection(try SharedCluster.freshDatabase("ddl_\(layout.rawValue)"))
        try connection.execute(run.output)
        let schema = layout == .shared ? "currents" : "public"
        #expect(try connection.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = '\(schema)'").scalar
                == String(try CurrentsCatalog.embedded().tables.count))
    }

    @Test("lookml warehouse seed loads the running warehouse, and a re-run gives the same counts")
    func seedCommand() throws {
        let warehouse = try SharedCluster.warehouse
        let arguments = ["warehouse", "seed", "--dir", warehouse.directory, "--users", "40", "--days", "7", "--seed", "3"]
        let first = runTool(arguments)
        #expect(first.exitCode == 0, "\(first.error)")
        #expect(first.output.contains("currents.users_messages_email_send_shared"))
        #expect(first.error.contains("seeded ") && first.error.contains("40 users, 7 days, seed 3"))
        let second = runTool(arguments)
        #expect(second.exitCode == 0)
        #expect(second.output == first.output)
        #expect(!(first.all + second.all).contains(try SharedCluster.state.password))
    }
}

/// The invariant tests' database: seeded by the first test that asks, shared by the rest.
final class SeededDatabase: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<(ConnectionParameters, CurrentsDDL, [CurrentsSeeder.Loaded]), any Error>?

    private func prepare() throws -> (ConnectionParameters, CurrentsDDL, [CurrentsSeeder.Loaded]) {
        lock.lock()
        defer { lock.unlock() }
        if result == nil {
            result = Result {
                let parameters = try SharedCluster.freshDatabase("seed_invariants")
                let naming = try CurrentsDDL.naming(config: NamingConfig(), dialect: .postgres, layout: .shared, catalog: CurrentsCatalog.embedded())
                let seeder = try CurrentsSeeder(naming: naming)
                let started = ContinuousClock.now
                let loaded = try seeder.seed(try PostgresConnection(parameters), options: SyntheticOptions(users: 400, days: 30, seed: 11))
                ClusterTimings.record("seed 400 users x 30 days (\(loaded.reduce(0) { $0 + $1.rows }) rows)", ContinuousClock.now - started)
                return (parameters, seeder.ddl, loaded)
            }
        }
        return try result!.get()
    }

    /// A new connection to the seeded database, and the DDL naming its tables.
    func connection() throws -> (PostgresConnection, CurrentsDDL) {
        let (parameters, ddl, _) = try prepare()
        return (try PostgresConnection(parameters), ddl)
    }

    func loaded() throws -> [CurrentsSeeder.Loaded] { try prepare().2 }
}
