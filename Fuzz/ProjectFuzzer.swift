// libFuzzer entry point for the project model: the definition and reference collectors, `check` and `lint`. Built by
// scripts/fuzz.sh into one module with the LookMLSyntax, YAMLSupport, NameSuggestions, LookMLProject and LookMLLint
// sources.
// The input is a view file (or, when its first byte is odd, a YAML dashboard) next to a model that includes it and
// names an explore. Every input must satisfy:
// - no crash, no hang;
// - every reference site and every finding lies inside its file;
// - a file loaded without its references collects the same sites when asked;
// - lint finds the same with file rules run as files load (trees dropped) as on the project kept whole, and every
//   lint finding lies inside its file.

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
    let linter = Linter()
    let whole = linter.lint(Project(files: [file, model]))
    var inspections: [String: FileLintResult] = [:]
    let streamed = Project(files: [file, model].map { loaded in
        ProjectFile(path: loaded.path, bytes: loaded.source.bytes, retainingTree: false) { inspected, tree in
            inspections[inspected.path] = linter.lintFile(inspected, tree: tree)
        }
    })
    guard linter.lint(streamed, files: inspections).findings == whole.findings else {
        fatalError("lint at load time differs from lint of the whole project")
    }
    for finding in whole.findings where finding.file == path {
        if finding.range.lowerBound < 0 || finding.range.upperBound > size + 1 {
            fatalError("lint finding \(finding.code) outside the input: \(finding.range)")
        }
    }
    return 0
}
