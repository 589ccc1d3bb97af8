import Foundation
import Testing
import BrazeAction
import LookMLCommands
import LookMLProject

/// A one-file project around `view`.
private func project(_ view: String, model: String = "include: \"*.view\"\nexplore: users {}\n") -> Project {
    Project(files: [ProjectFile(path: "m.model.lkml", bytes: Array(model.utf8)), ProjectFile(path: "users.view.lkml", bytes: Array(view.utf8))])
}

private func tagged(_ view: String, _ tag: BrazeTag, _ field: String = "users.external_user_id") throws -> String {
    let plan = try TagEditor(project: project(view)).add(tag, to: field)
    let edits = plan.edits["users.view.lkml"] ?? []
    return String(decoding: plan.apply(to: Array(view.utf8), edits: edits), as: UTF8.self)
}

@Suite("Tag injection")
struct TagInjectionTests {
    @Test("a new tags line is indented like its block")
    func newLine() throws {
        let view = "view: users {\n  dimension: external_user_id {\n    type: string\n    sql: ${TABLE}.EXTERNAL_USER_ID ;; # the customer id\n  }\n}\n"
        #expect(try tagged(view, .id) == "view: users {\n  dimension: external_user_id {\n    type: string\n    sql: ${TABLE}.EXTERNAL_USER_ID ;; # the customer id\n    tags: [\"braze_id\"]\n  }\n}\n")
    }

    @Test("an existing list gains one item; an empty one gets it")
    func existingList() throws {
        #expect(try tagged("view: users {\n  dimension: external_user_id {\n    tags: [\"pii\"]\n  }\n}\n", .id)
            == "view: users {\n  dimension: external_user_id {\n    tags: [\"pii\", \"braze_id\"]\n  }\n}\n")
        #expect(try tagged("view: users { dimension: external_user_id { tags: [] } }", .attribute("first_name"))
            == "view: users { dimension: external_user_id { tags: [\"braze[first_name]\"] } }")
    }

    @Test("one-line blocks stay on one line; tabs and CRLF are kept")
    func layouts() throws {
        #expect(try tagged("view: users { dimension: external_user_id { type: string } }", .id)
            == "view: users { dimension: external_user_id { type: string tags: [\"braze_id\"] } }")
        #expect(try tagged("view: users {\r\n\tdimension: external_user_id {\r\n\t\ttype: string\r\n\t}\r\n}\r\n", .id)
            == "view: users {\r\n\tdimension: external_user_id {\r\n\t\ttype: string\r\n\t\ttags: [\"braze_id\"]\r\n\t}\r\n}\r\n")
    }

    @Test("tagging twice changes nothing; removing restores the original")
    func idempotentAndReversible() throws {
        let view = "view: users {\n  dimension: external_user_id {\n    type: string\n  }\n}\n"
        let once = try tagged(view, .id)
        #expect(try TagEditor(project: project(once)).add(.id, to: "users.external_user_id").isEmpty)
        let removal = try TagEditor(project: project(once)).remove("braze_id", from: "users.external_user_id")
        #expect(String(decoding: removal.apply(to: Array(once.utf8), edits: removal.edits["users.view.lkml"]!), as: UTF8.self) == view)
    }

    @Test("refusals: measures, unknown fields, bad attribute names, a second braze_id")
    func refusals() {
        let view = "view: users {\n  dimension: external_user_id { type: string tags: [\"braze_id\"] }\n  dimension: email { type: string }\n  measure: count { type: count }\n}\n"
        let editor = TagEditor(project: project(view))
        #expect(throws: TagEditor.Failure.notADimension("users.count", kind: "measure")) { try editor.add(.id, to: "users.count") }
        #expect(throws: TagEditor.Failure.unknownField("users.emial", suggestion: "users.email")) { try editor.add(.id, to: "users.emial") }
        #expect(throws: TagEditor.Failure.invalidAttribute("a b", reason: "the attribute name contains a space")) { try editor.add(.attribute("a b"), to: "users.email") }
        #expect(throws: TagEditor.Failure.invalidAttribute("", reason: "the attribute name is empty")) { try editor.add(.attribute(""), to: "users.email") }
        #expect(throws: TagEditor.Failure.secondBrazeID(field: "users.email", explore: "m/users", existing: "users.external_user_id")) { try editor.add(.id, to: "users.email") }
        let forced = try? editor.add(.id, to: "users.email", force: true)
        #expect(forced?.isEmpty == false)
    }

    @Test("the command writes nothing when it refuses, and --auto finds the external id")
    func command() {
        let view = "view: users {\n  dimension: external_user_id {\n    type: string\n    sql: ${TABLE}.EXTERNAL_USER_ID ;;\n  }\n  measure: count { type: count }\n}\n"
        let files = InMemoryFileSystem(files: ["p/m.model.lkml": "include: \"*.view\"\nexplore: users {}\n", "p/users.view.lkml": view])
        let capture = CapturingConsole()
        let context = CommandContext(console: capture.console, fileSystem: files)
        #expect(LookMLTool.run(["tag", "braze-id", "users.count", "p"], context: context) == 2)
        #expect(files["p/users.view.lkml"] == view)
        #expect(LookMLTool.run(["tag", "braze-id", "--auto", "p"], context: context) == 0)
        #expect(files["p/users.view.lkml"]!.contains("    tags: [\"braze_id\"]\n  }\n  measure"))
        #expect(LookMLTool.run(["tag", "braze-id", "--auto", "p"], context: context) == 0)
        #expect(capture.errorText.contains("nothing to change"))
    }
}

