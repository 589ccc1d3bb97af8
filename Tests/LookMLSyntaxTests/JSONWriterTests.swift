import Foundation
import Testing
import LookMLSyntax

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("strings: quotes, backslashes and control characters escaped; UTF-8 kept; invalid UTF-8 replaced")
    func escaping() throws {
        var writer = JSONWriter(indent: 0)
        writer.beginArray()
        writer.string(bytes: Array("a \"q\" \\ b\n\t\r\u{01} é 日本 🙂".utf8)[...])
        writer.string(bytes: [0x61, 0xFF, 0x62][...])
        writer.endArray()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "[\"a \\\"q\\\" \\\\ b\\n\\t\\r\\u0001 é 日本 🙂\",\"a\u{FFFD}b\"]")
        let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String]
        #expect(decoded == ["a \"q\" \\ b\n\t\r\u{01} é 日本 🙂", "a\u{FFFD}b"])
    }
}
