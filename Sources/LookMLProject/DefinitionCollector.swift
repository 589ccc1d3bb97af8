import LookMLSyntax

/// Collects the definitions of one LookML file: views, explores, a model's includes and connection, constants.
struct DefinitionCollector {
    let file: ProjectFile
    private let access: SyntaxAccess

    var views: [ViewDefinition] = []
    var explores: [ExploreDefinition] = []
    var includes: [(pattern: String, location: SourceRange)] = []
    var connection: String?
    var constants: [ConstantDefinition] = []

    /// Timeframes a `type: time` dimension group gets when it lists none.
    static let defaultTimeframes = ["raw", "time", "date", "week", "month", "quarter", "year"]
    /// Intervals a `type: duration` dimension group gets when it lists none.
    static let defaultIntervals = ["day", "hour", "minute", "month", "quarter", "second", "week", "year"]

    init(file: ProjectFile, tree: SyntaxTree) {
        self.file = file
        self.access = SyntaxAccess(tree: tree)
        for index in tree.document.items.indices {
            guard case .field(let field) = tree.document.items[index] else { continue }
            switch access.keyID(field) {
            case .view: if let view = view(field) { views.append(view) }
            case .explore: if let explore = explore(field) { explores.append(explore) }
            case .include:
                if let value = access.scalar(field) { includes.append((value.text, location(value.range))) }
            case .connection: connection = access.scalar(field)?.text
            case .constant:
                if let block = access.block(field), let name = block.name {
                    let value = access.first(.value, in: block.items).flatMap(access.scalar)
                    constants.append(ConstantDefinition(name: access.text(name), value: value?.text ?? "", location: location(name.textRange),
                                                        valueLocation: value.map { location($0.range) }))
                }
            default: break
            }
        }
    }

    private func location(_ range: Range<Int>) -> SourceRange { SourceRange(file: file.path, range: range) }

    private func view(_ field: Field) -> ViewDefinition? {
        guard let block = access.block(field), let (name, range, isRefinement) = access.blockName(block) else { return nil }
        var view = ViewDefinition(name: name, isRefinement: isRefinement, location: location(range), extends: [],
                                  extensionRequired: false, fields: [], sets: [:], sqlTableName: nil, hasDerivedTable: false)
        for index in block.items.indices {
            // Members that are none of these are skipped without binding their field.
            guard let known = block.items[index].fieldKnownKey else { continue }
            let key = CollectorKey.of(known)
            switch key {
            case .extension: view.extensionRequired = access.scalar(block.items[index].scalarValueToken)?.text == "required"
            case .sql_table_name: view.sqlTableName = access.scalar(block.items[index].scalarValueToken)?.text
            case .derived_table: view.hasDerivedTable = true
            case .extends, .set, .dimension, .dimension_group, .measure, .filter, .parameter: break
            default: continue
            }
            guard case .field(let member) = block.items[index] else { continue }
            switch key {
            case .extends: view.extends += access.listItems(member).map(\.text)
            case .set:
                if let setBlock = access.block(member), let setName = setBlock.name {
                    view.sets[access.text(setName)] = access.first(.fields, in: setBlock.items).map { access.listItems($0).map(\.text) } ?? []
                }
            default:
                if let kind = key.fieldKind, let definition = fieldDefinition(member, kind: kind) {
                    view.fields.append(definition)
                }
            }
        }
        return view
    }

    private func fieldDefinition(_ field: Field, kind: FieldDefinition.Kind) -> FieldDefinition? {
        guard let block = access.block(field), let nameToken = block.name else { return nil }
        let (name, range) = access.unquoted(nameToken)
        var type: String?, sqlRange: Range<Int>?, hidden = false, primaryKey = false
        var tags: [String] = [], timeframes: [String]?, intervals: [String]?, hasBrazeTag = false, hasTagsMember = false
        // Scalar members are read in place; only list members bind their field.
        for index in block.items.indices {
            guard let known = block.items[index].fieldKnownKey else { continue }
            switch CollectorKey.of(known) {
            case .type: type = access.scalar(block.items[index].scalarValueToken)?.text
            case .sql: sqlRange = access.scalarRange(block.items[index].scalarValueToken)
            case .hidden: hidden = access.scalar(block.items[index].scalarValueToken)?.text == "yes"
            case .primary_key: primaryKey = access.scalar(block.items[index].scalarValueToken)?.text == "yes"
            case .tags:
                guard case .field(let member) = block.items[index] else { continue }
                hasTagsMember = true
                tags = access.listItems(member).map(\.text)
                hasBrazeTag = hasBrazeTag || tags.contains { BrazeTag($0) != nil }
            case .timeframes:
                guard case .field(let member) = block.items[index] else { continue }
                timeframes = access.listItems(member).map(\.text)
            case .intervals:
                guard case .field(let member) = block.items[index] else { continue }
                intervals = access.listItems(member).map(\.text)
            default: break
            }
        }
        var expanded = [name]
        if kind == .dimension_group {
            if type == "duration" {
                expanded = (intervals ?? Self.defaultIntervals).map { "\($0)s_\(name)" }
            } else {
                expanded = (timeframes ?? Self.defaultTimeframes).map { "\(name)_\($0)" }
            }
        }
        var definition = FieldDefinition(name: name, kind: kind, type: type, location: location(range), expandedNames: expanded,
                                         tags: tags, hidden: hidden, sqlRange: sqlRange, source: file.source)
        definition.hasBrazeTag = hasBrazeTag
        definition.hasTagsMember = hasTagsMember
        definition.isPrimaryKey = primaryKey
        return definition
    }

    private func explore(_ field: Field) -> ExploreDefinition? {
        guard let block = access.block(field), let (name, range, isRefinement) = access.blockName(block) else { return nil }
        var explore = ExploreDefinition(name: name, isRefinement: isRefinement, location: location(range), from: nil,
                                        viewName: nil, extends: [], extensionRequired: false, joins: [])
        for index in block.items.indices {
            guard case .field(let member) = block.items[index] else { continue }
            switch access.keyID(member) {
            case .from: explore.from = access.scalar(member)?.text
            case .view_name: explore.viewName = access.scalar(member)?.text
            case .extends: explore.extends += access.listItems(member).map(\.text)
            case .extension: explore.extensionRequired = access.scalar(member)?.text == "required"
            case .fields: if access.list(member) != nil { explore.fields = access.listItems(member).map(\.text) }
            case .join:
                if let joinBlock = access.block(member), let joinName = joinBlock.name {
                    let (alias, aliasRange) = access.unquoted(joinName)
                    let from = access.first(.from, in: joinBlock.items).flatMap(access.scalar)?.text
                    let fields = access.fields(joinBlock.items).last(where: { access.keyID($0) == .fields }).flatMap { access.list($0) != nil ? access.listItems($0).map(\.text) : nil }
                    explore.joins.append(JoinDefinition(alias: alias, from: from, location: location(aliasRange), fields: fields))
                }
            default: break
            }
        }
        return explore
    }
}
