/// Seeded random LookML projects for property tests and crash tests: views that reference each other and extend a
/// common base, a model whose explores join them, and a dashboard — written in varied layouts (one-line blocks, tabs,
/// odd spacing, extra blank lines, comments, trailing spaces, CRLF files) so that `lookml fmt` has work to do, and
/// optionally with mistakes (unknown views and fields, duplicate fields, views used without a join) so that
/// `lookml check` has findings.
///
/// Every file parses without syntax errors. The same seed and options give the same files.
public struct RandomProject {
    public var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    /// The name of the view every other view extends (`extension: required`); renaming it touches every view file.
    public static let baseView = "base"

    /// The project's files, keyed by path relative to the project root: `views/base.view.lkml`,
    /// `views/v0.view.lkml`…, `models/m.model.lkml` and `dashboards/d.dashboard.lookml`.
    public mutating func files(views: Int, fieldsPerView: Int = 4, mistakes: Bool = true) -> [String: String] {
        var files: [String: String] = [:]
        let base = Node.block("view", Self.baseView, [
            .pair("extension", "required"),
            .block("dimension", "id", [.pair("primary_key", "yes"), .pair("type", "number"), .expression("sql", "${TABLE}.id")]),
            .block("dimension_group", "created", [.pair("type", "time"), .list("timeframes", ["raw", "date", "week"]),
                                                  .expression("sql", "${TABLE}.created_at")]),
        ])
        files["views/\(Self.baseView).view.lkml"] = render([base])
        for index in 0..<views {
            files["views/v\(index).view.lkml"] = render([view(index, views: views, fields: fieldsPerView, mistakes: mistakes)])
        }
        files["models/m.model.lkml"] = render(model(views: views, mistakes: mistakes))
        files["dashboards/d.dashboard.lookml"] = dashboard(views: views, mistakes: mistakes)
        return files
    }

    // MARK: - Content

    /// A tree of LookML to render: `key: value`, `key: body ;;`, `key: [items]`, `key: name { … }`.
    indirect enum Node {
        case pair(String, String)
        case expression(String, String)
        case list(String, [String])
        case block(String, String?, [Node])
    }

    private mutating func view(_ index: Int, views: Int, fields: Int, mistakes: Bool) -> Node {
        var items: [Node] = [
            .list("extends", [Self.baseView]),
            .expression("sql_table_name", "schema_\(index % 3).table_\(index)"),
        ]
        for field in 0..<fields {
            let other = Int.random(in: 0..<views, using: &random)
            var sql: String
            switch Int.random(in: 0..<5, using: &random) {
            case 0: sql = "${TABLE}.c\(field)"
            case 1: sql = "${f\((field + 1) % fields)} + 1"
            case 2: sql = "${v\(other).f\(field)}"
            case 3: sql = "CASE WHEN ${TABLE}.c\(field) > 0 THEN ${id} ELSE NULL END"
            default: sql = "${created_date}"
            }
            if mistakes, random.chance(0.08) { sql = random.pick(["${ghost.f0}", "${v\(other).nope}", "${missing_field}"]) }
            var fieldItems: [Node] = [.pair("type", random.pick(["number", "string"])), .expression("sql", sql)]
            if random.chance(0.3) { fieldItems.insert(.pair("label", "\"Field \(field) of v\(index)\""), at: 0) }
            items.append(.block("dimension", "f\(field)", fieldItems))
        }
        if mistakes, random.chance(0.1) {
            items.append(.block("dimension", "f0", [.expression("sql", "${TABLE}.again")]))
        }
        var drill = ["id", "f0"]
        if mistakes, random.chance(0.1) { drill.append("not_a_field") }
        items.append(.block("measure", "count", [.pair("type", "count"), .list("drill_fields", drill)]))
        items.append(.block("measure", "total", [.pair("type", "sum"), .expression("sql", "${f\(fields - 1)}")]))
        return .block("view", "v\(index)", items)
    }

