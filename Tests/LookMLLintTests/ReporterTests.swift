import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LookMLCommands
import LookMLLint
import Testing

@Suite("lookml lint output")
struct ReporterTests {
    static func run(_ format: String, _ extra: [String] = []) -> ToolRun {
        runTool(["lint", "p", "--format", format] + extra, files: SampleProject.fileSystem())
    }

    @Test("text: compiler-style lines with an excerpt and a summary; exit 1 on an error finding")
    func text() {
        let run = Self.run("text")
        #expect(run.exitCode == 1)
        #expect(run.output.contains("p/views/orders.view.lkml:9:12: error: tag braze_id on 'orders.user_id' is not quoted; write \"braze_id\" [LK508]\n"))
        #expect(run.output.contains("p/views/users.view.lkml:1:7: warning: view 'users' has no primary key"))
        #expect(run.output.contains("p/models/shop.model.lkml:5:9: warning: join 'users' in explore 'orders' has no relationship"))
        #expect(run.output.hasSuffix("1 error, 2 warnings\n"))
        #expect(!run.output.contains("\u{1B}["))
    }

    @Test("json: one record per finding")
    func json() throws {
        let run = Self.run("json")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        #expect(records.map { $0["id"] as? String } == ["LK201", "LK508", "LK101"])
        #expect(records[1]["line"] as? Int == 9 && records[1]["column"] as? Int == 12)
    }

    @Test("SARIF 2.1.0: a run with rule metadata (id, name, help) and results pointing at them")
    func sarif() throws {
        let run = Self.run("sarif")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "lookml lint")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["LK101", "LK201", "LK508"])
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let description = try #require(RuleRegistry.lookup(id))
            #expect(rule["name"] as? String == description.name)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == description.summary)
            let help = try #require(rule["help"] as? [String: Any])
            #expect((help["text"] as? String)?.hasPrefix(String(description.rationale.prefix(40))) == true)
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String != nil)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let id = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == id)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect(((location["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasPrefix("p/") == true)
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
        }
    }

    @Test("github: one ::level file=…,line=…,col=… annotation per finding")
    func github() {
        let lines = Self.run("github").output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for line in lines {
            #expect(line.wholeMatch(of: /::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=LK\d{3}::.+/) != nil, "\(line)")
        }
        #expect(lines.contains("::error file=p/views/orders.view.lkml,line=9,col=12,endLine=9,endColumn=20,title=LK508::tag braze_id on 'orders.user_id' is not quoted; write \"braze_id\""))
    }

    @Test("junit and checkstyle: well-formed XML with every finding", arguments: ["junit", "checkstyle"])
    func xml(format: String) throws {
        let output = Self.run(format).output
        try XMLCheck.wellFormed(output)
        #if canImport(FoundationXML)
        let document = try XMLDocument(xmlString: output)
        if format == "checkstyle" {
            #expect(document.rootElement()?.name == "checkstyle")
            let errors = try document.nodes(forXPath: "//file/error")
            #expect(errors.count == 3)
            let sources = errors.compactMap { ($0 as? XMLElement)?.attribute(forName: "source")?.stringValue }
            #expect(sources.sorted() == ["lookml.lint.LK101", "lookml.lint.LK201", "lookml.lint.LK508"])
        } else {
            #expect(document.rootElement()?.name == "testsuites")
            #expect(try document.nodes(forXPath: "//testcase/failure").count == 3)
        }
        #endif
    }

    @Test("markup in messages is escaped in XML")
    func escaping() throws {
        let files = SampleProject.fileSystem(["p/views/odd.view.lkml": "view: odd_<&>\" {\n  dimension: x { sql: 1 ;; }\n}\n"])
        for format in ["junit", "checkstyle"] {
            try XMLCheck.wellFormed(runTool(["lint", "p", "--format", format], files: files).output)
        }
    }

    @Test("a clean project exits 0 in every format")
    func clean() {
        let files = InMemoryFileSystem(files: ["p/views/orders.view.lkml": "view: orders {\n  dimension: id {\n    primary_key: yes\n    sql: ${TABLE}.id ;;\n  }\n}\n"])
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let run = runTool(["lint", "p", "--format", format], files: files)
            #expect(run.exitCode == 0, "\(format): \(run.output)")
        }
        #expect(runTool(["lint", "p"], files: files).output == "no problems found\n")
    }

    @Test("usage errors exit 2")
    func usage() {
        let files = SampleProject.fileSystem()
        #expect(runTool(["lint", "p", "--format", "yaml"], files: files).error.contains("choose from: text, json, sarif, github, junit, checkstyle"))
        #expect(runTool(["lint", "p", "--write-baseline"], files: files).exitCode == 2)
        #expect(runTool(["lint", "p", "q"], files: files).exitCode == 2)
        #expect(runTool(["lint", "nowhere"], files: files).exitCode == 2)
        let help = runTool(["lint", "--help"], files: files)
        #expect(help.exitCode == 0 && help.output.contains("--write-baseline") && help.output.contains("disable-next-line"))
        let list = runTool(["lint", "--list-rules"], files: files)
        #expect(list.output.split(separator: "\n").count == RuleRegistry.rules.count)
    }
}

