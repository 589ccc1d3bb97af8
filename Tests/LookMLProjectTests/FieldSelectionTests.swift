import LookMLProject
import Testing

/// `ModelScope.fieldSelection(ofExplore:)` / `visibleFields(ofExplore:)`: which fields an explore shows under its and
/// its joins' `fields:`.
@Suite("Explore fields")
struct FieldSelectionTests {
    static let views = """
    view: users {
      sql_table_name: braze.users ;;
      dimension: id { primary_key: yes }
      dimension: external_id { tags: ["braze_id"] }
      dimension: email {}
      dimension_group: created { type: time timeframes: [date, week] }
      measure: count { type: count }
      set: basics { fields: [id, email] }
    }
    view: orders {
      sql_table_name: shop.orders ;;
      dimension: id { primary_key: yes }
      dimension: external_id { tags: ["braze_id"] }
      measure: total { type: sum }
      set: money { fields: [orders.total, id] }
    }
    """

    /// The names an explore shows, as `alias.name`.
    static func shown(_ model: String) throws -> [String: [String]] {
        let project = Project(files: [ProjectFile(path: "m.model.lkml", bytes: Array(("include: \"*.view\"\n" + model).utf8)),
                                      ProjectFile(path: "v.view.lkml", bytes: Array(views.utf8))])
        let scope = project.scope(of: try #require(project.models.first))
        var result: [String: [String]] = [:]
        for explore in scope.explores.keys {
            let visible = try #require(scope.visibleFields(ofExplore: explore))
            let selection = try #require(scope.fieldSelection(ofExplore: explore))
            result[explore] = visible.flatMap { alias, field in
                field.expandedNames.filter { selection.contains(alias: alias, name: $0) }.map { "\(alias).\($0)" }
            }.sorted()
        }
        return result
    }

    static let join = "join: orders { sql_on: ${users.id} = ${orders.id} ;; relationship: one_to_many }"

    @Test("no fields: shows everything")
    func everything() throws {
        let shown = try Self.shown("explore: users { \(Self.join) }")["users"]!
        #expect(shown.count == 9)
        #expect(shown.contains("orders.external_id") && shown.contains("users.created_week"))
    }

    @Test("ALL_FIELDS* with exclusions; a dimension group's name excludes every timeframe")
    func exclusions() throws {
        let shown = try Self.shown("explore: users { fields: [ALL_FIELDS*, -orders.external_id, -created] \(Self.join) }")["users"]!
        #expect(shown == ["orders.id", "orders.total", "users.count", "users.email", "users.external_id", "users.id"])
    }

    @Test("a join's own fields:, with a set; an explore's list with a set and unqualified names")
    func lists() throws {
        let joined = try Self.shown("explore: users { join: orders { fields: [orders.money*] sql_on: ${users.id} = ${orders.id} ;; relationship: one_to_many } }")["users"]!
        #expect(joined.filter { $0.hasPrefix("orders.") } == ["orders.id", "orders.total"])
        let listed = try Self.shown("explore: users { fields: [basics*, users.created_date] \(Self.join) }")["users"]!
        #expect(listed == ["users.created_date", "users.email", "users.id"])
    }

    @Test("a refinement's fields: replaces the explore's; an extending explore inherits its parent's")
    func refinementsAndExtends() throws {
        let shown = try Self.shown("""
        explore: users { fields: [users.id] \(Self.join) }
        explore: +users { fields: [ALL_FIELDS*, -orders.external_id] }
        explore: base { extension: required view_name: users fields: [users.email] }
        explore: child { extends: [base] }
        """)
        #expect(shown["users"]!.count == 8 && !shown["users"]!.contains("orders.external_id"))
        #expect(shown["child"] == ["users.email"])
    }

    @Test("picking fields before working out the selection (as the Braze rules do) agrees with filtering all it shows")
    func picking() throws {
        let models = [
            "explore: users { \(Self.join) }",
            "explore: users { fields: [ALL_FIELDS*, -orders.external_id, -created] \(Self.join) }",
            "explore: users { join: orders { fields: [orders.money*] sql_on: ${users.id} = ${orders.id} ;; relationship: one_to_many } }",
            "explore: users { fields: [basics*, users.external_id, orders.external_id] \(Self.join) }",
        ]
        var tagged = 0
        for model in models {
            let project = Project(files: [ProjectFile(path: "m.model.lkml", bytes: Array(("include: \"*.view\"\n" + model).utf8)),
                                          ProjectFile(path: "v.view.lkml", bytes: Array(Self.views.utf8))])
            let scope = project.scope(of: try #require(project.models.first))
            let picked = try #require(scope.visibleFields(ofExplore: "users", including: \.hasBrazeTag)).map { "\($0.alias).\($0.field.name)" }
            let filtered = try #require(scope.visibleFields(ofExplore: "users")).filter(\.field.hasBrazeTag).map { "\($0.alias).\($0.field.name)" }
            let flagged = try #require(scope.visibleFields(ofExplore: "users", flagged: .brazeTag, memo: FieldDefinitionMemo(scope)))
                .map { "\($0.alias).\($0.field.name)" }
            #expect(picked == filtered, "\(model)")
            #expect(flagged == filtered, "\(model)")
            tagged += picked.count
        }
        // Both tagged fields in the first explore, one each in the second and third, both in the fourth.
        #expect(tagged == 6)
    }
}
