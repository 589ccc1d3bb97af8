import LookMLProject
import LookMLSyntax

/// A finding with its positions resolved: what every reporter renders.
public struct FindingRecord: Sendable {
    public var finding: Finding
    public var start: SourceLocation
    public var end: SourceLocation
    /// The file's text, for excerpts (nil when the file is unknown).
    public var source: SourceFile?

    public init(finding: Finding, source: SourceFile?) {
        self.finding = finding
        self.source = source
        start = source?.location(of: finding.range.lowerBound) ?? SourceLocation(offset: 0, line: 1, column: 1)
        end = source?.location(of: finding.range.upperBound) ?? start
    }
}

/// What SARIF says about a rule: its id, a readable name, a one-line description and help text.
public struct RuleMetadata: Sendable {
    public var id: String
    public var name: String
    public var shortDescription: String
    /// Markdown: why the rule exists and what to do.
    public var help: String
    public var defaultSeverity: Severity
    public var tags: [String]

    public init(id: String, name: String, shortDescription: String, help: String, defaultSeverity: Severity, tags: [String] = []) {
        self.id = id
        self.name = name
        self.shortDescription = shortDescription
        self.help = help
        self.defaultSeverity = defaultSeverity
        self.tags = tags
    }
}

/// The output formats of `check`, `lint` (and later `validate`).
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, checkstyle

    /// Renders records; `tool` names the command in SARIF, JUnit and Checkstyle; `rules` describes the finding ids
    /// for SARIF (ids without metadata are described by their first message).
    public func render(_ records: [FindingRecord], tool: String, colored: Bool = false, rules: [RuleMetadata] = []) -> String {
        switch self {
        case .text: return TextReporter(colored: colored).render(records)
        case .json: return JSONReporter().render(records)
        case .sarif: return SARIFReporter(tool: tool, rules: rules).render(records)
        case .github: return GitHubReporter().render(records)
        case .junit: return JUnitReporter(tool: tool).render(records)
        case .checkstyle: return CheckstyleReporter(tool: tool).render(records)
        }
    }
}

/// Compiler-style lines with a source excerpt, then a summary line.
struct TextReporter {
    let colored: Bool

    func render(_ records: [FindingRecord]) -> String {
        // Tens of thousands of findings on a large project: rendered in chunks on all cores, joined in order.
        let chunk = 2_000
        let renderer = DiagnosticRenderer(colored: colored)
        var output = parallelMap((records.count + chunk - 1) / chunk) { index in
            var text = ""
            for record in records[index * chunk..<min(records.count, (index + 1) * chunk)] {
                let finding = record.finding
                let diagnostic = Diagnostic(id: MessageID(finding.id), severity: finding.severity, message: finding.message, range: finding.range)
                if let source = record.source {
                    text += renderer.render(diagnostic, in: source, path: finding.file)
                } else {
                    text += "\(finding.file): \(finding.severity.rawValue): \(finding.message) [\(finding.code)]\n"
                }
            }
            return text
        }.joined()
        let errors = records.filter { $0.finding.severity == .error }.count
        let warnings = records.filter { $0.finding.severity == .warning }.count
        output += records.isEmpty ? "no problems found\n" : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return output
    }
}

