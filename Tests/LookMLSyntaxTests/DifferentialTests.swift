import Foundation
import Testing
import LookMLSyntax
import LookMLTestSupport

/// Compares `lkml-json` with the Python `lkml` library itself, when it is importable. Set `LOOKML_LKML_PYTHON`
/// to the interpreter that has it (CI installs it into a virtual environment); otherwise `python3` is tried.
/// Skipped, with a note, when neither has `lkml`.
@Suite("Differential against Python lkml")
struct DifferentialTests {
    /// Fixtures the Python library cannot read the way Looker does (CRLF, BOM, `{:`); their JSON is hand-written.
    static let notForOracle: Set<String> = ["crlf_line_endings", "bom", "stray_colon_after_brace"]

    static let python: String? = {
        let candidates = [ProcessInfo.processInfo.environment["LOOKML_LKML_PYTHON"], "/usr/bin/env"].compactMap { $0 }
        for candidate in candidates {
            let arguments = candidate == "/usr/bin/env" ? ["python3", "-c", "import lkml"] : ["-c", "import lkml"]
            if (try? runProcess(candidate, arguments, input: nil))?.status == 0 {
                return candidate
            }
        }
        return nil
    }()

    /// Loads every file named on standard input with lkml and prints {path: result-or-null}.
    static let script = """
    import json, sys, lkml
    out = {}
    for path in sys.stdin.read().split("\\n"):
        if not path:
            continue
        try:
            out[path] = lkml.load(open(path, encoding="utf-8").read())
        except Exception:
            out[path] = None
    print(json.dumps(out))
    """

    static func oracle(_ paths: [String]) throws -> [String: Any] {
        guard let python else { return [:] }
        let arguments = python == "/usr/bin/env" ? ["python3", "-c", script] : ["-c", script]
        let result = try runProcess(python, arguments, input: paths.joined(separator: "\n"))
        return (try JSONSerialization.jsonObject(with: result.output) as? [String: Any]) ?? [:]
    }

    static func ours(_ path: String) throws -> Any {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var converter = LkmlJSONConverter(tree: SyntaxTree.parse(SourceFile(path: path, bytes: bytes)))
        return try JSONSerialization.jsonObject(with: Data(converter.json()))
    }

    @Test("fixtures give the same structure as lkml.load", .enabled(if: python != nil, "the Python lkml package is not importable; set LOOKML_LKML_PYTHON"))
    func fixtures() throws {
        let names = Fixtures.names(in: "valid").filter { !Self.notForOracle.contains($0) }
        let paths = names.map { Fixtures.directory.appendingPathComponent("valid/\($0).lkml").path }
        let expected = try Self.oracle(paths)
        #expect(expected.count == paths.count)
        for path in paths {
            let theirs = try #require(expected[path] as? [String: Any], "lkml failed on \(path)")
            #expect(NSDictionary(dictionary: theirs).isEqual(to: try Self.ours(path) as? [String: Any] ?? [:]), "\(path)")
        }
    }

    @Test("seeded random documents give the same structure as lkml.load", .enabled(if: python != nil, "the Python lkml package is not importable; set LOOKML_LKML_PYTHON"))
    func randomDocuments() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lookml-differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = RandomLookML(seed: 77)
        var paths: [String] = []
        for index in 0..<300 {
            let path = directory.appendingPathComponent("case\(index).lkml").path
            try Data(generator.document().utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let expected = try Self.oracle(paths)
        var compared = 0
        for path in paths {
            // lkml refuses a non-repeatable key given twice in a block; such cases are not comparable.
            guard let theirs = expected[path] as? [String: Any] else { continue }
            compared += 1
            #expect(NSDictionary(dictionary: theirs).isEqual(to: try Self.ours(path) as? [String: Any] ?? [:]), "\(path)")
        }
        #expect(compared > 150)
    }
}

/// Runs a program and returns its exit status and standard output.
func runProcess(_ executable: String, _ arguments: [String], input: String?) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe(), errors = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    _ = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}