    private mutating func model(views: Int, mistakes: Bool) -> [Node] {
        var nodes: [Node] = [.pair("connection", "\"warehouse\""), .pair("include", "\"/views/*.view\"")]
        for index in stride(from: 0, to: views, by: 2) {
            var items: [Node] = []
            for join in 1...Int.random(in: 1...2, using: &random) {
                let joined = (index + join) % views
                if joined == index { continue }
                items.append(.block("join", "v\(joined)", [
                    .pair("type", "left_outer"), .pair("relationship", "many_to_one"),
                    .expression("sql_on", "${v\(index).id} = ${v\(joined).id}"),
                ]))
            }
            var fields = ["v\(index).f0", "v\(index).count"]
            if mistakes, random.chance(0.15) { fields.append("v\((index + views / 2 + 1) % views).f1") }
            items.insert(.list("fields", fields + ["v\(index).created_date"]), at: 0)
            nodes.append(.block("explore", "v\(index)", items))
        }
        if mistakes { nodes.append(.block("explore", "orphan", [.pair("from", "ghost_view")])) }
        return nodes
    }

    private func dashboard(views: Int, mistakes: Bool) -> String {
        var text = "- dashboard: d\n  title: Random\n  elements:\n"
        for index in stride(from: 0, to: min(views, 6), by: 2) {
            text += "  - name: t\(index)\n    model: m\n    explore: v\(index)\n    type: looker_column\n"
            text += "    fields: [v\(index).f0, v\(index).count]\n    sorts: [v\(index).count desc]\n"
        }
        if mistakes { text += "  - name: broken\n    model: m\n    explore: v0\n    fields: [v0.no_such_field]\n" }
        return text
    }

    // MARK: - Layout

    /// One file's layout choices.
    private struct Style {
        var indent: String
        var lineBreak: String
    }

    private mutating func render(_ nodes: [Node]) -> String {
        var style = Style(indent: random.pick(["  ", "  ", "\t", "    ", " "]), lineBreak: random.chance(0.15) ? "\r\n" : "\n")
        var text = random.chance(0.2) ? "# generated for a test\(style.lineBreak)" : ""
        for (offset, node) in nodes.enumerated() {
            if offset > 0 { text += String(repeating: style.lineBreak, count: Int.random(in: 0...2, using: &random)) }
            text += render(node, depth: 0, style: &style) + style.lineBreak
        }
        if random.chance(0.1) { text += style.lineBreak + style.lineBreak }
        return text
    }

    private mutating func render(_ node: Node, depth: Int, style: inout Style) -> String {
        let colon = random.pick([": ", ": ", ":", ":  "])
        switch node {
        case .pair(let key, let value):
            return key + colon + value
        case .expression(let key, let body):
            return key + random.pick([": ", ":", ":\t"]) + body + random.pick([" ;;", " ;;", ";;", "  ;;"])
        case .list(let key, let items):
            if random.chance(0.2), !items.isEmpty {
                let inner = style.lineBreak + String(repeating: style.indent, count: depth + 1)
                return key + colon + "[" + inner + items.joined(separator: "," + inner) + style.lineBreak
                    + String(repeating: style.indent, count: depth) + "]"
            }
            return key + colon + "[" + items.joined(separator: random.pick([", ", ",", " , "])) + "]"
        case .block(let key, let name, let children):
            let head = key + colon + (name.map { $0 + random.pick([" ", "  ", "\t"]) } ?? "") + "{"
            let leaves = children.allSatisfy { if case .block = $0 { false } else { true } }
            if leaves, random.chance(0.25) {
                return head + " " + children.map { render($0, depth: depth + 1, style: &style) }.joined(separator: " ") + " }"
            }
            var text = head + (random.chance(0.1) ? "  # opens \(key)" : "") + (random.chance(0.1) ? "   " : "")
            for child in children {
                if random.chance(0.1) { text += style.lineBreak }
                let indent = random.chance(0.05) ? "\t" + String(repeating: " ", count: depth) : String(repeating: style.indent, count: depth + 1)
                if random.chance(0.05) { text += style.lineBreak + indent + "# about the next item" }
                text += style.lineBreak + indent + render(child, depth: depth + 1, style: &style)
            }
            return text + style.lineBreak + String(repeating: style.indent, count: depth) + "}"
        }
    }
}
