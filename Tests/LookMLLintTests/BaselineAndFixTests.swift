import Foundation
import LookMLCommands
import LookMLLint
import Testing

@Suite("Baseline")
struct BaselineTests {
    @Test("--write-baseline records the findings; --baseline then reports only new ones")
    func roundTrip() throws {
        let files = SampleProject.fileSystem()
        let write = runTool(["lint", "p", "--baseline", "p/lint-baseline.json", "--write-baseline"], files: files)
        #expect(write.exitCode == 0)
        #expect(write.error.contains("wrote p/lint-baseline.json: 3 findings"))
        let baseline = try Baseline.decode(try files.read("p/lint-baseline.json"))
        #expect(baseline.entries.map(\.rule).sorted() == ["LK101", "LK201", "LK508"])

        let clean = runTool(["lint", "p", "--baseline", "p/lint-baseline.json"], files: files)
        #expect(clean.exitCode == 0)
        #expect(clean.output == "no problems found\n")
        #expect(clean.error.contains("3 findings accepted by the baseline"))

        // Lines moving does not matter; a new finding does.
        files.writeFile("p/views/users.view.lkml", "\n\n" + SampleProject.users.replacingOccurrences(of: "view: users", with: "view: users") + "view: extra {\n  dimension: x {\n    sql: 1 ;;\n  }\n}\n")
        files.writeFile("p/models/shop.model.lkml", SampleProject.model + "\nexplore: extra {}\n")
        let new = runTool(["lint", "p", "--baseline", "p/lint-baseline.json", "--format", "json"], files: files)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(new.output.utf8)) as? [[String: Any]])
        #expect(records.map { $0["id"] as? String } == ["LK101"])
        #expect((records.first?["message"] as? String)?.contains("'extra'") == true)
        #expect(new.exitCode == 0)
    }

    @Test("fixed findings make entries stale; rewriting prunes them")
    func prune() throws {
        let files = SampleProject.fileSystem()
        _ = runTool(["lint", "p", "--baseline", "b.json", "--write-baseline"], files: files)
        files.writeFile("p/views/orders.view.lkml", SampleProject.orders.replacingOccurrences(of: "[braze_id]", with: "[\"braze_id\"]"))
        let run = runTool(["lint", "p", "--baseline", "b.json"], files: files)
        #expect(run.error.contains("2 findings accepted by the baseline; 1 baseline entry is fixed (run --write-baseline to prune)"))
        let rewrite = runTool(["lint", "p", "--baseline", "b.json", "--write-baseline"], files: files)
        #expect(rewrite.error.contains("wrote b.json: 2 findings, 1 stale entry pruned"))
        #expect(try Baseline.decode(try files.read("b.json")).entries.map(\.rule).sorted() == ["LK101", "LK201"])
    }

    @Test("a baseline counts: two identical findings need two entries")
    func counts() {
        let view = "view: a {\n  dimension: x { sql: 1 ;; }\n}\n"
        let project = makeProject(["a.view.lkml": view, "b.view.lkml": view.replacingOccurrences(of: "view: a", with: "view: b")])
        let findings = lint(project).filter { $0.code == "LK101" }
        #expect(findings.count == 2)
        let baseline = Baseline.of(Array(findings.prefix(1)), in: project)
        let split = baseline.partition(findings, in: project)
        #expect(split.new.count == 1 && split.baselined.count == 1 && split.stale.isEmpty)
    }

    @Test("a missing or broken baseline is an I/O error")
    func broken() {
        let files = SampleProject.fileSystem(["bad.json": "{\"version\": 9, \"entries\": []}"])
        #expect(runTool(["lint", "p", "--baseline", "none.json"], files: files).exitCode == 2)
        let bad = runTool(["lint", "p", "--baseline", "bad.json"], files: files)
        #expect(bad.exitCode == 2 && bad.error.contains("baseline version 9 is not supported"))
    }
}

@Suite("--fix")
struct FixTests {
    static let manifest = "constant: SHOP_SCHEMA {\n  value: \"shop\"\n}\n"
    static let view = """
    view: orders {
      sql_table_name: shop.orders ;;
      dimension: id {:
        primary_key: yes
        sql: ${TABLE}.id ;;
        tags: [braze_id, "braze[plan]"]
      }
      dimension_group: created_date {
        sql: ${TABLE}.created_at ;;
      }
    }
    """

    @Test("applies the safe fixes, says what changed, and reports what is left")
    func fixes() {
        let files = InMemoryFileSystem(files: ["p/manifest.lkml": Self.manifest, "p/views/orders.view.lkml": Self.view,
                                               "p/.lookml-lint.yml": "version: 1\nenable: [views.visible_primary_key]\n"])
        let run = runTool(["lint", "p", "--fix"], files: files)
        #expect(files["p/views/orders.view.lkml"] == """
        view: orders {
          sql_table_name: @{SHOP_SCHEMA}.orders ;;
          dimension: id {
            primary_key: yes
            hidden: yes
            sql: ${TABLE}.id ;;
            tags: ["braze_id", "braze[plan]"]
          }
          dimension_group: created_date {
            sql: ${TABLE}.created_at ;;
          }
        }
        """)
        #expect(run.error.contains("fixed 4 problems in 1 file:"))
        #expect(run.error.contains("p/views/orders.view.lkml:2:19: replaced 'shop' with '@{SHOP_SCHEMA}' [LK104]"))
        #expect(run.error.contains("p/views/orders.view.lkml:3:18: removed the stray ':' [LK002]"))
        #expect(run.error.contains("[LK103]") && run.error.contains("[LK508]"))
        // What --fix cannot fix is still reported.
        #expect(run.output.contains("[LK110]"))
        #expect(!run.output.contains("[LK104]") && !run.output.contains("[LK508]"))
        let again = runTool(["lint", "p", "--fix"], files: files)
        #expect(again.error.contains("nothing to fix"))
    }

    @Test("redundant includes are removed line and all")
    func includes() {
        let model = "connection: \"c\"\ninclude: \"/views/*.view.lkml\"\ninclude: \"/views/orders.view.lkml\"\nexplore: orders {}\n"
        let view = "view: orders {\n  dimension: id {\n    primary_key: yes\n    sql: ${TABLE}.id ;;\n  }\n}\n"
        let files = InMemoryFileSystem(files: ["p/m.model.lkml": model, "p/views/orders.view.lkml": view])
        _ = runTool(["lint", "p", "--fix"], files: files)
        #expect(files["p/m.model.lkml"] == "connection: \"c\"\ninclude: \"/views/*.view.lkml\"\nexplore: orders {}\n")
    }

    @Test("when a write fails, no file is changed")
    func atomic() {
        let files = InMemoryFileSystem(files: ["p/manifest.lkml": Self.manifest, "p/views/orders.view.lkml": Self.view,
                                               "p/views/users.view.lkml": "view: users {\n  dimension: id {:\n    primary_key: yes\n  }\n}\n"])
        files.failingWrites = ["p/views/users.view.lkml"]
        let run = runTool(["lint", "p", "--fix"], files: files)
        #expect(run.exitCode == 2)
        #expect(run.error.contains("no file was changed"))
        #expect(files["p/views/orders.view.lkml"] == Self.view)
    }
}
