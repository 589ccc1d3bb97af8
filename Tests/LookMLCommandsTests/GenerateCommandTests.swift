import Foundation
import Testing
@testable import LookMLCommands

@Suite("lookml generate")
struct GenerateCommandTests {
    /// Every file below `directory`, with the manifest, as path → text.
    func snapshot(_ files: InMemoryFileSystem, _ directory: String = "out") throws -> [String: String] {
        var result: [String: String] = [:]
        for path in try files.files(under: directory) { result[path] = files[path] }
        result["\(directory)/.lookml-generate.json"] = files["\(directory)/.lookml-generate.json"]
        return result
    }

    @Test("writes both blocks and a manifest; a re-run changes nothing")
    func generateAndRerun() throws {
        let files = InMemoryFileSystem()
        let first = runTool(["generate", "--out", "out"], files: files)
        #expect(first.exitCode == 0, "\(first.error)")
        #expect(first.output.contains("create     out/views/users_messages_email_send.view.lkml"))
        #expect(first.error.contains("54 generated files in out: 54 created"))
        let written = try snapshot(files)
        #expect(written.count == 55)
        #expect(written["out/message_engagement.model.lkml"]?.contains("connection: \"braze_currents\"") == true)
        #expect(written["out/.lookml-generate.json"]?.contains("\"views/users_messages_email_send.view.lkml\": {\"block\": \"message-engagement\", \"sha256\": \"") == true)

        let second = runTool(["generate", "--out", "out"], files: files)
        #expect(second.exitCode == 0)
        #expect(second.output.isEmpty)
        #expect(second.error.contains("54 unchanged"))
        #expect(try snapshot(files) == written)
        #expect(runTool(["generate", "--out", "out", "--check"], files: files).exitCode == 0)
    }

    @Test("a file the user edited survives a re-run (listed), and --force overwrites it")
    func userEditsSurvive() throws {
        let files = InMemoryFileSystem()
        #expect(runTool(["generate", "--out", "out", "--block", "user-behavior"], files: files).exitCode == 0)
        let path = "out/views/users_behaviors_purchase.view.lkml"
        let edited = files[path]!.replacingOccurrences(of: "label: \"Purchases\"", with: "label: \"Orders\"")
        try files.writeAtomically(path, Array(edited.utf8))

        let rerun = runTool(["generate", "--out", "out", "--block", "user-behavior", "--dialect", "postgres"], files: files)
        #expect(rerun.exitCode == 0)
        #expect(rerun.output.contains("skip       \(path)  (edited since it was generated; --force overwrites)"))
        #expect(files[path] == edited)
        #expect(files["out/views/users_behaviors_location.view.lkml"]?.contains("currents.users_behaviors_location_shared") == true)

        let check = runTool(["generate", "--out", "out", "--block", "user-behavior", "--dialect", "postgres", "--check"], files: files)
        #expect(check.exitCode == 1)
        #expect(check.output == "differs    \(path)  (edited since it was generated; --force overwrites)\n")

        let forced = runTool(["generate", "--out", "out", "--block", "user-behavior", "--dialect", "postgres", "--force"], files: files)
        #expect(forced.exitCode == 0)
        #expect(forced.output.contains("overwrite  \(path)"))
        #expect(files[path]?.contains("label: \"Purchases\"") == true)
        #expect(runTool(["generate", "--out", "out", "--block", "user-behavior", "--dialect", "postgres", "--check"], files: files).exitCode == 0)
    }

    @Test("a file that exists but was never generated is not overwritten")
    func foreignFile() {
        let files = InMemoryFileSystem(files: ["out/user_behavior.model.lkml": "connection: \"mine\"\n"])
        let run = runTool(["generate", "--out", "out", "--block", "user-behavior"], files: files)
        #expect(run.exitCode == 0)
        #expect(run.output.contains("skip       out/user_behavior.model.lkml  (exists and was not written by lookml generate; --force overwrites)"))
        #expect(files["out/user_behavior.model.lkml"] == "connection: \"mine\"\n")
        #expect(files["out/.lookml-generate.json"]?.contains("user_behavior.model.lkml") == false)
    }

    @Test("--dry-run prints the plan and diffs and writes nothing; --check exits 1 on drift")
    func dryRunAndCheck() throws {
        let files = InMemoryFileSystem()
        let dry = runTool(["generate", "--out", "out", "--block", "user-behavior", "--dry-run"], files: files)
        #expect(dry.exitCode == 0)
        #expect(dry.output.contains("create     out/views/users_behaviors_purchase.view.lkml"))
        #expect(dry.output.contains("--- /dev/null\n+++ b/out/views/users_behaviors_purchase.view.lkml\n@@ -0,0 +1,"))
        #expect(dry.output.contains("+view: users_behaviors_purchase {"))
        #expect(try files.files(under: "out").isEmpty)
        #expect(files["out/.lookml-generate.json"] == nil)

        let missing = runTool(["generate", "--out", "out", "--check"], files: files)
        #expect(missing.exitCode == 1)
        #expect(missing.output.contains("missing    out/user_behavior.model.lkml"))

        #expect(runTool(["generate", "--out", "out"], files: files).exitCode == 0)
        let drifted = runTool(["generate", "--out", "out", "--dialect", "postgres", "--dry-run"], files: files)
        #expect(drifted.exitCode == 0)
        #expect(drifted.output.contains("update     out/views/users_behaviors_purchase.view.lkml"))
        #expect(drifted.output.contains("-  sql_table_name: CURRENTS.USERS_BEHAVIORS_PURCHASE_SHARED ;;\n+  sql_table_name: currents.users_behaviors_purchase_shared ;;"))
        #expect(runTool(["generate", "--out", "out", "--dialect", "postgres", "--check"], files: files).exitCode == 1)
    }

