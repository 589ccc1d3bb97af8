import Testing
@testable import LookMLSyntax

@Suite("Lexer and parser")
struct LexerAndParserTests {
    /// The fields of the first block in `text`.
    private func firstBlockFields(_ text: String) -> (SyntaxTree, [Field]) {
        let tree = SyntaxTree.parse(text)
        guard case .field(let field)? = tree.document.items.first, case .block(let block) = field.value else { return (tree, []) }
        return (tree, block.items.compactMap { if case .field(let f) = $0 { return f } else { return nil } })
    }

    @Test("inside an expression block, #, quotes and braces are SQL")
    func expressionContext() {
        let (tree, fields) = firstBlockFields("view: v {\n  sql: SELECT '#', \"}\" FROM t # not a comment\n  ;;\n}\n")
        #expect(tree.diagnostics.isEmpty)
        guard case .expression(let body, let terminator)? = fields.first?.value else { Issue.record("no expression"); return }
        #expect(tree.text(body) == "SELECT '#', \"}\" FROM t # not a comment")
        #expect(tree.text(terminator) == ";;")
    }

    @Test("the parser's expression-key test answers as the catalog's list does")
    func expressionKeysMatchCatalog() {
        func isExpressionKey(_ key: String) -> Bool {
            let bytes = Array(key.utf8)
            return bytes.withUnsafeBufferPointer { KeyCatalog.isExpressionKey($0, 0..<bytes.count) }
        }
        for key in KeyCatalog.expressionKeys {
            #expect(isExpressionKey(key), "\(key)")
            // Near misses: one byte short, one byte more, another case, another first letter.
            for variant in [String(key.dropLast()), key + "s", key.uppercased(), "x" + key.dropFirst()] {
                #expect(isExpressionKey(variant) == KeyCatalog.expressionKeys.contains(variant), "\(variant)")
            }
        }
        for key in KeyCatalog.repeatableKeys.union(["sql_", "sqlx", "hrml", "expressions", "sql_table_names", ""]) {
            #expect(isExpressionKey(key) == KeyCatalog.expressionKeys.contains(key), "\(key)")
        }
    }

    @Test("every field carries its key's number: known keys by name, others unknown, quoted or odd keys never known")
    func fieldsCarryKnownKeys() {
        let tree = SyntaxTree.parse("""
            view: orders {
              dimension: id { type: number  sql: ${TABLE}.id ;; }
              custom_key: yes
              sqlx: 1
              measure: total { type: sum }
            }
            """)
        var seen: [(String, KnownKey)] = []
        func walk(_ items: [Item]) {
            for case .field(let field) in items {
                seen.append((tree.text(field.key), field.knownKey))
                #expect(items.contains { $0.fieldKnownKey == field.knownKey })
                if case .block(let block) = field.value { walk(block.items) }
            }
        }
        walk(tree.document.items)
        #expect(seen.map(\.0) == ["view", "dimension", "type", "sql", "custom_key", "sqlx", "measure", "type"])
        for (key, number) in seen {
            if KnownKey.names.contains(key) {
                #expect(number == KnownKey(key) && number.name == key, "\(key)")
            } else {
                #expect(number == .unknown, "\(key)")
            }
        }
        #expect(KnownKey("sql").isExpressionKey && !KnownKey("type").isExpressionKey && !KnownKey.unknown.isExpressionKey)
        #expect(KnownKey("dimension").isRepeatable && !KnownKey("type").isRepeatable)
    }

