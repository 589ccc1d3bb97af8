/// Which fields an explore exposes, by Looker's rules for `fields:`: the explore's list (`ALL_FIELDS*`, `view.field`,
/// `view.set*`, `-view.field` to leave one out; an unqualified name belongs to the explore's own view) and each
/// join's list (its fields only). A dimension group's name stands for all its timeframes. Without any `fields:`
/// every field of every alias is shown.
///
/// One algorithm for everything that asks "is this field in the explore": the SQL compiler (`lookml sql`, `lookml
/// validate`) builds it from merged blocks, `ModelScope.fieldSelection(ofExplore:)` from definitions (lint's Braze
/// rules, `lookml tag`).
public struct ExploreFieldSelection: Sendable {
    /// What the selection needs of a view: its fields and its sets.
    public struct ViewFields {
        public struct Field {
            public var name: String
            /// The names the field answers to: its own, or a dimension group's `name_timeframe` / `intervals_name`.
            public var expandedNames: [String]

            public init(name: String, expandedNames: [String]) {
                self.name = name
                self.expandedNames = expandedNames
            }
        }

        public var fields: [Field]
        /// Set name → members as written (`field`, `view.field`, `other_set*`).
        public var sets: [String: [String]]

        public init(fields: [Field], sets: [String: [String]]) {
            self.fields = fields
            self.sets = sets
        }
    }

    /// `alias.name` the explore's `fields:` lists (nil: no list, everything).
    private var included: Set<String>?
    /// `alias.name` the explore's `fields:` leaves out with `-`.
    private var excluded: Set<String> = []
    /// Per join alias, the `alias.name` its own `fields:` allows.
    private var joinAllowed: [String: Set<String>] = [:]

    /// Everything shown.
    public init() {}

    /// - Parameters:
    ///   - exploreFields: the items of the explore's `fields:` (refinements and `extends` already applied), or nil.
    ///   - joinFields: join alias → the items of its `fields:`, for joins that have one.
    ///   - baseAlias: the alias of the explore's own view (unqualified names in `exploreFields` belong to it).
    ///   - aliases: alias → view, for the base and every join.
    ///   - view: the fields and sets of a view, by name.
    public init(exploreFields: [String]?, joinFields: [String: [String]], baseAlias: String, aliases: [String: String],
                view: (String) -> ViewFields?) {
        var views: [String: ViewFields?] = [:]
        func fieldsOf(_ name: String?) -> ViewFields? {
            guard let name else { return nil }
            if let known = views[name] { return known }
            let found = view(name)
            views[name] = found
            return found
        }
        func expand(_ item: String, alias: String, view: ViewFields?, depth: Int = 0) -> Set<String> {
            guard let view, depth < 10 else { return [] }
            if item == "*" || item == "ALL_FIELDS*" {
                return Set(view.fields.flatMap { field in field.expandedNames.map { "\(alias).\($0)" } + ["\(alias).\(field.name)"] })
            }
            if item.hasSuffix("*") {
                guard let members = view.sets[String(item.dropLast())] else { return [] }
                return members.reduce(into: Set<String>()) { result, member in
                    let name = member.split(separator: ".").last.map(String.init) ?? member
                    result.formUnion(expand(name, alias: alias, view: view, depth: depth + 1))
                }
            }
            // A dimension group's own name stands for every timeframe.
            if let group = view.fields.last(where: { $0.name == item && $0.expandedNames != [item] }) {
                return Set(group.expandedNames.map { "\(alias).\($0)" } + ["\(alias).\(item)"])
            }
            return ["\(alias).\(item)"]
        }
        for (alias, items) in joinFields {
            let view = fieldsOf(aliases[alias])
            joinAllowed[alias] = items.reduce(into: Set<String>()) { allowed, item in
                allowed.formUnion(expand(item.split(separator: ".").last.map(String.init) ?? item, alias: alias, view: view))
            }
        }
        guard let exploreFields else { return }
        var included = Set<String>()
        for item in exploreFields {
            var text = item
            let negated = text.hasPrefix("-")
            if negated { text.removeFirst() }
            if text == "ALL_FIELDS*" {
                for (alias, view) in aliases { included.formUnion(expand("*", alias: alias, view: fieldsOf(view))) }
                continue
            }
            let parts = text.split(separator: ".").map(String.init)
            let alias = parts.count == 2 ? parts[0] : baseAlias
            let names = expand(parts.last ?? text, alias: alias, view: fieldsOf(aliases[alias]))
            if negated { excluded.formUnion(names) } else { included.formUnion(names) }
        }
        self.included = included
    }

    /// True when the explore exposes `alias.name` (a name a field answers to: a timeframe for a dimension group).
    public func contains(alias: String, name: String) -> Bool {
        let key = "\(alias).\(name)"
        if let allowed = joinAllowed[alias], !allowed.contains(key) { return false }
        if excluded.contains(key) { return false }
        if let included, !included.contains(key) { return false }
        return true
    }

    /// True when the explore exposes the field at all: any of the names it answers to.
    public func shows(alias: String, field: FieldDefinition) -> Bool {
        field.expandedNames.contains { contains(alias: alias, name: $0) }
    }
}
