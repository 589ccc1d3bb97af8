/// Which fields an explore exposes, by Looker's rules for `fields:`: the explore's list (`ALL_FIELDS*`, `view.field`,
/// `view.set*`, `-view.field` to leave one out; an unqualified name belongs to the explore's own view) and each
/// join's list (its fields only). A dimension group's name stands for all its timeframes. Without any `fields:`
/// every field of every alias is shown.
///
/// One algorithm for everything that asks "is this field in the explore": the SQL compiler (`lookml sql`, `lookml
/// validate`) builds it from merged blocks, `ModelScope.fieldSelection(ofExplore:)` from definitions (lint's Braze
/// rules, `lookml tag`).
public struct ExploreFieldSelection: Sendable {
    /// What the selection needs of a view: its dimension groups (whose names stand for all their timeframes) and
    /// its sets.
    public struct ViewFields {
        /// Dimension group name → the names it answers to (`name_timeframe` / `intervals_name`); the last group of a
        /// name when several are defined.
        public var groups: [String: [String]]
        /// Set name → members as written (`field`, `view.field`, `other_set*`).
        public var sets: [String: [String]]

        public init(groups: [String: [String]], sets: [String: [String]]) {
            self.groups = groups
            self.sets = sets
        }
    }

    /// Names shown or left out: whole aliases (`*`, `ALL_FIELDS*` — kept as the alias, not as every field's name, which
    /// for wide views would be thousands of strings per explore) and single `alias.name`s.
    private struct Names: Sendable {
        var aliases: Set<String> = []
        var names: Set<String> = []

        func contains(alias: String, name: String) -> Bool {
            aliases.contains(alias) || names.contains("\(alias).\(name)")
        }
    }

    /// What the explore's `fields:` lists (nil: no list, everything).
    private var included: Names?
    /// What the explore's `fields:` leaves out with `-`.
    private var excluded = Names()
    /// Per join alias, what its own `fields:` allows.
    private var joinAllowed: [String: Names] = [:]

    /// Everything shown.
    public init() {}

    /// - Parameters:
    ///   - exploreFields: the items of the explore's `fields:` (refinements and `extends` already applied), or nil.
    ///   - joinFields: join alias → the items of its `fields:`, for joins that have one.
    ///   - baseAlias: the alias of the explore's own view (unqualified names in `exploreFields` belong to it).
    ///   - aliases: alias → view, for the base and every join.
    ///   - view: the fields and sets of a view, by name.
    ///   - onlyAliases: when given, the selection answers for these aliases only, and skips working out the others
    ///     (an explore's `fields:` lists name every join, and a question is often about one or two of them).
    public init(exploreFields: [String]?, joinFields: [String: [String]], baseAlias: String, aliases: [String: String],
                onlyAliases: Set<String>? = nil, view: (String) -> ViewFields?) {
        func wanted(_ alias: String) -> Bool { onlyAliases?.contains(alias) ?? true }
        var views: [String: ViewFields?] = [:]
        func fieldsOf(_ name: String?) -> ViewFields? {
            guard let name else { return nil }
            if let known = views[name] { return known }
            let found = view(name)
            views[name] = found
            return found
        }
        func expand(_ item: String, alias: String, view: ViewFields?, into names: inout Names, depth: Int = 0) {
            guard let view, depth < 10 else { return }
            if item == "*" || item == "ALL_FIELDS*" {
                names.aliases.insert(alias)
                return
            }
            if item.hasSuffix("*") {
                for member in view.sets[String(item.dropLast())] ?? [] {
                    let name = member.split(separator: ".").last.map(String.init) ?? member
                    expand(name, alias: alias, view: view, into: &names, depth: depth + 1)
                }
                return
            }
            // A dimension group's own name stands for every timeframe.
            for name in view.groups[item] ?? [] { names.names.insert("\(alias).\(name)") }
            names.names.insert("\(alias).\(item)")
        }
        for (alias, items) in joinFields where wanted(alias) {
            let view = fieldsOf(aliases[alias])
            var allowed = Names()
            for item in items { expand(item.split(separator: ".").last.map(String.init) ?? item, alias: alias, view: view, into: &allowed) }
            joinAllowed[alias] = allowed
        }
        guard let exploreFields else { return }
        var included = Names()
        for item in exploreFields {
            var text = item
            let negated = text.hasPrefix("-")
            if negated { text.removeFirst() }
            if text == "ALL_FIELDS*" {
                for (alias, view) in aliases where wanted(alias) { expand("*", alias: alias, view: fieldsOf(view), into: &included) }
                continue
            }
            let parts = text.split(separator: ".").map(String.init)
            let alias = parts.count == 2 ? parts[0] : baseAlias
            guard wanted(alias) else { continue }
            if negated {
                expand(parts.last ?? text, alias: alias, view: fieldsOf(aliases[alias]), into: &excluded)
            } else {
                expand(parts.last ?? text, alias: alias, view: fieldsOf(aliases[alias]), into: &included)
            }
        }
        self.included = included
    }

    /// True when the explore exposes `alias.name`, a name a field of the alias's view answers to (a timeframe for a
    /// dimension group). Names that no field of the view answers to are not asked about: a whole alias shown by `*`
    /// shows any name.
    public func contains(alias: String, name: String) -> Bool {
        if let allowed = joinAllowed[alias], !allowed.contains(alias: alias, name: name) { return false }
        if excluded.contains(alias: alias, name: name) { return false }
        if let included, !included.contains(alias: alias, name: name) { return false }
        return true
    }

    /// True when the explore exposes the field at all: any of the names it answers to.
    public func shows(alias: String, field: FieldDefinition) -> Bool {
        field.expandedNames.contains { contains(alias: alias, name: $0) }
    }
}
