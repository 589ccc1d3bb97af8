import LookMLSyntax

/// Convenient reading of a parsed file: the fields of a block, their keys, names and values as text.
struct SyntaxAccess {
    let tree: SyntaxTree
    var bytes: [UInt8] { tree.source.bytes }

    func text(_ token: Token) -> String { tree.source.text(of: token) }

    /// The fields of a list of items (unexpected items skipped), read in place (no array is made).
    func fields(_ items: [Item]) -> LazyMapSequence<LazyFilterSequence<LazyMapSequence<[Item], Field?>>, Field> {
        items.lazy.compactMap { if case .field(let field) = $0 { return field } else { return nil } }
    }


    /// The block of a field, if its value is one.
    func block(_ field: Field) -> BlockValue? {
        if case .block(let block) = field.value { return block }
        return nil
    }

    /// A literal or string value's text (strings without quotes), or an expression's body.
    func scalar(_ field: Field) -> (text: String, range: Range<Int>)? { scalar(field.scalarValueToken) }

    /// A scalar value token's text and range (see `Item.scalarValueToken`): strings without quotes, literals and
    /// expression bodies as they are. Nil for nil.
    func scalar(_ token: Token?) -> (text: String, range: Range<Int>)? {
        guard let token else { return nil }
        return token.kind == .string ? unquoted(token) : (text(token), token.textRange)
    }

    /// A string token's content and the byte range inside its quotes; literals as they are.
    func unquoted(_ token: Token) -> (text: String, range: Range<Int>) {
        let range = unquotedRange(token)
        return (tree.source.text(range), range)
    }

    /// The byte range inside a string token's quotes (a literal's whole range), without making its text.
    func unquotedRange(_ token: Token) -> Range<Int> { tree.source.unquotedRange(of: token) }

    /// The byte range of a literal, string (inside its quotes) or expression value, without making its text.
    func scalarRange(_ field: Field) -> Range<Int>? { scalarRange(field.scalarValueToken) }

    /// `scalarRange` of a scalar value token (see `Item.scalarValueToken`); nil for nil.
    func scalarRange(_ token: Token?) -> Range<Int>? {
        guard let token else { return nil }
        return token.kind == .string ? unquotedRange(token) : token.textRange
    }

    /// The list items of a field whose value is a list: text and range (inside quotes for strings).
    func listItems(_ field: Field) -> [(text: String, range: Range<Int>)] {
        guard case .list(let list) = field.value else { return [] }
        return list.items.map { unquoted($0.value) }
    }

    /// The name of a named block (`view: +orders {`) without a refinement's `+`, and the range of that name.
    func blockName(_ block: BlockValue) -> (name: String, range: Range<Int>, isRefinement: Bool)? {
        guard let token = block.name else { return nil }
        var range = unquotedRange(token)
        let isRefinement = !range.isEmpty && bytes[range.lowerBound] == UInt8(ascii: "+")
        if isRefinement { range = range.lowerBound + 1..<range.upperBound }
        return (tree.source.text(range), range, isRefinement)
    }

    /// The list of a field, if its value is one.
    func list(_ field: Field) -> ListValue? {
        if case .list(let list) = field.value { return list }
        return nil
    }

}
