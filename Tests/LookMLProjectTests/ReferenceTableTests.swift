import LookMLProject
import LookMLSyntax
import Testing

/// The compact reference storage gives back exactly the sites it was given, and files loaded without their
/// references find the same ones when asked.
@Suite("Reference table")
struct ReferenceTableTests {
    /// Everything a site has, as one comparable string.
    private func describe(_ reference: Reference) -> String {
        "\(reference.kind) \(reference.name) q=\(reference.qualifier ?? "-") \(reference.location.file)@\(reference.location.range) " +
            "\(reference.scope) def=\(reference.isDefinition) certain=\(reference.isCertain)"
    }

    @Test("every site of the fixture project survives the table unchanged")
    func fixtureSitesRoundTrip() {
        let project = FixtureProject.project(FixtureProject.files())
        var total = 0
        for path in project.paths {
            let sites = project.references(inFile: path)
            let table = ReferenceTable(source: project.files[path]!.source, references: sites)
            #expect(table.count == sites.count)
            #expect(table.references.map(describe) == sites.map(describe), "\(path)")
            total += sites.count
        }
        #expect(total > 100, "the fixture project should exercise many kinds of sites")
        // Dashboards keep uncertain sites and dashboard scopes.
        #expect(project.references.contains { !$0.isCertain })
        #expect(project.references.contains { if case .dashboard = $0.scope { return true } else { return false } })
    }

    @Test("sites spelled in the file keep ranges, others their names; flags, qualifiers, scopes and order survive")
    func spelledAndNamedSites() {
        // "users.id" at 0..<8, "orders" at 9..<15.
        let source = SourceFile(path: "v.view.lkml", text: "users.id orders")
        var table = ReferenceTable(source: source)
        for index in 0..<1_000 {
            if index.isMultiple(of: 2) {
                table.appendSite(kind: .field, range: 6..<8, qualifierRange: index.isMultiple(of: 4) ? 0..<5 : nil,
                                 scope: .view(index < 500 ? "users" : "orders"), isDefinition: index == 0)
            } else {
                var reference = Reference(kind: .alias, name: "name_\(index % 3)", qualifier: index.isMultiple(of: 5) ? "orders" : nil,
                                          location: SourceRange(file: "v.view.lkml", range: 9..<15), scope: .dashboard(model: "m", explore: "e"))
                reference.isCertain = index != 7
                table.append(reference)
            }
        }
        table.append(Reference(kind: .view, name: "orders", location: SourceRange(file: "v.view.lkml", range: 9..<15), scope: .file))
        table.finish()
        let sites = table.references
        #expect(sites.count == 1_001)
        #expect(sites[0].isDefinition && !sites[2].isDefinition)
        #expect(sites[0].name == "id" && sites[0].qualifier == "users" && sites[2].qualifier == nil)
        #expect(sites[1].name == "name_1" && sites[1].kind == .alias && sites[1].location.range == 9..<15)
        #expect(!sites[7].isCertain && sites[9].isCertain && sites[0].isCertain)
        #expect(sites[5].qualifier == "orders" && sites[3].qualifier == nil)
        #expect(sites[498].scope == .view("users") && sites[500].scope == .view("orders") && sites[1].scope == .dashboard(model: "m", explore: "e"))
        #expect(sites[1_000].name == "orders" && sites[1_000].kind == .view && sites[1_000].scope == .file)
        #expect(sites.allSatisfy { $0.location.file == "v.view.lkml" })
    }

    @Test("a file loaded without its references collects the same ones when asked")
    func referencesCollectedOnDemand() {
        for (path, bytes) in FixtureProject.files().sorted(by: { $0.key < $1.key }) {
            let kept = ProjectFile(path: path, bytes: bytes)
            let dropped = ProjectFile(path: path, bytes: bytes, retainingTree: false, collectingReferences: false)
            #expect(dropped.references.map(describe) == kept.references.map(describe), "\(path)")
        }
    }
}
