import Testing
import YAMLSupport

@Suite("YAML loader")
struct YAMLLoaderTests {
    @Test("mappings, sequences and scalars keep order and byte positions")
    func positions() throws {
        let text = "- dashboard: email_funnel\n  title: \"Émail funnel\"\n  elements:\n  - name: sends\n    fields: [email_sends.count, email_sends.sent_date]\n"
        let bytes = Array(text.utf8)
        let root = try #require(try YAMLLoader.loadDocument(bytes))
        let dashboard = try #require(root.items?.first)
        #expect(dashboard["dashboard"]?.string == "email_funnel")
        let title = try #require(dashboard["title"]?.scalar)
        #expect(title.value == "Émail funnel" && title.style == .doubleQuoted)
        #expect(String(decoding: bytes[title.range], as: UTF8.self) == "\"Émail funnel\"")
        let fields = try #require(dashboard["elements"]?.items?.first?["fields"]?.items)
        let second = try #require(fields[1].scalar)
        #expect(second.value == "email_sends.sent_date")
        #expect(String(decoding: bytes[second.range], as: UTF8.self) == "email_sends.sent_date")
        #expect(second.start.line == 5)
        #expect(dashboard.pairs?.map(\.key.value) == ["dashboard", "title", "elements"])
    }

    @Test("anchors and aliases resolve")
    func aliases() throws {
        let root = try #require(try YAMLLoader.loadDocument(Array("base: &b {a: 1}\ncopy: *b\n".utf8)))
        #expect(root["copy"]?["a"]?.int == 1)
    }

    @Test("booleans, nulls and integers")
    func scalars() throws {
        let root = try #require(try YAMLLoader.loadDocument(Array("a: yes\nb: false\nc: ~\nd: 12\ne:\n".utf8)))
        #expect(root["a"]?.bool == true && root["b"]?.bool == false)
        #expect(root["c"]?.isNull == true && root["e"]?.isNull == true)
        #expect(root["d"]?.int == 12)
    }

    @Test("syntax errors carry a position")
    func errors() {
        do {
            _ = try YAMLLoader.load(Array("a: [1, 2\nb: 3\n".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.mark.line >= 1)
            #expect(!error.message.isEmpty)
        }
    }

    @Test("lone carriage returns and Unicode line breaks count as lines (found by the fuzzer)", arguments: [
        "# \rObje[t:  e ef\n A ", "a: 1\rb: 2\r", "a: 1\r\nb: 2\r\n", "a: x\u{85}b: y\n", "a: x\u{2028}b: y\n",
    ])
    func lineBreaks(text: String) {
        let bytes = Array(text.utf8)
        guard let documents = try? YAMLLoader.load(bytes) else { return }
        for document in documents {
            document.forEachScalar { scalar in
                #expect(scalar.range.upperBound <= bytes.count)
                // A single-line plain scalar's bytes are its value (multi-line ones are folded).
                if scalar.style == .plain, !scalar.value.isEmpty, !bytes[scalar.range].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                    #expect(String(decoding: bytes[scalar.range], as: UTF8.self) == scalar.value)
                }
            }
        }
    }

    @Test("empty input has no documents")
    func empty() throws {
        #expect(try YAMLLoader.load([]).isEmpty)
    }
}
