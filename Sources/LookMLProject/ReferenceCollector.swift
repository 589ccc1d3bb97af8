import LookMLSyntax

/// Lists every reference site of one LookML file: definitions, names in field lists, `from:`/`extends:`, and the
/// names inside SQL, HTML, Liquid and links.
///
/// Every site's name is the file's bytes at the site, so sites are recorded as byte ranges (no strings are made for
/// them); keys are recognised from their bytes (`CollectorKey`).
struct ReferenceCollector {
    private let access: SyntaxAccess
    private(set) var table: ReferenceTable
    /// The sites as `Reference` values.
    var references: [Reference] { table.references }

    init(file: ProjectFile, tree: SyntaxTree) {
        access = SyntaxAccess(tree: tree)
        table = ReferenceTable(source: file.source)
        defer { table.finish() }
        for index in tree.document.items.indices {
            guard case .field(let field) = tree.document.items[index] else { continue }
            let key = access.keyID(field)
            switch key {
            case .view: collectView(field)
            case .explore: collectExplore(field)
            case .connection:
                if let range = access.scalarRange(field) { site(.connection, range, .file) }
            case .constant:
                if let block = access.block(field), let name = block.name {
                    site(.constant, name.textRange, .file, definition: true)
                    collectMembers(block.items, scope: .file)
                }
            default:
                collectValue(field, key: key, scope: .file)
            }
        }
    }

    /// Records a site whose name is the bytes at `range` (and whose qualifier the bytes at `qualifier`).
    private mutating func site(_ kind: Reference.Kind, _ range: Range<Int>, _ scope: Reference.Scope,
                               qualifier: Range<Int>? = nil, definition: Bool = false) {
        table.appendSite(kind: kind, range: range, qualifierRange: qualifier, scope: scope, isDefinition: definition)
    }

    private mutating func collectView(_ field: Field) {
        guard let block = access.block(field), let (name, range, isRefinement) = access.blockName(block) else { return }
        site(.view, range, .view(name), definition: !isRefinement)
        let scope = Reference.Scope.view(name)
        for index in block.items.indices {
            guard let known = block.items[index].fieldKnownKey else { continue }
            let key = CollectorKey.of(known)
            if key.fieldKind == nil, key != .sql_table_name, let token = block.items[index].scalarValueToken {
                collectScalar(token, key: key, scope: scope)
                continue
            }
            guard case .field(let member) = block.items[index] else { continue }
            if key.fieldKind != nil, let fieldBlock = access.block(member), let fieldName = fieldBlock.name {
                site(.field, access.unquotedRange(fieldName), scope, qualifier: range, definition: true)
                collectMembers(fieldBlock.items, scope: scope)
            } else if key == .set, let setBlock = access.block(member), let setName = setBlock.name {
                site(.set, setName.textRange, scope, qualifier: range, definition: true)
                collectMembers(setBlock.items, scope: scope)
            } else if key == .extends {
                if case .list(let list) = member.value {
                    for item in list.items { site(.view, access.unquotedRange(item.value), scope) }
                }
            } else if key == .sql_table_name, let value = access.scalarRange(member) {
                site(.table, value, scope)
                collectValue(member, key: key, scope: scope)
            } else {
                collectValue(member, key: key, scope: scope)
            }
        }
    }

    private mutating func collectExplore(_ field: Field) {
        guard let block = access.block(field), let (name, range, isRefinement) = access.blockName(block) else { return }
        site(.explore, range, .explore(name), definition: !isRefinement)
        let scope = Reference.Scope.explore(name)
        let hasBaseView = access.first(.from, in: block.items) != nil || access.first(.view_name, in: block.items) != nil
        // An explore without `from:`/`view_name:` reads the view of its own name, through an alias of that name.
        if !isRefinement {
            if !hasBaseView { site(.view, range, scope) }
            site(.alias, range, scope, definition: true)
        }
        for index in block.items.indices {
            guard case .field(let member) = block.items[index] else { continue }
            let key = access.keyID(member)
            switch key {
            case .from, .view_name:
                if let value = access.scalarRange(member) { site(.view, value, scope) }
            case .extends:
                if case .list(let list) = member.value {
                    for item in list.items { site(.explore, access.unquotedRange(item.value), .file) }
                }
            case .join:
                guard let joinBlock = access.block(member), let joinName = joinBlock.name else { continue }
                let aliasRange = access.unquotedRange(joinName)
                site(.alias, aliasRange, scope, definition: true)
                if let from = access.first(.from, in: joinBlock.items) ?? access.first(.view_name, in: joinBlock.items),
                   let value = access.scalarRange(from) {
                    site(.view, value, scope)
                } else {
                    site(.view, aliasRange, scope)
                }
                for index in joinBlock.items.indices {
                    guard case .field(let joinMember) = joinBlock.items[index] else { continue }
                    let joinKey = access.keyID(joinMember)
                    if joinKey == .from || joinKey == .view_name { continue }
                    if joinKey == .required_joins {
                        if case .list(let list) = joinMember.value {
                            for item in list.items { site(.alias, access.unquotedRange(item.value), scope) }
                        }
                    } else {
                        collectValue(joinMember, key: joinKey, scope: scope)
                    }
                }
            default:
                collectValue(member, key: key, scope: scope)
            }
        }
    }

