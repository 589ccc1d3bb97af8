import LookMLProject
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
            let table = ReferenceTable(path: path, references: sites)
            #expect(table.count == sites.count)
            #expect(table.references.map(describe) == sites.map(describe), "\(path)")
            total += sites.count
        }
        #expect(total > 100, "the fixture project should exercise many kinds of sites")
        // Dashboards keep uncertain sites and dashboard scopes.
        #expect(project.references.contains { !$0.isCertain })
        #expect(project.references.contains { if case .dashboard = $0.scope { return true } else { return false } })
    }

    @Test("names, qualifiers and scopes are shared, not repeated, and order is kept")
    func sharedNamesKeepOrder() {
        var table = ReferenceTable(path: "v.view.lkml")
        for index in 0..<1_000 {
            table.append(kind: index.isMultiple(of: 2) ? .field : .alias, name: "name_\(index % 3)", qualifier: index.isMultiple(of: 5) ? "users" : nil,
                         range: index..<index + 6, scope: .view(index < 500 ? "users" : "orders"), isDefinition: index == 0,
                         isCertain: index != 7)
        }
        table.finish()
        let sites = table.references
        #expect(sites.count == 1_000)
        #expect(sites.map(\.location.range.lowerBound) == Array(0..<1_000))
        #expect(sites[0].isDefinition && !sites[1].isDefinition)
        #expect(!sites[7].isCertain && sites[8].isCertain)
        #expect(sites[10].qualifier == "users" && sites[11].qualifier == nil)
        #expect(sites[499].scope == .view("users") && sites[500].scope == .view("orders"))
        #expect(sites[4].name == "name_1" && sites[4].kind == .field && sites[5].kind == .alias)
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
