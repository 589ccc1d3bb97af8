import Testing
import LookMLProject
import LookMLTestSupport

@Suite("lookml rename")
struct RenamerTests {
    static let renames: [(Renamer.Kind, String, String)] = [
        (.view, "email_sends", "sends"),
        (.view, "email_opens", "opens"),
        (.view, "base_events", "currents_event"),
        (.field, "base_events.sent", "delivered"),
        (.field, "email_sends.send_id", "dispatch_key"),
        (.field, "email_opens.count", "open_count"),
        (.explore, "opens_by_sender", "sender_opens"),
        (.model, "engagement", "braze_engagement"),
        (.constant, "CURRENTS_SCHEMA", "BRAZE_SCHEMA"),
        (.connection, "braze_currents", "snowflake_prod"),
        (.table, "USERS_MESSAGES_EMAIL_SEND", "EMAIL_SENDS"),
    ]

    @Test("rename then rename back restores every file byte for byte; check is unchanged in between",
          arguments: 0..<renames.count)
    func roundTrip(index: Int) throws {
        let (kind, old, new) = Self.renames[index]
        let original = FixtureProject.files()
        let plan = try Renamer(project: FixtureProject.project(original)).plan(kind, from: old, to: new)
        #expect(!plan.isEmpty)
        let renamed = FixtureProject.apply(plan, to: original)
        #expect(CheckerTests.summary(FixtureProject.project(renamed)) == [])
        let back = kind == .field ? String(old.split(separator: ".")[0]) + "." + new : new
        let backName = kind == .field ? String(old.split(separator: ".")[1]) : old
        let restore = try Renamer(project: FixtureProject.project(renamed)).plan(kind, from: back, to: backName)
        #expect(FixtureProject.apply(restore, to: renamed) == original)
        // The same rename a second time finds nothing to do.
        #expect(try Renamer(project: FixtureProject.project(renamed)).plan(kind, from: old, to: new).isEmpty)
    }

    @Test("a view rename reaches definitions, extends, from, joins named after it, Liquid, links and dashboards")
    func viewRenameSites() throws {
        let original = FixtureProject.files()
        let renamed = FixtureProject.apply(try Renamer(project: FixtureProject.project(original)).plan(.view, from: "email_sends", to: "sends"), to: original)
        func text(_ path: String) -> String { String(decoding: renamed[path]!, as: UTF8.self) }
        #expect(text("views/email_sends.view.lkml").contains("view: sends {"))
        #expect(text("views/email_sends.view.lkml").contains("{% if sends.send_id._in_query %}"))
        #expect(text("views/email_sends.view.lkml").contains("url: \"/explore/engagement/sends?fields=sends.send_id,email_opens.count&f[sends.send_id]={{ value }}\""))
        #expect(text("views/email_opens.view.lkml").contains("sql: ${sends.email_address} ;;"))
        #expect(text("views/send_pressure.view.lkml").contains("FROM ${sends.SQL_TABLE_NAME}"))
        #expect(text("views/send_pressure.view.lkml").contains("explore_source: sends {"))
        #expect(text("explores/pressure.explore.lkml").contains("explore: +sends {"))
        #expect(text("dashboards/email.dashboard.lookml").contains("series_colors:\n      sends.sends: \"#1f77b4\""))
        #expect(text("dashboards/email.dashboard.lookml").contains("\"expression\": \"${sends.sends} / ${email_opens.count}\""))
        // The explore that reads email_opens through from: keeps its own name and alias.
        #expect(text("models/engagement.model.lkml").contains("fields: [ALL_FIELDS*, -opens_by_sender.user_agent]"))
    }