    /// References in the values of a block's members. Scalar values are read in place; only lists and blocks bind
    /// their field (this runs for every member of every field of a project).
    private mutating func collectMembers(_ items: [Item], scope: Reference.Scope) {
        for index in items.indices {
            guard let known = items[index].fieldKnownKey else { continue }
            if let token = items[index].scalarValueToken {
                collectScalar(token, key: CollectorKey.of(known), scope: scope)
            } else if case .field(let member) = items[index] {
                collectValue(member, key: CollectorKey.of(known), scope: scope)
            }
        }
    }

    /// References in a literal, a string or an expression body, by key.
    private mutating func collectScalar(_ token: Token, key: CollectorKey, scope: Reference.Scope) {
        if token.kind == .expression {
            collectSubstitutions(token.textRange, scope: scope)
        } else if key.namesField {
            // Only names are sites: descriptions, labels and URLs are scanned for substitutions (strings only).
            collectFieldItem(access.unquotedRange(token), scope: scope)
        } else if key == .suggest_explore {
            site(.explore, access.unquotedRange(token), .file)
        } else if token.kind == .string {
            collectSubstitutions(access.unquotedRange(token), scope: scope)
        }
    }

    /// References in a field's value, by key; blocks are walked.
    private mutating func collectValue(_ field: Field, key: CollectorKey, scope: Reference.Scope) {
        switch field.value {
        case .expression(let body, _):
            collectScalar(body, key: key, scope: scope)
        case .string(let token), .literal(let token):
            collectScalar(token, key: key, scope: scope)
        case .list(let list):
            if key.listsFields {
                for item in list.items {
                    collectFieldItem(access.unquotedRange(item.value), scope: scope)
                    if let pair = item.pair { collectSubstitutions(access.unquotedRange(pair.value), scope: scope) }
                }
            } else if key == .required_joins {
                for item in list.items { site(.alias, access.unquotedRange(item.value), scope) }
            } else {
                for item in list.items where item.value.kind == .string { collectSubstitutions(access.unquotedRange(item.value), scope: scope) }
            }
        case .block(let block):
            if key == .explore_source, let (source, range, _) = access.blockName(block) {
                site(.explore, range, .file)
                collectMembers(block.items, scope: .explore(source))
            } else {
                collectMembers(block.items, scope: scope)
            }
        case .missing:
            break
        }
    }

    /// One field-list item: `-view.field`, `view.*`, `view.set*`, `set*`, `field`, `ALL_FIELDS*`.
    private mutating func collectFieldItem(_ range: Range<Int>, scope: Reference.Scope) {
        let bytes = access.bytes
        var start = range.lowerBound, end = range.upperBound
        if start < end, bytes[start] == UInt8(ascii: "-") { start += 1 }
        if start == end || bytes[start..<end].elementsEqual("ALL_FIELDS*".utf8) { return }
        let isSet = bytes[end - 1] == UInt8(ascii: "*")
        if isSet { end -= 1 }
        // `name` or `qualifier.name`; more than one dot names nothing.
        guard let dot = bytes[start..<end].firstIndex(of: UInt8(ascii: ".")) else {
            site(isSet ? .set : .field, start..<end, scope)
            return
        }
        if bytes[dot + 1..<end].contains(UInt8(ascii: ".")) { return }
        let qualifier = start..<dot
        site(.alias, qualifier, scope)
        if dot + 1 == end { return }  // `view.*`
        site(isSet ? .set : .field, dot + 1..<end, scope, qualifier: qualifier)
    }

    private mutating func collectSubstitutions(_ range: Range<Int>, scope: Reference.Scope) {
        let bytes = access.bytes[range]
        let base = range.lowerBound
        func shifted(_ local: Range<Int>) -> Range<Int> { base + local.lowerBound..<base + local.upperBound }
        for found in SubstitutionScanner.scan(bytes) {
            switch found {
            case .localField(let local):
                site(.field, shifted(local), scope)
            case .qualifiedField(let qualifierRange, let local):
                site(.alias, shifted(qualifierRange), scope)
                site(.field, shifted(local), scope, qualifier: shifted(qualifierRange))
            case .tableOf(let local):
                site(.view, shifted(local), scope)
            case .constant(let local):
                site(.constant, shifted(local), scope)
            case .exploreLink(let modelRange, let exploreRange):
                let model = access.tree.source.text(shifted(modelRange)), explore = access.tree.source.text(shifted(exploreRange))
                site(.model, shifted(modelRange), .file)
                site(.explore, shifted(exploreRange), .dashboard(model: model, explore: explore))
            case .linkField(let modelRange, let exploreRange, let qualifierRange, let local):
                let scope = Reference.Scope.dashboard(model: access.tree.source.text(shifted(modelRange)),
                                                      explore: access.tree.source.text(shifted(exploreRange)))
                site(.alias, shifted(qualifierRange), scope)
                site(.field, shifted(local), scope, qualifier: shifted(qualifierRange))
            }
        }
    }
}
