import LookMLProject
import SQLCompiler
import Testing

/// The compiler (over merged blocks) and `ModelScope` (over definitions) build the same `ExploreFieldSelection`:
/// `lookml sql` / `validate` and lint's Braze rules agree on what an explore shows.
@Suite("Explore fields: compiler and project model agree")
struct ExploreFieldsAgreementTests {
    static func check(_ files: [String: String]) throws {
        let project = SQLFixtures.project(files)
        let compiler = SQLCompiler(project: project)
        for (model, explore) in compiler.explores() {
            let scope = project.scope(of: try #require(project.models.first { $0.name == model }))
            let selection = try #require(scope.fieldSelection(ofExplore: explore))
            let fromScope = Set(try #require(scope.visibleFields(ofExplore: explore)).flatMap { alias, field in
                field.expandedNames.filter { selection.contains(alias: alias, name: $0) }.map { "\(alias).\($0)" }
            })
            let fields = try compiler.fields(model: model, explore: explore)
            let fromCompiler = Set((fields.dimensions + fields.measures + fields.filters).map(\.name))
            #expect(fromScope == fromCompiler, "\(model)/\(explore): \(fromScope.symmetricDifference(fromCompiler).sorted())")
        }
    }

    @Test("the golden project (explore and join fields:)")
    func golden() throws { try Self.check(SQLFixtures.files(at: SQLFixtures.goldenProject)) }

    @Test("the generated blocks (fields: leaving out the joined views' braze_id fields)")
    func generated() throws { try Self.check(try GeneratedBlocksTests.generated("snowflake")) }
}
