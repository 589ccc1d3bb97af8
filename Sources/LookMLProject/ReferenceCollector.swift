import LookMLSyntax

/// Lists every reference site of one LookML file: definitions, names in field lists, `from:`/`extends:`, and the
/// names inside SQL, HTML, Liquid and links.
struct ReferenceCollector {
    private let access: SyntaxAccess
    private let path: String
    private(set) var table: ReferenceTable
    /// The sites as `Reference` values.
    var references: [Reference] { table.references }

    /// Keys whose list items (or pair keys) are field references: `view.field`, `field`, `view.*`, `set*`.
    static let fieldListKeys: Set<String> = ["fields", "drill_fields", "required_fields", "dimensions", "measures",
                                             "unless", "pivots", "sorts", "filters", "hidden_fields"]
    /// Keys whose single value is a field reference.
    static let fieldScalarKeys: Set<String> = ["field", "foreign_key", "suggest_dimension", "to_field"]

    init(file: ProjectFile, tree: SyntaxTree) {
        access = SyntaxAccess(tree: tree)
        path = file.path
        table = ReferenceTable(path: file.path)
        defer { table.finish() }
        for field in access.fields(tree.document.items) {
            let key = access.key(field)
            switch key {
            case "view": collectView(field)
            case "explore": collectExplore(field)
            case "connection":
                if let value = access.scalar(field) { add(.connection, value.text, value.range, .file) }
            case "constant":
                if let block = access.block(field), let name = block.name {
                    add(.constant, access.text(name), name.textRange, .file, definition: true)
                    collectMembers(block.items, scope: .file)
                }
            default:
                collectValue(field, key: key, scope: .file)
            }
        }
    }

    private mutating func add(_ kind: Reference.Kind, _ name: String, _ range: Range<Int>, _ scope: Reference.Scope,
                              qualifier: String? = nil, definition: Bool = false) {
        table.append(kind: kind, name: name, qualifier: qualifier, range: range, scope: scope, isDefinition: definition)
    }

    /// The name of a named block without a refinement's `+`.
    private func blockName(_ block: BlockValue) -> (name: String, range: Range<Int>, isRefinement: Bool)? {
        guard let token = block.name else { return nil }
        let (text, range) = access.unquoted(token)
        if text.hasPrefix("+") { return (String(text.dropFirst()), range.lowerBound + 1..<range.upperBound, true) }
        return (text, range, false)
    }

    private mutating func collectView(_ field: Field) {
        guard let block = access.block(field), let (name, range, isRefinement) = blockName(block) else { return }
        add(.view, name, range, .view(name), definition: !isRefinement)
        let scope = Reference.Scope.view(name)
        for member in access.fields(block.items) {
            let key = access.key(member)
            if let kind = FieldDefinition.Kind(rawValue: key), let fieldBlock = access.block(member), let fieldName = fieldBlock.name {
                let (text, nameRange) = access.unquoted(fieldName)
                add(.field, text, nameRange, scope, qualifier: name, definition: kind.rawValue == key)
                collectMembers(fieldBlock.items, scope: scope)
            } else if key == "set", let setBlock = access.block(member), let setName = setBlock.name {
                add(.set, access.text(setName), setName.textRange, scope, qualifier: name, definition: true)
                collectMembers(setBlock.items, scope: scope)
            } else if key == "extends" {
                for item in access.listItems(member) { add(.view, item.text, item.range, scope) }
            } else if key == "sql_table_name", let value = access.scalar(member) {
                add(.table, value.text, value.range, scope)
                collectValue(member, key: key, scope: scope)
            } else {
                collectValue(member, key: key, scope: scope)
            }
        }
    }

    private mutating func collectExplore(_ field: Field) {
        guard let block = access.block(field), let (name, range, isRefinement) = blockName(block) else { return }
        add(.explore, name, range, .explore(name), definition: !isRefinement)
        let scope = Reference.Scope.explore(name)
        let hasBaseView = access.first("from", in: block.items) != nil || access.first("view_name", in: block.items) != nil
        // An explore without `from:`/`view_name:` reads the view of its own name, through an alias of that name.
        if !isRefinement {
            if !hasBaseView { add(.view, name, range, scope) }
            add(.alias, name, range, scope, definition: true)
        }
        for member in access.fields(block.items) {
            let key = access.key(member)
            switch key {
            case "from", "view_name":
                if let value = access.scalar(member) { add(.view, value.text, value.range, scope) }
            case "extends":
                for item in access.listItems(member) { add(.explore, item.text, item.range, .file) }
            case "join":
                guard let joinBlock = access.block(member), let joinName = joinBlock.name else { continue }
                let (alias, aliasRange) = access.unquoted(joinName)
                add(.alias, alias, aliasRange, scope, definition: true)
                if let from = access.first("from", in: joinBlock.items) ?? access.first("view_name", in: joinBlock.items),
                   let value = access.scalar(from) {
                    add(.view, value.text, value.range, scope)
                } else {
                    add(.view, alias, aliasRange, scope)
                }
                for joinMember in access.fields(joinBlock.items) {
                    let joinKey = access.key(joinMember)
                    if joinKey == "from" || joinKey == "view_name" { continue }
                    if joinKey == "required_joins" {
                        for item in access.listItems(joinMember) { add(.alias, item.text, item.range, scope) }
                    } else {
                        collectValue(joinMember, key: joinKey, scope: scope)
                    }
                }
            default:
                collectValue(member, key: key, scope: scope)
            }
        }
    }

