/// Generates random LookML documents for property tests: valid ones with varied layout (spaces, tabs, CRLF,
/// comments, one-line blocks, leading and trailing commas), and broken ones made by mutating valid text.
public struct RandomLookML {
    public var random: SeededRandom
    /// Line break used in generated text.
    public var lineBreak = "\n"

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let names = ["users", "email_sends", "push_opens", "id", "campaign_id", "time", "count", "revenue", "é_name", "+users"]
    static let scalarKeys = ["type", "label", "hidden", "primary_key", "value_format_name", "relationship", "description", "view_label"]
    static let literals = ["yes", "no", "string", "number", "left_outer", "many_to_one", "2", "usd", "view.field"]
    static let strings = ["\"A label\"", "\"with \\\"escapes\\\" and \\\\\"", "\"é 日本 🙂\"", "\"\"", "\"multi\nline\""]
    static let blockKeys = ["view", "dimension", "measure", "explore", "join", "dimension_group", "parameter", "set"]
    static let anonymousBlockKeys = ["derived_table", "link", "always_filter", "materialization"]
    static let expressionKeys = ["sql", "sql_on", "html", "sql_table_name", "expression", "sql_always_where"]
    static let expressionBodies = [
        "${TABLE}.id", "CASE WHEN ${TABLE}.x = '#' THEN '{' ELSE '}' END", "<b>{{ value }}</b> {% if x %}y{% endif %}",
        "SELECT *\n  FROM @{SCHEMA}.t -- comment with ; and \"quote\"\n  WHERE 1 = 1", "", "PARSE_JSON(x):key::STRING",
    ]
    static let listItems = ["a", "view.field", "view.*", "-view.f", "ALL_FIELDS*", "\"quoted\"", "set_name*"]

    /// A valid document.
    public mutating func document(maxDepth: Int = 4) -> String {
        var output = random.chance(0.1) ? "# generated\(lineBreak)" : ""
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            output += item(depth: 0, maxDepth: maxDepth) + lineBreak
            if random.chance(0.5) { output += lineBreak }
        }
        return output
    }

    private mutating func space() -> String {
        random.pick([" ", " ", "  ", "\t", " "])
    }

    private mutating func separator(_ depth: Int) -> String {
        let indent = String(repeating: random.chance(0.2) ? "\t" : "  ", count: depth)
        if random.chance(0.15) { return " " }
        return lineBreak + (random.chance(0.1) ? "# note" + lineBreak : "") + indent
    }

    private mutating func trailingComment() -> String {
        random.chance(0.1) ? " # trailing {]" + lineBreak : ""
    }

    public mutating func item(depth: Int, maxDepth: Int) -> String {
        let roll = Int.random(in: 0..<10, using: &random)
        if depth < maxDepth && roll < 3 {
            let key = random.pick(Self.blockKeys)
            let name = random.pick(Self.names)
            var text = "\(key):\(space())\(name)\(space()){" + trailingComment()
            for _ in 0..<Int.random(in: 0...4, using: &random) { text += separator(depth + 1) + item(depth: depth + 1, maxDepth: maxDepth) }
            return text + separator(depth) + "}"
        }
        if depth < maxDepth && roll == 3 {
            var text = "\(random.pick(Self.anonymousBlockKeys)):\(space()){"
            for _ in 0..<Int.random(in: 0...3, using: &random) { text += separator(depth + 1) + item(depth: depth + 1, maxDepth: maxDepth) }
            return text + separator(depth) + "}"
        }
        if roll == 4 {
            return "\(random.pick(Self.expressionKeys)):\(random.pick([" ", "", "\n    "]))\(random.pick(Self.expressionBodies))\(random.pick([" ", "", "\n  "]));;" + trailingComment()
        }
        if roll == 5 {
            var items: [String] = []
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                items.append(random.chance(0.2) ? "\(random.pick(Self.listItems)): \(random.pick(Self.strings))" : random.pick(Self.listItems))
            }
            let lead = random.chance(0.05) && !items.isEmpty ? ", " : ""
            let trail = random.chance(0.1) && !items.isEmpty ? "," : ""
            return "\(random.pick(["fields", "drill_fields", "filters", "timeframes", "tags"])): [\(lead)\(items.joined(separator: random.pick([", ", ",", " ,\n  "])))\(trail)]" + trailingComment()
        }
        let value = random.chance(0.5) ? random.pick(Self.literals) : random.pick(Self.strings)
        return "\(random.pick(Self.scalarKeys)):\(space())\(value)" + trailingComment()
    }

    /// A valid document with a few random bytes inserted, deleted or replaced: input the parser must survive.
    public mutating func mutated(_ text: String, edits: Int = 3) -> [UInt8] {
        var bytes = Array(text.utf8)
        let alphabet: [UInt8] = Array("{}[]:;,\"#\n\r\t x$%\\".utf8) + [0, 0xFF, 0xC3]
        for _ in 0..<edits {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes.insert(random.pick(alphabet), at: position)
            case 1: if position < bytes.count { bytes.remove(at: position) }
            default: if position < bytes.count { bytes[position] = random.pick(alphabet) }
            }
        }
        return bytes
    }
}
