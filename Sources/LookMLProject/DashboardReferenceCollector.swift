import YAMLSupport

/// Lists the references of a YAML dashboard: each element's and filter's `model` and `explore`, and every field it
/// names — in `fields`, `sorts`, `pivots`, `filters` keys, `listen` values, a filter's `field`, and every
/// visualisation setting keyed by or listing a field (`hidden_fields`, `column_order`, `series_colors`,
/// `series_labels`, `series_types`, `y_axes` series `id`/`axisId`, …), plus `${view.field}` in `dynamic_fields`.
struct DashboardReferenceCollector {
    private let file: ProjectFile
    private(set) var references: [Reference] = []
    private(set) var dashboards: [DashboardDefinition] = []
    /// Field references in these keys are certain; elsewhere a field-shaped scalar counts only if it resolves.
    static let certainFieldKeys: Set<String> = ["fields", "sorts", "pivots", "filters", "listen", "field", "hidden_fields",
                                                "column_order", "series_colors", "series_labels", "series_types", "id", "axisId"]

    init(file: ProjectFile, root: YAMLNode) {
        self.file = file
        for dashboard in root.items ?? [root] {
            if let name = dashboard["dashboard"]?.scalar {
                dashboards.append(DashboardDefinition(name: name.value, file: file.path,
                                                      location: SourceRange(file: file.path, range: valueRange(name) ?? name.range)))
            }
            for element in dashboard["elements"]?.items ?? [] { collect(element) }
            for filter in dashboard["filters"]?.items ?? [] { collect(filter) }
        }
    }

    /// The byte range of a scalar's value inside its quotes, when the source text equals the value (no escapes).
    private func valueRange(_ scalar: YAMLScalar) -> Range<Int>? {
        var range = scalar.range
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            guard range.count >= 2 else { return nil }
            range = range.lowerBound + 1..<range.upperBound - 1
        } else if scalar.style != .plain {
            return nil
        }
        guard range.upperBound <= file.source.bytes.count,
              file.source.bytes[range].elementsEqual(scalar.value.utf8) else { return nil }
        return range
    }

    private mutating func add(_ kind: Reference.Kind, _ name: String, _ range: Range<Int>, _ scope: Reference.Scope, qualifier: String? = nil, certain: Bool) {
        var reference = Reference(kind: kind, name: name, qualifier: qualifier, location: SourceRange(file: file.path, range: range), scope: scope)
        reference.isCertain = certain
        references.append(reference)
    }

    private mutating func collect(_ element: YAMLNode) {
        let model = element["model"]?.string
        let explore = element["explore"]?.string
        let scope = Reference.Scope.dashboard(model: model, explore: explore)
        if let scalar = element["model"]?.scalar, let range = valueRange(scalar) { add(.model, scalar.value, range, scope, certain: true) }
        if let scalar = element["explore"]?.scalar, let range = valueRange(scalar) { add(.explore, scalar.value, range, scope, certain: true) }
        for pair in element.pairs ?? [] where pair.key.value != "model" && pair.key.value != "explore" {
            collectFields(pair.value, key: pair.key.value, scope: scope, certain: Self.certainFieldKeys.contains(pair.key.value))
        }
    }

    private mutating func collectFields(_ node: YAMLNode, key: String, scope: Reference.Scope, certain: Bool) {
        switch node {
        case .scalar(let scalar):
            collectScalar(scalar, scope: scope, certain: certain)
        case .sequence(let items, _):
            for item in items { collectFields(item, key: key, scope: scope, certain: certain) }
        case .mapping(let pairs, _):
            for pair in pairs {
                // Keys of `filters`, `series_colors`, … are fields; so are values of `listen` and series `id`/`axisId`.
                collectScalar(pair.key, scope: scope, certain: certain && key != "listen")
                let childCertain = Self.certainFieldKeys.contains(pair.key.value) || (certain && key == "listen")
                collectFields(pair.value, key: pair.key.value, scope: scope, certain: childCertain && !["filters"].contains(key))
            }
        }
    }

    /// A field-shaped scalar (`view.field`, `view.field desc`, `-view.field`), or `${view.field}` inside text.
    private mutating func collectScalar(_ scalar: YAMLScalar, scope: Reference.Scope, certain: Bool) {
        guard let range = valueRange(scalar) else { return }
        let bytes = file.source.bytes[range]
        if bytes.contains(UInt8(ascii: "$")) {
            for found in SubstitutionScanner.scan(bytes) {
                if case .qualifiedField(let qualifierRange, let local) = found {
                    let qualifierSite = range.lowerBound + qualifierRange.lowerBound..<range.lowerBound + qualifierRange.upperBound
                    let site = range.lowerBound + local.lowerBound..<range.lowerBound + local.upperBound
                    let qualifier = file.source.text(qualifierSite)
                    add(.alias, qualifier, qualifierSite, scope, certain: certain)
                    add(.field, file.source.text(site), site, scope, qualifier: qualifier, certain: certain)
                }
            }
            return
        }
        var text = Substring(scalar.value)
        var start = range.lowerBound
        if text.hasPrefix("-") { text = text.dropFirst(); start += 1 }
        for suffix in [" desc", " asc"] where text.hasSuffix(suffix) { text = text.dropLast(suffix.count) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ part in
            guard let first = part.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
            return part.utf8.allSatisfy(SubstitutionScanner.isNameByte)
        }) else { return }
        let qualifierEnd = start + parts[0].utf8.count
        add(.alias, String(parts[0]), start..<qualifierEnd, scope, certain: certain)
        add(.field, String(parts[1]), qualifierEnd + 1..<qualifierEnd + 1 + parts[1].utf8.count, scope, qualifier: String(parts[0]), certain: certain)
    }
}
