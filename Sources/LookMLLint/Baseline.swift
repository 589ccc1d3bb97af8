import Foundation
import LookMLProject
import LookMLSyntax

/// Findings accepted as they are: `--baseline FILE` fails only on findings not in it. An entry matches a finding by
/// rule, file, message and the text of the finding's line (trimmed), so entries survive lines moving up or down;
/// each entry matches one finding.
public struct Baseline: Codable, Equatable, Sendable {
    public struct Entry: Codable, Hashable, Sendable, Comparable {
        public var rule: String
        public var file: String
        public var message: String
        /// The finding's source line, trimmed.
        public var line: String

        public init(rule: String, file: String, message: String, line: String) {
            self.rule = rule
            self.file = file
            self.message = message
            self.line = line
        }

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.file, lhs.rule, lhs.message, lhs.line) < (rhs.file, rhs.rule, rhs.message, rhs.line)
        }
    }

    public static let currentVersion = 1
    public var version: Int
    public var entries: [Entry]

    public init(entries: [Entry]) {
        version = Self.currentVersion
        self.entries = entries.sorted()
    }

    /// The entry a finding would have.
    public static func entry(for finding: LintFinding, in project: Project) -> Entry {
        let line = project.files[finding.file].map { source in
            source.source.lineText(source.source.location(of: finding.range.lowerBound).line).trimmingCharacters(in: .whitespaces)
        } ?? ""
        return Entry(rule: finding.code, file: finding.file, message: finding.message, line: line)
    }

    /// A baseline of these findings.
    public static func of(_ findings: [LintFinding], in project: Project) -> Baseline {
        Baseline(entries: findings.map { entry(for: $0, in: project) })
    }

    /// Splits findings into new ones and those the baseline accepts; also returns the entries nothing matched
    /// (stale: fixed since the baseline was written).
    public func partition(_ findings: [LintFinding], in project: Project) -> (new: [LintFinding], baselined: [LintFinding], stale: [Entry]) {
        var remaining: [Entry: Int] = [:]
        for entry in entries { remaining[entry, default: 0] += 1 }
        var new: [LintFinding] = [], baselined: [LintFinding] = []
        for finding in findings {
            let entry = Self.entry(for: finding, in: project)
            if let count = remaining[entry], count > 0 {
                remaining[entry] = count - 1
                baselined.append(finding)
            } else {
                new.append(finding)
            }
        }
        let stale = remaining.flatMap { entry, count in Array(repeating: entry, count: count) }.sorted()
        return (new, baselined, stale)
    }

    public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
        case invalid(String)
        case unsupportedVersion(Int)

        public var description: String {
            switch self {
            case .invalid(let reason): return "not a lookml lint baseline: \(reason)"
            case .unsupportedVersion(let version): return "baseline version \(version) is not supported (this lookml writes version \(Baseline.currentVersion))"
            }
        }
    }

    public static func decode(_ bytes: [UInt8]) throws(LoadError) -> Baseline {
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: Data(bytes))
        } catch {
            throw .invalid(String(describing: error))
        }
        guard baseline.version == currentVersion else { throw .unsupportedVersion(baseline.version) }
        return baseline
    }

    /// Stable JSON: sorted keys and entries, two-space indentation, a final newline.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Baseline(entries: entries))) ?? Data("{}".utf8)
        return Array(data) + [UInt8(ascii: "\n")]
    }
}