/// One JSON array of records.
struct JSONReporter {
    func render(_ records: [FindingRecord]) -> String {
        var writer = JSONWriter(indent: 2)
        writer.beginArray()
        for record in records {
            let finding = record.finding
            writer.beginObject()
            writer.key("id"); writer.string(finding.id)
            writer.key("severity"); writer.string(finding.severity.rawValue)
            writer.key("message"); writer.string(finding.message)
            writer.key("file"); writer.string(finding.file)
            writer.key("line"); writer.number(record.start.line)
            writer.key("column"); writer.number(record.start.column)
            writer.key("endLine"); writer.number(record.end.line)
            writer.key("endColumn"); writer.number(record.end.column)
            writer.key("suggestion")
            if let suggestion = finding.suggestion { writer.string(suggestion) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : (severity == .warning ? "warning" : "note")
    }
}

/// GitHub Actions workflow commands: one annotation line per finding.
struct GitHubReporter {
    func render(_ records: [FindingRecord]) -> String {
        records.map { record in
            let finding = record.finding
            let level = finding.severity == .error ? "error" : (finding.severity == .warning ? "warning" : "notice")
            return "::\(level) file=\(escapeProperty(finding.file)),line=\(record.start.line),col=\(record.start.column),endLine=\(record.end.line),endColumn=\(record.end.column),title=\(finding.code)::\(escapeData(finding.message))\n"
        }.joined()
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// JUnit XML: one test case per file, failing with its findings.
struct JUnitReporter {
    let tool: String

    func render(_ records: [FindingRecord]) -> String {
        var byFile: [String: [FindingRecord]] = [:]
        for record in records { byFile[record.finding.file, default: []].append(record) }
        let failures = byFile.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(escape(tool))\" tests=\"\(max(failures, 1))\" failures=\"\(failures)\">\n"
        xml += "  <testsuite name=\"\(escape(tool))\" tests=\"\(max(failures, 1))\" failures=\"\(failures)\">\n"
        if byFile.isEmpty { xml += "    <testcase name=\"project\" classname=\"\(escape(tool))\"/>\n" }
        for file in byFile.keys.sorted() {
            xml += "    <testcase name=\"\(escape(file))\" classname=\"\(escape(tool))\">\n"
            for record in byFile[file]! {
                let finding = record.finding
                xml += "      <failure type=\"\(finding.code)\" message=\"\(escape(finding.message))\">\(escape("\(file):\(record.start.line):\(record.start.column): \(finding.severity.rawValue): \(finding.message) [\(finding.code)]"))</failure>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private func escape(_ text: String) -> String { xmlEscaped(text) }
}

/// Checkstyle XML: one `<file>` per file, one `<error>` per finding (the format many CI tools import).
struct CheckstyleReporter {
    let tool: String

    func render(_ records: [FindingRecord]) -> String {
        var byFile: [String: [FindingRecord]] = [:]
        for record in records { byFile[record.finding.file, default: []].append(record) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"8.0\">\n"
        for file in byFile.keys.sorted() {
            xml += "  <file name=\"\(xmlEscaped(file))\">\n"
            for record in byFile[file]! {
                let finding = record.finding
                xml += "    <error line=\"\(record.start.line)\" column=\"\(record.start.column)\" severity=\"\(finding.severity.rawValue)\" "
                xml += "message=\"\(xmlEscaped(finding.message))\" source=\"lookml.\(xmlEscaped(tool)).\(xmlEscaped(finding.code))\"/>\n"
            }
            xml += "  </file>\n"
        }
        return xml + "</checkstyle>\n"
    }
}

/// Text for an XML attribute or element: markup characters escaped, control characters (invalid in XML 1.0) replaced.
func xmlEscaped(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&apos;"
        default:
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { output += "?" } else { output.unicodeScalars.append(scalar) }
        }
    }
    return output
}

/// SARIF 2.1.0 with one rule per finding id: from `rules` when described there (name, help, default level, tags),
/// else named by its id and described by its first message.
struct SARIFReporter {
    let tool: String
    var rules: [RuleMetadata] = []

    func render(_ records: [FindingRecord]) -> String {
        var writer = JSONWriter(indent: 2)
        writer.beginObject()
        writer.key("$schema"); writer.string("https://json.schemastore.org/sarif-2.1.0.json")
        writer.key("version"); writer.string("2.1.0")
        writer.key("runs"); writer.beginArray(); writer.beginObject()
        writer.key("tool"); writer.beginObject()
        writer.key("driver"); writer.beginObject()
        writer.key("name"); writer.string("lookml \(tool)")
        writer.key("version"); writer.string(LookMLTool.version)
        writer.key("informationUri"); writer.string("https://github.com/lookml-toolkit/lookml")
        writer.key("rules"); writer.beginArray()
        let ids = Array(Set(records.map(\.finding.id))).sorted()
        for id in ids {
            writer.beginObject()
            writer.key("id"); writer.string(id)
            if let rule = rules.first(where: { $0.id == id }) {
                writer.key("name"); writer.string(rule.name)
                writer.key("shortDescription"); writer.beginObject(); writer.key("text"); writer.string(rule.shortDescription); writer.endObject()
                writer.key("fullDescription"); writer.beginObject(); writer.key("text"); writer.string(rule.shortDescription); writer.endObject()
                writer.key("help"); writer.beginObject()
                writer.key("text"); writer.string(rule.help)
                writer.key("markdown"); writer.string(rule.help)
                writer.endObject()
                writer.key("defaultConfiguration"); writer.beginObject(); writer.key("level"); writer.string(Self.level(rule.defaultSeverity)); writer.endObject()
                if !rule.tags.isEmpty {
                    writer.key("properties"); writer.beginObject(); writer.key("tags"); writer.beginArray()
                    for tag in rule.tags { writer.string(tag) }
                    writer.endArray(); writer.endObject()
                }
            } else {
                writer.key("name"); writer.string(id)
                writer.key("shortDescription"); writer.beginObject(); writer.key("text")
                writer.string(records.first { $0.finding.id == id }?.finding.message ?? id)
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject(); writer.endObject()
        writer.key("results"); writer.beginArray()
        for record in records {
            let finding = record.finding
            writer.beginObject()
            writer.key("ruleId"); writer.string(finding.id)
            writer.key("ruleIndex"); writer.number(ids.firstIndex(of: finding.id) ?? 0)
            writer.key("level"); writer.string(Self.level(finding.severity))
            writer.key("message"); writer.beginObject(); writer.key("text"); writer.string(finding.message); writer.endObject()
            writer.key("locations"); writer.beginArray(); writer.beginObject()
            writer.key("physicalLocation"); writer.beginObject()
            writer.key("artifactLocation"); writer.beginObject(); writer.key("uri"); writer.string(finding.file); writer.endObject()
            writer.key("region"); writer.beginObject()
            writer.key("startLine"); writer.number(record.start.line)
            writer.key("startColumn"); writer.number(record.start.column)
            writer.key("endLine"); writer.number(record.end.line)
            writer.key("endColumn"); writer.number(record.end.column)
            writer.endObject()
            writer.endObject()
            writer.endObject(); writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject(); writer.endArray()
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : (severity == .warning ? "warning" : "note")
    }
}
