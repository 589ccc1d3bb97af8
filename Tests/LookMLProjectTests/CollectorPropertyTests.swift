import LookMLProject
import LookMLSyntax
import LookMLTestSupport
import Testing

/// The definition and reference collectors and the checker on damaged input: random documents with random edits
/// never crash them, every site lies inside its file and is named without field-list or refinement syntax, files
/// loaded without their sites find as many again, and `check` reports positions inside the files.
@Suite("Collectors on mutated documents")
struct CollectorPropertyTests {
    @Test("mutated views: sites in bounds and named without list syntax, check never crashes", arguments: [21, 22, 23] as [UInt64])
    func mutatedViews(seed: UInt64) {
        var generator = RandomLookML(seed: seed)
        for index in 0..<600 {
            let bytes = generator.mutated(generator.document(), edits: 1 + index % 6)
            let view = ProjectFile(path: "views/v.view.lkml", bytes: bytes)
            let model = ProjectFile(path: "m.model.lkml", bytes: Array("connection: \"c\"\ninclude: \"/views/*.view\"\nexplore: v {}\n".utf8))
            for site in view.references {
                #expect(site.location.range.lowerBound >= 0 && site.location.range.upperBound <= bytes.count, "seed \(seed) case \(index)")
                // Field-list syntax (`-`, `*`, `view.`) and a refinement's `+` are never part of a name.
                if !site.isDefinition, site.kind == .field || site.kind == .set {
                    #expect(!site.name.hasPrefix("-") && !site.name.hasSuffix("*") && !site.name.contains("."),
                            "seed \(seed) case \(index): \(site.kind) '\(site.name)'")
                }
                if site.kind == .view || site.kind == .explore { #expect(!site.name.hasPrefix("+"), "seed \(seed) case \(index)") }
            }
            let onDemand = ProjectFile(path: "views/v.view.lkml", bytes: bytes, retainingTree: false, collectingReferences: false)
            #expect(onDemand.references.count == view.references.count, "seed \(seed) case \(index)")
            for finding in Checker(project: Project(files: [view, model])).check() where finding.file == view.path {
                #expect(finding.range.lowerBound >= 0 && finding.range.upperBound <= bytes.count, "seed \(seed) case \(index): \(finding.id)")
            }
        }
    }
}
