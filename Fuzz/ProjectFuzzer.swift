// libFuzzer entry point for the project model: the definition and reference collectors and `check`. Built by
// scripts/fuzz.sh into one module with the LookMLSyntax, YAMLSupport, NameSuggestions and LookMLProject sources.
// The input is a view file (or, when its first byte is odd, a YAML dashboard) next to a model that includes it and
// names an explore. Every input must satisfy:
// - no crash, no hang;
// - every reference site and every finding lies inside its file;
// - a file loaded without its references collects the same sites when asked.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProject(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = (bytes.first ?? 0) & 1 == 1 ? "dashboards/f.dashboard.lookml" : "views/f.view.lkml"
    let file = ProjectFile(path: path, bytes: bytes)
    let model = ProjectFile(path: "m.model.lkml", bytes: Array("""
        connection: "c"
        include: "/views/*.view"
        include: "/dashboards/*.dashboard"
        explore: f { join: g { sql_on: ${f.id} = ${g.id} ;; } }
        """.utf8))
    let sites = file.references
    for site in sites where site.location.range.lowerBound < 0 || site.location.range.upperBound > size {
        fatalError("site \(site.kind) '\(site.name)' outside the input: \(site.location.range)")
    }
    if path.hasSuffix(".view.lkml") {
        let again = ProjectFile(path: path, bytes: bytes, retainingTree: false, collectingReferences: false).references
        guard again.map(\.location.range) == sites.map(\.location.range), again.map(\.name) == sites.map(\.name) else {
            fatalError("references collected on demand differ")
        }
    }
    for finding in Checker(project: Project(files: [file, model])).check() where finding.file == path {
        if finding.range.lowerBound < 0 || finding.range.upperBound > size {
            fatalError("finding \(finding.id) outside the input: \(finding.range)")
        }
    }
    return 0
}