    @Test("--rename-files moves the view file and fixes includes that name it")
    func renameFiles() throws {
        let original = FixtureProject.files()
        let plan = try Renamer(project: FixtureProject.project(original)).plan(.view, from: "send_pressure", to: "pressure", renameFiles: false)
        #expect(plan.moves.isEmpty)
        let files = FixtureProject.replacing(original, "views/send_pressure.view.lkml", "view: send_totals", "view: send_pressure_totals")
        let withFiles = try Renamer(project: FixtureProject.project(files)).plan(.view, from: "send_pressure", to: "pressure", renameFiles: true)
        #expect(withFiles.moves.map(\.to) == ["views/pressure.view.lkml"])
        let renamed = FixtureProject.apply(withFiles, to: files)
        #expect(String(decoding: renamed["explores/pressure.explore.lkml"]!, as: UTF8.self).hasPrefix("include: \"/views/pressure.view.lkml\""))
        #expect(CheckerTests.summary(FixtureProject.project(renamed)) == [])
    }

    @Test("refuses unknown, existing and invalid names, suggesting the near one")
    func refusals() {
        let renamer = Renamer(project: FixtureProject.project(FixtureProject.files()))
        #expect(throws: Renamer.Failure.unknown(kind: "view", name: "email_send", suggestion: "email_sends")) {
            try renamer.plan(.view, from: "email_send", to: "x")
        }
        #expect(throws: Renamer.Failure.alreadyExists(kind: "view", name: "email_opens")) {
            try renamer.plan(.view, from: "email_sends", to: "email_opens")
        }
        #expect(throws: Renamer.Failure.self) { try renamer.plan(.view, from: "email_sends", to: "Email Sends") }
        #expect(throws: Renamer.Failure.self) { try renamer.plan(.field, from: "email_sends.send_id", to: "email_opens.x") }
    }

    @Test("random projects: rename-and-back is the identity and check is unchanged", arguments: [5, 6, 7] as [UInt64])
    func randomProjects(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        for _ in 0..<20 {
            let files = RandomProject.make(&random)
            let project = FixtureProject.project(files)
            let findings = CheckerTests.summary(project).count
            let view = "v\(Int.random(in: 0..<4, using: &random))"
            for (kind, old, new) in [(Renamer.Kind.view, view, "renamed_view"), (.field, "\(view).f1", "renamed_field")] {
                let plan = try Renamer(project: project).plan(kind, from: old, to: new)
                let renamed = FixtureProject.apply(plan, to: files)
                #expect(CheckerTests.summary(FixtureProject.project(renamed)).count == findings)
                let back = kind == .view ? (new, old) : ("\(view).\(new)", "f1")
                let restore = try Renamer(project: FixtureProject.project(renamed)).plan(kind, from: back.0, to: back.1)
                #expect(FixtureProject.apply(restore, to: renamed) == files)
            }
        }
    }
}

/// Small random projects: four views with fields referencing each other, explores joining them, a dashboard.
enum RandomProject {
    static func make(_ random: inout SeededRandom) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var model = "connection: \"c\"\ninclude: \"/views/*.view\"\n"
        for index in 0..<4 {
            var view = "view: v\(index) {\n  sql_table_name: T\(index) ;;\n"
            for field in 0..<3 {
                let other = Int.random(in: 0..<4, using: &random)
                let sql = random.chance(0.5) ? "${TABLE}.c\(field)" : "${f\((field + 1) % 3)} + ${v\(other).f\(field)}"
                view += "  dimension: f\(field) {\n    sql: \(sql) ;;\n  }\n"
            }
            view += "  measure: n {\n    type: count\n    drill_fields: [f1, v\(index).f2]\n  }\n}\n"
            files["views/v\(index).view.lkml"] = Array(view.utf8)
            let joined = (index + 1) % 4
            let alias = random.chance(0.5) ? "v\(joined)" : "j\(index)"
            let from = alias == "v\(joined)" ? "" : "    from: v\(joined)\n"
            model += "explore: v\(index) {\n  fields: [v\(index).f1, \(alias).f1]\n  join: \(alias) {\n\(from)    sql_on: ${v\(index).f1} = ${\(alias).f1} ;;\n  }\n}\n"
        }
        files["models/m.model.lkml"] = Array(model.utf8)
        files["dashboards/d.dashboard.lookml"] = Array("- dashboard: d\n  elements:\n  - name: t\n    model: m\n    explore: v0\n    fields: [v0.f1, v0.n]\n    sorts: [v0.f1 desc]\n".utf8)
        return files
    }
}