    @Test("a naming config renames everything; a bad one is an error naming the key, and nothing is written")
    func namingConfig() throws {
        let files = InMemoryFileSystem(files: [
            "names.yaml": "version: 1\ndialect: postgres\nview_prefix: acme_\nmodels: {user_behavior: acme_behavior}\n",
            "bad.yaml": "version: 1\nviews:\n  users_behaviors_purchas: orders\n",
            "typo.yaml": "dialekt: postgres\n",
        ])
        let good = runTool(["generate", "--block", "user-behavior", "--names", "names.yaml", "--out", "out"], files: files)
        #expect(good.exitCode == 0, "\(good.error)")
        #expect(files["out/acme_behavior.model.lkml"]?.contains("explore: purchases {\n  view_name: acme_users_behaviors_purchase") == true)
        #expect(files["out/views/acme_users_behaviors_purchase.view.lkml"]?.contains("currents.users_behaviors_purchase_shared") == true)

        let empty = InMemoryFileSystem(files: ["bad.yaml": files["bad.yaml"]!, "typo.yaml": files["typo.yaml"]!])
        let bad = runTool(["generate", "--names", "bad.yaml", "--out", "out"], files: empty)
        #expect(bad.exitCode == 2)
        #expect(bad.error.contains("lookml generate: error: bad.yaml:3:3: 'views': unknown view 'users_behaviors_purchas' (did you mean 'users_behaviors_purchase'?); nothing was written"))
        let typo = runTool(["generate", "--names", "typo.yaml", "--out", "out"], files: empty)
        #expect(typo.exitCode == 2)
        #expect(typo.error.contains("typo.yaml:1:1: unknown key 'dialekt' in the naming config (did you mean 'dialect'?)"))
        let absent = runTool(["generate", "--names", "absent.yaml", "--out", "out"], files: empty)
        #expect(absent.exitCode == 2)
        #expect(try empty.files(under: "out").isEmpty)
        #expect(empty["out/.lookml-generate.json"] == nil)
    }

    @Test("--include adds the optional parts; blocks generated one at a time share the manifest")
    func includesAndBlocks() throws {
        let files = InMemoryFileSystem()
        #expect(runTool(["generate", "--out", "out", "--block", "message-engagement", "--include", "sms,content-cards"], files: files).exitCode == 0)
        #expect(files["out/views/sms_events.view.lkml"] != nil)
        #expect(files["out/views/content_card_events.view.lkml"] != nil)
        #expect(runTool(["generate", "--out", "out", "--block", "user-behavior"], files: files).exitCode == 0)
        let manifest = try #require(files["out/.lookml-generate.json"])
        #expect(manifest.contains("\"views/sms_events.view.lkml\": {\"block\": \"message-engagement\""))
        #expect(manifest.contains("\"user_behavior.model.lkml\": {\"block\": \"user-behavior\""))
        // Regenerating without SMS leaves the SMS files, reported as obsolete.
        let without = runTool(["generate", "--out", "out", "--block", "message-engagement", "--include", "content-cards"], files: files)
        #expect(without.exitCode == 0)
        #expect(without.output.contains("obsolete   out/views/sms_events.view.lkml  (no longer generated; delete it if nothing includes it)"))
        #expect(files["out/message_engagement.model.lkml"]?.contains("sms_events") == false)
    }

    @Test("usage errors exit 2", arguments: [
        (["generate", "--block", "sales"], "'sales' is not a valid value for --block"),
        (["generate", "--dialect", "bigquery"], "'bigquery' is not a valid value for --dialect (choose from: snowflake, postgres)"),
        (["generate", "--include", "push"], "unknown part 'push' (choose from: content-cards, sms)"),
        (["generate", "--dry-run", "--check"], "--dry-run and --check cannot be combined"),
        (["generate", "extra"], "unexpected argument 'extra'"),
    ])
    func usageErrors(arguments: [String], message: String) {
        let run = runTool(arguments)
        #expect(run.exitCode == 2)
        #expect(run.error.contains(message), "\(run.error)")
    }

    @Test("a failed write exits 2 and keeps the manifest true to the files written")
    func failedWrite() throws {
        let files = InMemoryFileSystem()
        files.failingWrites = ["out/views/users_behaviors_purchase.view.lkml"]
        let run = runTool(["generate", "--out", "out", "--block", "user-behavior"], files: files)
        #expect(run.exitCode == 2)
        #expect(run.error.contains("cannot write 'out/views/users_behaviors_purchase.view.lkml'"))
        let manifest = try #require(files["out/.lookml-generate.json"])
        #expect(!manifest.contains("users_behaviors_purchase.view.lkml"))
        files.failingWrites = []
        #expect(runTool(["generate", "--out", "out", "--block", "user-behavior"], files: files).exitCode == 0)
        #expect(runTool(["generate", "--out", "out", "--block", "user-behavior", "--check"], files: files).exitCode == 0)
    }

    @Test("help lists the options")
    func help() {
        let run = runTool(["generate", "--help"])
        #expect(run.exitCode == 0)
        for option in ["--block <block>", "--names <file>", "--dialect <dialect>", "--out <dir>", "--include <parts>", "--dry-run", "--check", "--force"] {
            #expect(run.output.contains(option))
        }
        #expect(runTool(["--help"]).output.contains("generate"))
    }
}