    private mutating func collectMembers(_ items: [Item], scope: Reference.Scope) {
        for member in access.fields(items) { collectValue(member, key: access.key(member), scope: scope) }
    }

    /// References in a field's value, by key; blocks are walked.
    private mutating func collectValue(_ field: Field, key: String, scope: Reference.Scope) {
        switch field.value {
        case .expression(let body, _):
            collectSubstitutions(body.textRange, scope: scope)
        case .string(let token):
            // Only names need their text: descriptions, labels and URLs are scanned as bytes.
            if Self.fieldScalarKeys.contains(key) {
                let (text, range) = access.unquoted(token)
                collectFieldItem(text, range, scope: scope)
            } else if key == "suggest_explore" {
                let (text, range) = access.unquoted(token)
                add(.explore, text, range, .file)
            } else {
                collectSubstitutions(access.unquotedRange(token), scope: scope)
            }
        case .literal(let token):
            if Self.fieldScalarKeys.contains(key) {
                collectFieldItem(access.text(token), token.textRange, scope: scope)
            } else if key == "suggest_explore" {
                add(.explore, access.text(token), token.textRange, .file)
            }
        case .list(let list):
            if Self.fieldListKeys.contains(key) {
                for item in list.items {
                    let (text, range) = access.unquoted(item.value)
                    collectFieldItem(text, range, scope: scope)
                    if let pair = item.pair { collectSubstitutions(access.unquotedRange(pair.value), scope: scope) }
                }
            } else if key == "required_joins" {
                for item in list.items { let (text, range) = access.unquoted(item.value); add(.alias, text, range, scope) }
            } else {
                for item in list.items where item.value.kind == .string { collectSubstitutions(access.unquotedRange(item.value), scope: scope) }
            }
        case .block(let block):
            if key == "explore_source", let (source, range, _) = blockName(block) {
                add(.explore, source, range, .file)
                collectMembers(block.items, scope: .explore(source))
            } else {
                collectMembers(block.items, scope: scope)
            }
        case .missing:
            break
        }
    }

    /// One field-list item: `-view.field`, `view.*`, `view.set*`, `set*`, `field`, `ALL_FIELDS*`.
    private mutating func collectFieldItem(_ text: String, _ range: Range<Int>, scope: Reference.Scope) {
        var start = range.lowerBound
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst(); start += 1 }
        if body == "ALL_FIELDS*" || body.isEmpty { return }
        let isSet = body.hasSuffix("*")
        if isSet { body = body.dropLast() }
        // `name` or `qualifier.name`; more than one dot names nothing.
        guard let dot = body.utf8.firstIndex(of: UInt8(ascii: ".")) else {
            add(isSet ? .set : .field, String(body), start..<start + body.utf8.count, scope)
            return
        }
        let qualifierPart = body[..<dot], namePart = body[body.index(after: dot)...]
        if namePart.utf8.contains(UInt8(ascii: ".")) { return }
        let qualifier = String(qualifierPart)
        let qualifierRange = start..<start + qualifierPart.utf8.count
        add(.alias, qualifier, qualifierRange, scope)
        let nameStart = qualifierRange.upperBound + 1
        if namePart.isEmpty { return }  // `view.*`
        add(isSet ? .set : .field, String(namePart), nameStart..<nameStart + namePart.utf8.count, scope, qualifier: qualifier)
    }

    private mutating func collectSubstitutions(_ range: Range<Int>, scope: Reference.Scope) {
        let bytes = access.bytes[range]
        guard bytes.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "/") }) else { return }
        let base = range.lowerBound
        func shifted(_ local: Range<Int>) -> Range<Int> { base + local.lowerBound..<base + local.upperBound }
        for found in SubstitutionScanner.scan(bytes) {
            switch found {
            case .localField(let name, let local):
                add(.field, name, shifted(local), scope)
            case .qualifiedField(let qualifier, let qualifierRange, let name, let local):
                add(.alias, qualifier, shifted(qualifierRange), scope)
                add(.field, name, shifted(local), scope, qualifier: qualifier)
            case .tableOf(let view, let local):
                add(.view, view, shifted(local), scope)
            case .constant(let name, let local):
                add(.constant, name, shifted(local), scope)
            case .exploreLink(let model, let modelRange, let explore, let exploreRange):
                add(.model, model, shifted(modelRange), .file)
                add(.explore, explore, shifted(exploreRange), .dashboard(model: model, explore: explore))
            case .linkField(let model, let explore, let qualifier, let qualifierRange, let name, let local):
                add(.alias, qualifier, shifted(qualifierRange), .dashboard(model: model, explore: explore))
                add(.field, name, shifted(local), .dashboard(model: model, explore: explore), qualifier: qualifier)
            }
        }
    }
}