@Suite("Payload preview")
struct PayloadTests {
    static let view = """
    view: users {
      dimension: external_user_id { type: string tags: ["braze_id"] }
      dimension: first_name { type: string tags: ["braze[first_name]"] }
      dimension: is_vip { type: yesno tags: ["braze[vip]"] }
      dimension: lifetime_value { type: number tags: ["braze[ltv]"] }
      dimension_group: signed_up { type: time timeframes: [date, time] tags: ["braze[signup]"] }
      dimension: note { type: string }
    }
    """

    static func payload(_ csv: String) throws -> PayloadBuilder.Payload {
        try PayloadBuilder(project: project(view)).build(try QueryResults.read(Array(csv.utf8)))
    }

    static func rows(_ count: Int) -> String {
        "users.external_user_id,users.note\n" + (0..<count).map { "u\($0),x\n" }.joined()
    }

    @Test("values convert by field type; untagged columns are not sent")
    func conversion() throws {
        let csv = "users.external_user_id,users.first_name,users.is_vip,users.lifetime_value,users.signed_up_time,users.note\nu1,Ann,Yes,12.5,2024-03-01 10:20:30,hi\nu2,,No,,,\n"
        let result = try Self.payload(csv)
        #expect(result.ignoredColumns == ["users.note"])
        let body = String(decoding: result.bodies[0], as: UTF8.self)
        #expect(body == #"{"attributes":[{"external_id":"u1","_update_existing_only":true,"first_name":"Ann","vip":true,"ltv":12.5,"signup":"2024-03-01T10:20:30","looker_export":{"add":["LOOKER_EXPORT"]}},{"external_id":"u2","_update_existing_only":true,"first_name":null,"vip":false,"ltv":null,"signup":null,"looker_export":{"add":["LOOKER_EXPORT"]}}]}"#)
    }

    @Test("batches of 75", arguments: [(74, 1), (75, 1), (76, 2), (151, 3)])
    func batches(rows: Int, requests: Int) throws {
        let result = try Self.payload(Self.rows(rows))
        #expect(result.bodies.count == requests)
        #expect(result.rowsSent == rows && result.rowsCut == 0)
    }

    @Test("at most 100,000 rows; the rest is reported", arguments: [(100_000, 0), (100_001, 1)])
    func limit(rows: Int, cut: Int) throws {
        let result = try Self.payload(Self.rows(rows))
        #expect(result.rowsSent == 100_000 && result.rowsCut == cut)
        #expect(result.bodies.count == 1334)
    }

    @Test("pivoted results, a missing id column and duplicate ids")
    func problems() throws {
        #expect(throws: QueryResults.Failure.self) { try QueryResults.read(Array("users.external_user_id,users.count|2024\nu1,2\n".utf8)) }
        #expect(throws: QueryResults.Failure.self) { try QueryResults.read(Array(#"[{"users.count": {"2024": {"value": 1}}}]"#.utf8)) }
        #expect(throws: PayloadBuilder.Failure.self) { try Self.payload("users.note\nx\n") }
        #expect(try Self.payload("users.external_user_id\nu1\nu1\nu2\n").duplicateIDs == 1)
    }

    @Test("JSON and JSON detail results read like CSV")
    func json() throws {
        let plain = try QueryResults.read(Array(#"[{"users.external_user_id": "u1", "users.is_vip": true}]"#.utf8))
        #expect(plain.fields == ["users.external_user_id", "users.is_vip"] && plain.rows == [["u1", "Yes"]])
        let detail = try QueryResults.read(Array(#"[{"users.external_user_id": {"value": "u1", "rendered": "U1"}}]"#.utf8))
        #expect(detail.rows == [["u1"]])
    }
}

@Suite("Tags and explore fields")
struct TagExploreFieldsTests {
    static let views = """
    view: users {
      dimension: external_user_id { type: string tags: ["braze_id"] }
    }
    view: orders {
      dimension: id { primary_key: yes }
      dimension: external_user_id { type: string }
    }
    """

    static func editor(_ explore: String) -> TagEditor {
        let model = "include: \"*.view\"\n" + explore
        return TagEditor(project: Project(files: [ProjectFile(path: "m.model.lkml", bytes: Array(model.utf8)),
                                                  ProjectFile(path: "v.view.lkml", bytes: Array(views.utf8))]))
    }

    static let join = "join: orders { sql_on: ${users.external_user_id} = ${orders.external_user_id} ;; relationship: one_to_many }"

    @Test("a field the explore's fields: leave out is no second braze_id, and tag list leaves it out")
    func excluded() throws {
        let open = Self.editor("explore: users { \(Self.join) }")
        #expect(throws: TagEditor.Failure.secondBrazeID(field: "orders.external_user_id", explore: "m/users", existing: "users.external_user_id")) {
            try open.add(.id, to: "orders.external_user_id")
        }
        for explore in ["explore: users { fields: [ALL_FIELDS*, -orders.external_user_id] \(Self.join) }",
                        "explore: users { join: orders { fields: [orders.id] sql_on: ${users.external_user_id} = ${orders.external_user_id} ;; relationship: one_to_many } }"] {
            let editor = Self.editor(explore)
            #expect(try editor.add(.id, to: "orders.external_user_id").isEmpty == false)
            // Tagged, it still does not show in the explore.
            let tagged = Project(files: [editor.project.files["m.model.lkml"]!,
                                         ProjectFile(path: "v.view.lkml", bytes: Array(Self.views.replacingOccurrences(of: "dimension: external_user_id { type: string }", with: "dimension: external_user_id { type: string tags: [\"braze_id\"] }").utf8))])
            let listed = TagEditor(project: tagged).taggedFieldsByExplore()
            #expect(listed.map(\.explore) == ["m/users"])
            #expect(listed[0].fields.map(\.field) == ["users.external_user_id"])
        }
    }
}
