import BlockGenerator
import LookMLLint
import LookMLProject
import Testing

@Suite("Generated blocks")
struct GeneratedBlocksTests {
    /// A naming that renames views, explores, models, the external-id column and the tables, so rules that match
    /// names (braze_id per explore, unused views and includes) see other names than the defaults.
    static let customNames = """
    version: 1
    connection: acme_warehouse
    schema: braze_export
    table_prefix: BZ_
    view_prefix: acme_
    views: {users_messages_email_send: acme_email_sends, email_events: acme_email_activity, campaign_lift: acme_lift}
    explores: {email_funnel: acme_email_funnel, campaign_lift: acme_campaign_lift}
    models: {message_engagement: acme_engagement, user_behavior: acme_behavior}
    columns: {EXTERNAL_USER_ID: CUSTOMER_KEY}
    """

    @Test("the generated blocks (every optional part, default and customised naming, both dialects) lint with no findings",
          arguments: ["default", "custom"])
    func lintClean(naming: String) throws {
        let library = try BlockLibrary.embedded()
        for dialect in WarehouseDialect.allCases {
            var config = naming == "custom" ? try NamingConfig.load(Array(Self.customNames.utf8), path: "names.yaml") : NamingConfig()
            config.dialect = dialect
            let files = try library.generate(naming: try library.naming(config), include: Set(library.optionalBlocks))
            let project = makeProject(files.map { ($0.path, $0.contents) })
            let findings = lint(project)
            #expect(findings.isEmpty, "\(naming) \(dialect): \(summary(findings, in: project))")
        }
    }

    @Test("every generated explore that has user rows shows exactly one braze_id field")
    func oneBrazeIDPerExplore() throws {
        let library = try BlockLibrary.embedded()
        let files = try library.generate(naming: try library.naming(NamingConfig()), include: Set(library.optionalBlocks))
        let project = makeProject(files.map { ($0.path, $0.contents) })
        let editor = TagEditor(project: project)
        for (explore, fields) in editor.taggedFieldsByExplore() {
            let ids = fields.filter { $0.tag == .id }.map(\.field)
            // The retention explores count cohorts, not users: nothing there to send to Braze.
            if explore.hasSuffix("_retention") {
                #expect(ids.isEmpty, "\(explore): \(ids)")
            } else {
                #expect(ids.count == 1, "\(explore): \(ids)")
            }
        }
    }
}
