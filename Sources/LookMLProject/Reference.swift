/// One place where a name is written: what it names, in which scope, and the exact bytes to edit on a rename.
public struct Reference: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case view, explore, model, constant, connection, table, set, field
        /// A view as seen inside an explore: the explore's own name or a join name (`users` in `users.id`).
        case alias
    }

    /// The scope a reference is resolved in.
    public enum Scope: Sendable, Hashable {
        /// Inside a view: `${field}` is a field of this view.
        case view(String)
        /// Inside an explore (of the file's model, or of any model including the file): qualifiers are aliases.
        case explore(String)
        /// A dashboard element or filter querying `explore` of `model`.
        case dashboard(model: String?, explore: String?)
        /// Anywhere else (model files, manifest, links).
        case file
    }

    public var kind: Kind
    /// The name as written (for fields: the field name only).
    public var name: String
    /// For fields and sets: the alias or view written before the dot, if any.
    public var qualifier: String?
    /// Where the qualifier is written, when it is written in this file (a name's `view.` prefix).
    public var qualifierRange: Range<Int>?
    public var location: SourceRange
    public var scope: Scope
    /// True for the place that defines the name (`view: users`), false for uses.
    public var isDefinition: Bool
    /// False for a dashboard scalar that merely looks like a field (`a.b` in a setting not known to hold fields):
    /// renamed when it resolves, never reported when it does not.
    public var isCertain = true

    public init(kind: Kind, name: String, qualifier: String? = nil, location: SourceRange, scope: Scope, isDefinition: Bool = false) {
        self.kind = kind
        self.name = name
        self.qualifier = qualifier
        self.location = location
        self.scope = scope
        self.isDefinition = isDefinition
    }
}
