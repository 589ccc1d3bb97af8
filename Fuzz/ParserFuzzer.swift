// libFuzzer entry point for the LookML parser and formatter. Built by scripts/fuzz.sh into one module with the
// LookMLSyntax and LookMLFormat sources (no `import`s needed). Every input must satisfy:
// - no crash, no hang;
// - parse then print gives the input back, byte for byte;
// - every diagnostic's range lies inside the input;
// - when the input has no errors: formatting is idempotent and keeps the lkml-json.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let tree = SyntaxTree.parse(SourceFile(path: "fuzz", bytes: bytes))
    guard tree.printedBytes() == bytes else { fatalError("round trip changed the input") }
    for diagnostic in tree.diagnostics where diagnostic.range.lowerBound < 0 || diagnostic.range.upperBound > size {
        fatalError("diagnostic \(diagnostic.id) outside the input: \(diagnostic.range)")
    }
    guard !tree.hasErrors, let once = try? Formatter().format(tree) else { return 0 }
    let formattedTree = SyntaxTree.parse(SourceFile(path: "fuzz", bytes: once))
    guard !formattedTree.hasErrors else { fatalError("formatted output does not parse cleanly") }
    guard (try? Formatter().format(formattedTree)) == once else { fatalError("formatting is not idempotent") }
    var before = LkmlJSONConverter(tree: tree)
    var after = LkmlJSONConverter(tree: formattedTree)
    guard before.json() == after.json() else { fatalError("formatting changed the lkml-json") }
    return 0
}
