import Foundation
import LookMLProject

/// The fixture project's files, read from disk into memory.
enum FixtureProject {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/project")

    static func files() -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               ProjectFile.Kind.of(relative) != nil {
                result[relative] = Array((try? Data(contentsOf: url)) ?? Data())
            }
        }
        return result
    }

    static func project(_ files: [String: [UInt8]]) -> Project {
        Project(files: files.map { ProjectFile(path: $0.key, bytes: $0.value) })
    }

    /// Applies a rename plan to in-memory files.
    static func apply(_ plan: Renamer.Plan, to files: [String: [UInt8]]) -> [String: [UInt8]] {
        var result = files
        for (path, edits) in plan.edits { result[path] = plan.apply(to: files[path]!, edits: edits) }
        for move in plan.moves { result[move.to] = result.removeValue(forKey: move.from) }
        return result
    }

    /// Replaces the first occurrence of `old` in a file.
    static func replacing(_ files: [String: [UInt8]], _ path: String, _ old: String, _ new: String) -> [String: [UInt8]] {
        var result = files
        let text = String(decoding: files[path]!, as: UTF8.self)
        guard let range = text.range(of: old) else { fatalError("'\(old)' not in \(path)") }
        result[path] = Array(text.replacingCharacters(in: range, with: new).utf8)
        return result
    }
}
