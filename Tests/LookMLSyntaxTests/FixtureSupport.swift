import Foundation
import LookMLSyntax

/// Locates and reads the fixtures next to this file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Base names (without `.lkml`) of the fixtures in a folder, sorted.
    static func names(in folder: String) -> [String] {
        let url = directory.appendingPathComponent(folder)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return entries.filter { $0.hasSuffix(".lkml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func bytes(_ folder: String, _ name: String, extension ext: String = "lkml") -> [UInt8] {
        let url = directory.appendingPathComponent(folder).appendingPathComponent("\(name).\(ext)")
        return (try? Array(Data(contentsOf: url))) ?? []
    }

    static func source(_ folder: String, _ name: String) -> SourceFile {
        SourceFile(path: "\(folder)/\(name).lkml", bytes: bytes(folder, name))
    }
}

/// Compares two JSON texts structurally (key order ignored), as the Python `lkml` output is a dict.
func jsonEqual(_ lhs: String, _ rhs: String) -> Bool {
    guard let a = try? JSONSerialization.jsonObject(with: Data(lhs.utf8), options: [.fragmentsAllowed]),
          let b = try? JSONSerialization.jsonObject(with: Data(rhs.utf8), options: [.fragmentsAllowed]) else { return false }
    return NSDictionary(dictionary: ["v": a]).isEqual(to: ["v": b])
}
