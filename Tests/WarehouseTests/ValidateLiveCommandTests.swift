import Foundation
import Testing

/// `lookml validate --embedded` and `--database` from the command line.
@Suite("validate, live")
struct ValidateLiveCommandTests {
    @Test("--embedded reports a broken dimension at its line, and a bad server in one line without the password")
    func embedded() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-validate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A view over a Currents table the embedded server creates, with one column that does not exist.
        try "connection: \"c\"\ninclude: \"*.view\"\nexplore: sends {}\n".write(toFile: directory + "/m.model.lkml", atomically: false, encoding: .utf8)
        try """
        view: sends {
          sql_table_name: currents.users_messages_email_send_shared ;;
          dimension: id {
            sql: ${TABLE}.id ;;
          }
          dimension: typo {
            sql: ${TABLE}.emial_address ;;
          }
        }
        """.write(toFile: directory + "/sends.view.lkml", atomically: false, encoding: .utf8)
        let run = runTool(["validate", directory, "--dialect", "postgres", "--embedded", "--format", "github"])
        #expect(run.exitCode == 1, "\(run.all)")
        #expect(run.output.contains("file=\(directory)/sends.view.lkml,line=6,"), "\(run.all)")
        #expect(run.output.contains("title=L001::m/sends: sends.typo: column"))
        let secret = "hunter2-secret"
        let down = runTool(["validate", directory, "--dialect", "postgres", "--database", "postgresql://bob:\(secret)@127.0.0.1:9/x"])
        #expect(down.exitCode == 2)
        #expect(down.error.contains("cannot connect"))
        #expect(!down.all.contains(secret))
    }
}