/// A small XML well-formedness check (elements nest and close, attributes are quoted, entities are known), used
/// everywhere and in addition to Foundation's parser where it exists.
enum XMLCheck {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func wellFormed(_ xml: String) throws {
        let characters = Array(xml.unicodeScalars)
        var index = 0
        var stack: [String] = []
        var sawRoot = false
        func fail(_ message: String) -> Failure { Failure(description: "\(message) at scalar \(index)") }
        func checkText(_ text: String) throws {
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                let after = rest[rest.index(after: amp)...]
                guard let semicolon = after.firstIndex(of: ";") else { throw fail("unterminated entity") }
                let entity = after[..<semicolon]
                guard ["amp", "lt", "gt", "quot", "apos"].contains(entity) || entity.hasPrefix("#") else { throw fail("unknown entity &\(entity);") }
                rest = after[after.index(after: semicolon)...]
            }
            if text.contains("<") { throw fail("'<' in text") }
        }
        while index < characters.count {
            if characters[index] != "<" {
                var text = ""
                while index < characters.count, characters[index] != "<" { text.unicodeScalars.append(characters[index]); index += 1 }
                if stack.isEmpty, !text.allSatisfy(\.isWhitespace) { throw fail("text outside the root element") }
                try checkText(text)
                continue
            }
            var tag = ""
            var quote: Unicode.Scalar?
            index += 1
            while index < characters.count {
                let scalar = characters[index]
                if let open = quote { if scalar == open { quote = nil } } else if scalar == "\"" || scalar == "'" { quote = scalar } else if scalar == ">" { break }
                tag.unicodeScalars.append(scalar)
                index += 1
            }
            guard index < characters.count else { throw fail("unterminated tag") }
            index += 1
            if tag.hasPrefix("?") { guard tag.hasSuffix("?") else { throw fail("bad declaration") }; continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                guard stack.popLast() == name else { throw fail("</\(name)> closes nothing open") }
                continue
            }
            let selfClosing = tag.hasSuffix("/")
            let body = selfClosing ? String(tag.dropLast()) : tag
            let name = String(body.prefix { !$0.isWhitespace })
            guard name.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_.:-]*/) != nil else { throw fail("bad element name '\(name)'") }
            var attributes = Substring(body.dropFirst(name.count))
            while let match = attributes.firstMatch(of: /\s*([A-Za-z_:][A-Za-z0-9_.:-]*)="([^"]*)"/), match.range.lowerBound == attributes.startIndex {
                try checkText(String(match.2))
                attributes = attributes[match.range.upperBound...]
            }
            guard attributes.allSatisfy(\.isWhitespace) else { throw fail("bad attributes in <\(name)>: \(attributes)") }
            if stack.isEmpty { if sawRoot { throw fail("second root element") }; sawRoot = true }
            if !selfClosing { stack.append(name) }
        }
        guard stack.isEmpty, sawRoot else { throw Failure(description: "unclosed elements \(stack) or no root") }
    }
}

@Suite("lookml lint colour")
struct ColourTests {
    @Test("text is coloured only when the console allows it (a terminal without NO_COLOR)")
    func colour() {
        var output: [UInt8] = []
        let console = Console(colorsErrors: true) { stream, bytes in if stream == .output { output += bytes } }
        let context = CommandContext(console: console, fileSystem: SampleProject.fileSystem())
        _ = LookMLTool.run(["lint", "p"], context: context)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("\u{1B}[1;31merror:\u{1B}[0m") && text.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        // Machine formats never are.
        output = []
        _ = LookMLTool.run(["lint", "p", "--format", "github"], context: context)
        #expect(!String(decoding: output, as: UTF8.self).contains("\u{1B}["))
        #expect(!Console.standard(environment: ["NO_COLOR": "1"]).colorsErrors)
    }
}
