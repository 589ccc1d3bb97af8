import LookMLProject
import SQLDialect

/// The SQL of one explore query, with where every part of it comes from.
public struct CompiledQuery: Sendable {
    public var model: String
    public var explore: String
    public var dialect: String
    public var sql: String
    /// The selected fields, in column order.
    public var fields: [CompiledField]
    public var sourceMap: SourceMap
    /// Problems met while compiling (a `${}` that does not resolve, a filter expression that cannot be read, …).
    public var diagnostics: [CompileDiagnostic]
    /// Every LookML SQL text the query was built from, with its owner: what the balance check reads.
    public var expressions: [(text: LookMLScalar, owner: SQLOwner)]

    /// Where an output range of `sql` was written in LookML.
    public func location(of output: Range<Int>) -> (location: SourceRange, owner: SQLOwner?)? {
        sourceMap.location(of: output)
    }
}

/// One selected column.
public struct CompiledField: Sendable {
    public enum Kind: String, Sendable {
        case dimension, measure
    }

    /// `alias.field`, as the explore shows it.
    public var name: String
    /// The column's name in the result: `alias.field`, or its start and a hash when longer than the dialect allows
    /// (63 bytes on Postgres).
    public var column: String
    public var kind: Kind
    public var type: String?
    /// Where the field is defined.
    public var location: SourceRange
    /// The range of the field's expression (without `AS …`) in the SQL.
    public var outputRange: Range<Int>
}

/// A problem the compiler met, at the LookML that caused it.
public struct CompileDiagnostic: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// `${x}`, `${v.x}` or `@{X}` that names nothing.
        case unresolvedReference
        /// `${v.x}` where `v` is not joined in the explore.
        case notJoined
        /// LookML the compiler cannot turn into SQL (a timeframe, a filter expression, a join without a condition).
        case unsupported
        /// A field that refers to itself through `${}`.
        case cycle
    }

    public var kind: Kind
    public var message: String
    public var location: SourceRange
    public var owner: SQLOwner?
    public var suggestion: String?
}

/// An explore's fields: what `lookml sql` selects by default and what a live validator runs one by one.
public struct ExploreFields: Sendable {
    public struct Field: Sendable {
        /// `alias.field`.
        public var name: String
        public var view: String
        public var kind: FieldKind
        public var type: String?
        public var isHidden: Bool
        public var location: SourceRange
    }

    public var model: String
    public var explore: String
    public var dimensions: [Field]
    public var measures: [Field]
    /// Filter-only fields and parameters (not selectable).
    public var filters: [Field]
}

/// Why a query could not be compiled.
public enum CompileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownModel(String, suggestion: String?)
    case unknownExplore(String, model: String, suggestion: String?)
    case unknownField(String, explore: String, suggestion: String?)
    case notSelectable(String, kind: String)

    public var description: String {
        func didYouMean(_ suggestion: String?) -> String { suggestion.map { "; did you mean '\($0)'?" } ?? "" }
        switch self {
        case .unknownModel(let name, let suggestion): return "unknown model '\(name)'\(didYouMean(suggestion))"
        case .unknownExplore(let name, let model, let suggestion): return "unknown explore '\(name)' in model '\(model)'\(didYouMean(suggestion))"
        case .unknownField(let name, let explore, let suggestion): return "unknown field '\(name)' in explore '\(explore)'\(didYouMean(suggestion))"
        case .notSelectable(let name, let kind): return "'\(name)' is a \(kind), which filters a query but cannot be selected"
        }
    }
}

/// Options of one compilation.
public struct CompileOptions: Sendable {
    /// `LIMIT n` at the end, when set.
    public var limit: Int?
    /// Filters to apply, as in an explore URL: `alias.field` → Looker filter expression.
    public var filters: [(field: String, value: String)]

    public init(limit: Int? = nil, filters: [(field: String, value: String)] = []) {
        self.limit = limit
        self.filters = filters
    }
}