    @Test("a tree records which known keys its fields use, at any depth, and no others")
    func keysPresent() {
        let tree = SyntaxTree.parse("view: v {\n  derived_table: {\n    sql_trigger_value: SELECT 1 ;;\n  }\n  my_key: 1\n}\n")
        #expect(KnownKey.count <= 256)
        for key in ["view", "derived_table", "sql_trigger_value"] { #expect(tree.keysPresent.contains(KnownKey(key)), "\(key)") }
        for key in ["sql", "dimension", "explore", "type"] { #expect(!tree.keysPresent.contains(KnownKey(key)), "\(key)") }
        #expect(!tree.keysPresent.contains(.unknown))
        // Every number fits: the last one can be inserted and found.
        var set = KnownKeySet()
        let last = KnownKey(rawValue: UInt16(KnownKey.count - 1))
        set.insert(last)
        #expect(set.contains(last) && !set.contains(KnownKey(rawValue: 1)))
    }

    @Test("a byte key table finds its keys anywhere in a buffer, and nothing else")
    func byteKeyTable() {
        let table = ByteKeyTable([(key: "sql", value: 1), (key: "set", value: 2), (key: "sql_on", value: 3), (key: "", value: 4)])
        func value(_ text: String, _ range: Range<Int>) -> Int? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { table.value($0, range) }
        }
        #expect(value("sql", 0..<3) == 1)
        #expect(value("  set", 2..<5) == 2)  // at the very end of the buffer
        #expect(value("x sql_on: y", 2..<8) == 3)
        #expect(value("sql_on", 0..<3) == 1)  // a prefix is its own key
        // Many keys of one length, all found (the hash table probes past collisions).
        let many = (0..<300).map { (key: "k" + String($0 + 1000), value: $0) }
        let wide = ByteKeyTable(many)
        for entry in many {
            let bytes = Array(entry.key.utf8)
            #expect(bytes.withUnsafeBufferPointer { wide.value($0, 0..<bytes.count) } == entry.value)
        }
        let missing = Array("k0999".utf8)
        #expect(missing.withUnsafeBufferPointer { wide.value($0, 0..<missing.count) } == nil)
        for (text, range) in [("sq", 0..<2), ("sqx", 0..<3), ("SQL", 0..<3), ("sql", 1..<3), ("", 0..<0), ("sql", 2..<5), ("sql", -1..<2)] {
            #expect(value(text, range) == nil, "\(text) \(range)")
        }
    }

    @Test("the byte test for repeatable keys answers as the catalog's list does")
    func repeatableKeysMatchCatalog() {
        let keys = KeyCatalog.repeatableKeys.union(KeyCatalog.expressionKeys)
        let variants = keys.flatMap { [$0, String($0.dropLast()), $0 + "s", $0.uppercased(), "x" + $0.dropFirst()] } + ["", "a", "user_attribute_params"]
        for key in variants {
            #expect(KeyCatalog.isRepeatableKey(Array(key.utf8)[...]) == KeyCatalog.repeatableKeys.contains(key), "\(key)")
            // Inside a larger buffer, as the duplicate-key rule reads keys.
            let padded = Array(("  " + key + ": x").utf8)
            let found = padded.withUnsafeBufferPointer { KeyCatalog.isRepeatableKey($0, 2..<2 + key.utf8.count) }
            #expect(found == KeyCatalog.repeatableKeys.contains(key), "\(key)")
        }
    }

    @Test("a comment after a value is trailing trivia of that value")
    func trailingComment() {
        let tree = SyntaxTree.parse("type: string # why\nlabel: \"x\"\n")
        guard case .field(let field)? = tree.document.items.first, case .literal(let token) = field.value else { Issue.record("no field"); return }
        #expect(tree.source.triviaPieces(token.trailingTriviaRange) == [.whitespace(" "), .comment("# why")])
    }

    @Test("refinements, negated and wildcard items, pair lists")
    func names() {
        var converter = LkmlJSONConverter(tree: SyntaxTree.parse("explore: +e { fields: [ALL_FIELDS*, -v.f, v.*] always_filter: { filters: [v.f: \"x\", v.g: \"-NULL\"] } }"))
        let json = String(decoding: converter.json(indent: 0), as: UTF8.self)
        let expected = #"{"explores":[{"fields":["ALL_FIELDS*","-v.f","v.*"],"always_filter":{"filters__all":[[{"v.f":"x"},{"v.g":"-NULL"}]]},"name":"+e"}]}"#
        #expect(json == expected)
    }

    @Test("positions count lines and Unicode scalars")
    func positions() {
        let source = SourceFile(path: "p", text: "é: 日本\n\tkey: x\r\nz")
        #expect(source.location(of: 0) == SourceLocation(offset: 0, line: 1, column: 1))
        #expect(source.location(of: 2) == SourceLocation(offset: 2, line: 1, column: 2))   // ':' after the 2-byte é
        #expect(source.location(of: 7) == SourceLocation(offset: 7, line: 1, column: 5))   // after "日"
        #expect(source.location(of: 12) == SourceLocation(offset: 12, line: 2, column: 2)) // 'k' after a tab
        #expect(source.location(of: 20) == SourceLocation(offset: 20, line: 3, column: 1))
        #expect(source.location(of: 21) == SourceLocation(offset: 21, line: 3, column: 2)) // end of file
    }

    @Test("a byte-order mark is leading trivia of the first token")
    func byteOrderMark() {
        let tree = SyntaxTree.parse("\u{FEFF}view: v {}\n")
        #expect(tree.diagnostics.isEmpty)
        guard case .field(let field)? = tree.document.items.first else { Issue.record("no field"); return }
        #expect(tree.source.triviaPieces(field.key.leadingTriviaRange) == [.byteOrderMark])
        #expect(tree.text(field.key) == "view")
    }

    @Test("a duplicated non-repeatable key keeps the last value and warns")
    func duplicateKey() {
        var converter = LkmlJSONConverter(tree: SyntaxTree.parse("view: v { label: \"a\" label: \"b\" }"))
        let json = String(decoding: converter.json(indent: 0), as: UTF8.self)
        #expect(json == #"{"views":[{"label":"b","name":"v"}]}"#)
        #expect(converter.diagnostics.map(\.id.rawValue) == ["LKM-P016"])
    }

    @Test("10,000 nested blocks give a diagnostic, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "a: {", count: 10_000) + String(repeating: "}", count: 10_000)
        let tree = SyntaxTree.parse(text)
        #expect(tree.description == text)
        #expect(tree.diagnostics.map(\.id.rawValue) == ["LKM-P010"])
    }

    @Test("a binary file gets one diagnostic; a file of errors is capped with a count")
    func noisyInputs() {
        var random = SystemRandomNumberGenerator()
        let binary = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &random) } + [0xFF]
        let tree = SyntaxTree.parse(SourceFile(path: "b", bytes: binary))
        #expect(tree.diagnostics.map(\.id.rawValue) == ["LKM-P015"])
        #expect(tree.printedBytes() == binary)
        let errors = SyntaxTree.parse(String(repeating: "fields: [a b]\n", count: 1000))
        #expect(errors.diagnostics.count == 201)
        #expect(errors.diagnostics.last?.id.rawValue == "LKM-P017")
    }

    @Test("the empty file and a file of comments parse cleanly")
    func emptyInputs() {
        for text in ["", "\n", "# only a comment", "# a\n\n# b\n"] {
            let tree = SyntaxTree.parse(text)
            #expect(tree.description == text)
            #expect(tree.diagnostics.isEmpty)
        }
    }
}
