import Foundation
import LookMLCommands
import LookMLProject
import SQLCompiler
import SQLDialect

/// The test target's folder, its fixtures and golden files.
enum SQLFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = directory.appendingPathComponent("Golden")
    static let goldenProject = directory.appendingPathComponent("Fixtures/golden")

    /// Every LookML file under a fixture folder, by path relative to it.
    static func files(at root: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue, ProjectFile.Kind.of(relative) != nil {
                result[relative] = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            }
        }
        return result
    }

    static func project(_ files: [String: String]) -> Project {
        Project(files: files.map { ProjectFile(path: $0.key, bytes: Array($0.value.utf8)) })
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["LOOKML_UPDATE_GOLDEN"] == "1" }
}

/// LookML with `↓` markers before the text a finding should point at: the clean text and each marker's line:col.
struct MarkedText {
    let text: String
    let markers: [String]

    init(_ marked: String) {
        var text = ""
        var markers: [String] = []
        var line = 1, column = 1
        for character in marked {
            if character == "↓" { markers.append("\(line):\(column)"); continue }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        self.text = text
        self.markers = markers
    }
}

/// Runs `lookml` in-process against an in-memory file system.
struct SQLToolRun {
    let exitCode: Int32
    let output: String
    let error: String

    init(_ arguments: [String], files: [String: String]) {
        let capture = CapturingConsole()
        let context = CommandContext(console: capture.console, fileSystem: InMemoryFileSystem(files: files))
        exitCode = LookMLTool.run(arguments, context: context)
        output = capture.outputText
        error = capture.errorText
    }
}
