import Testing
import LookMLFormat
@testable import BlockGenerator

@Suite("Template engine")
struct TemplateEngineTests {
    func render(_ text: String, _ context: [String: TemplateValue]) throws(BlockError) -> String {
        try Template(text, path: "t.tmpl").render(context)
    }

    func failure(_ text: String, _ context: [String: TemplateValue] = [:]) -> String {
        do throws(BlockError) {
            _ = try render(text, context)
            return ""
        } catch { return error.description }
    }

    @Test("substitutes dotted paths and leaves LookML and Liquid markers alone")
    func substitution() throws {
        let text = "view: [% view.name %] { sql: ${TABLE}.@{X} {{ a }} {% if b %}[% view.column %]{% endif %} ;; }"
        #expect(try render(text, ["view": ["name": "v", "column": "ID"]])
            == "view: v { sql: ${TABLE}.@{X} {{ a }} {% if b %}ID{% endif %} ;; }")
    }

    @Test("loops with loop.first / loop.last, conditionals with elif, else, not, == and !=")
    func control() throws {
        let text = """
        [% for item in items %]
        [% if loop.first %]
        first:
        [% elif item == "b" %]
        bee:
        [% else %]
        other:
        [% end %]
          [% item %][% if not loop.last %],[% end %]
        [% end %]
        [% if mode != "x" %]
        done
        [% end %]

        """
        #expect(try render(text, ["items": ["a", "b", "c"], "mode": "y"]) == """
        first:
          a,
        bee:
          b,
        other:
          c
        done

        """)
    }

    @Test("a line holding only control directives vanishes; comments too")
    func standaloneLines() throws {
        #expect(try render("a\n  [%# note %]\n  [% if x %]\nb\n  [% end %]\nc\n", ["x": true]) == "a\nb\nc\n")
        #expect(try render("a\n[% if x %]\nb\n[% end %]\nc", ["x": false]) == "a\nc")
    }

    @Test("multi-line values continue at the line's indentation; empty lines stay empty")
    func indentation() throws {
        #expect(try render("x:\n    [% sql %]\n    ;;\n", ["sql": "SELECT\n  1\n\nFROM t"]) == "x:\n    SELECT\n      1\n\n    FROM t\n    ;;\n")
    }

    @Test("quote and yaml filters escape")
    func quoting() throws {
        #expect(try render("[% a | quote %]", ["a": "say \"hi\" \\ bye"]) == #""say \"hi\" \\ bye""#)
        #expect(try render("[% a | yaml %]", ["a": "x: \"y\""]) == #""x: \"y\"""#)
    }

    @Test("the list filter wraps exactly where lookml fmt does", arguments: [3, 8, 12, 13, 14, 15, 20])
    func listWrapping(count: Int) throws {
        let items: [TemplateValue] = (0..<count).map { .string("field_number_\($0)") }
        let text = "view: v {\n  measure: m {\n    drill_fields: [% items | list %]\n  }\n}\n"
        let output = try render(text, ["items": .list(items)])
        #expect(try Formatter().format(output) == output)
        let pairs: [TemplateValue] = (0..<count).map { .string("f\($0): \"value \($0)\"") }
        let pairOutput = try render("view: v {\n  measure: m {\n    filters: [% items | list %]\n  }\n}\n", ["items": .list(pairs)])
        #expect(try Formatter().format(pairOutput) == pairOutput)
    }

    @Test("errors name the template, line and column", arguments: [
        ("[% nope %]", "t.tmpl:1:1: error: unknown name 'nope'"),
        ("x [% a.b %]", "t.tmpl:1:3: error: 'a' has no member 'b'"),
        ("[% if a %]\nx\n", "t.tmpl:1:1: error: '[% if %]' is never closed with '[% end %]'"),
        ("[% for x in a %]\nx\n", "t.tmpl:1:1: error: '[% for %]' is never closed with '[% end %]'"),
        ("a\n[% end %]\n", "t.tmpl:2:1: error: 'end' without an open '[% if %]' or '[% for %]'"),
        ("[% a | shout %]", "t.tmpl:1:1: error: unknown filter 'shout'"),
        ("x [% a", "t.tmpl:1:3: error: '[%' without a closing '%]' on the same line"),
        ("[% for x a %]\n[% end %]", "t.tmpl:1:1: error: expected '[% for NAME in PATH %]'"),
        ("[% a %]", "t.tmpl:1:1: error: 'a' is not text; use a filter or a loop"),
    ])
    func errors(text: String, expected: String) {
        let message = failure(text, ["a": ["c": "d"]])
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
