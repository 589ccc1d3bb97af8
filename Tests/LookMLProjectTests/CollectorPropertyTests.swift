import LookMLProject
import LookMLSyntax
import LookMLTestSupport
import Testing

/// The definition and reference collectors and the checker on damaged input: random documents with random edits
/// never crash them, every site lies inside its file and is named without field-list or refinement syntax, files
/// loaded without their sites find as many again, and `check` reports positions inside the files.
@Suite("Collectors on mutated documents")
struct CollectorPropertyTests {
    @Test("an unknown qualifier that is not UTF-8 is reported at its own bytes (found by the project fuzzer)")
    func unknownQualifierNotUTF8() {
        // `drill_fields: [us<0xB9 x 40>ers.id]`: the qualifier's text (with U+FFFD for each bad byte) is longer
        // than its bytes, so a range worked out from the text started before the file.
        let head = Array("view: opens {\n  dimension: id {\n    drill_fields: [us".utf8)
        let bytes = head + [UInt8](repeating: 0xB9, count: 40) + Array("ers.id]\n  }\n}\n".utf8)
        let view = ProjectFile(path: "views/v.view.lkml", bytes: bytes)
        let qualifierStart = head.count - 2, qualifierEnd = head.count + 40 + 3
        let findings = Checker(project: Project(files: [view])).check().filter { $0.id == CheckMessages.unknownView.0 }
        #expect(findings.count == 1)
        #expect(findings.first?.range == qualifierStart..<qualifierEnd)
    }

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
