import Testing
import LookMLCommands

@Suite("check --names")
struct NamingCheckTests {
    static let names = """
    version: 1
    dialect: postgres
    connection: acme_warehouse
    schema: braze
    tables: {USERS_MESSAGES_EMAIL_SEND: email_send_events}
    """

    @Test("generated blocks follow their naming config; a hand-edited table or connection does not")
    func namingMismatches() throws {
        let files = InMemoryFileSystem(files: ["names.yaml": Self.names])
        #expect(runTool(["generate", "--out", "p", "--names", "names.yaml"], files: files).exitCode == 0)
        let clean = runTool(["check", "p", "--names", "names.yaml"], files: files)
        #expect(clean.exitCode == 0, "\(clean.output)")
        let viewPath = try #require(try files.files(under: "p").first { files[$0]?.contains("sql_table_name: braze.email_send_events ;;") == true })
        let view = try #require(files[viewPath])
        try files.writeAtomically(viewPath, Array(view.replacingOccurrences(of: "braze.email_send_events", with: "public.email_send_events").utf8))
        let modelPath = try #require(try files.files(under: "p").first { $0.hasSuffix(".model.lkml") })
        try files.writeAtomically(modelPath, Array(files[modelPath]!.replacingOccurrences(of: "\"acme_warehouse\"", with: "\"old_warehouse\"").utf8))
        let broken = runTool(["check", "p", "--names", "names.yaml", "--format", "json"], files: files)
        #expect(broken.exitCode == 1)
        #expect(broken.output.contains("sql_table_name 'public.email_send_events' does not follow the naming config: expected 'braze.email_send_events'"))
        #expect(broken.output.contains("connection 'old_warehouse' does not follow the naming config: expected 'acme_warehouse'"))
        #expect(runTool(["check", "p"], files: files).exitCode == 0)
    }
}
