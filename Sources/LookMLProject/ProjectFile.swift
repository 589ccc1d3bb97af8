import LookMLSyntax
import YAMLSupport

/// One file of a LookML project, parsed.
public struct ProjectFile: Sendable {
    public enum Kind: String, Sendable, Comparable {
        case manifest, model, view, explore, layer, lookml, dashboard

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The kind a path names: `x.model.lkml` is a model, `x.dashboard.lookml` a YAML dashboard, and so on.
        public static func of(_ path: String) -> Kind? {
            // The last component, without splitting the whole path (this runs for every file of a project).
            let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
            if name.hasSuffix(".dashboard.lookml") { return .dashboard }
            if name == "manifest.lkml" { return .manifest }
            if name.hasSuffix(".model.lkml") { return .model }
            if name.hasSuffix(".view.lkml") { return .view }
            if name.hasSuffix(".explore.lkml") { return .explore }
            if name.hasSuffix(".layer.lkml") { return .layer }
            if name.hasSuffix(".lkml") || name.hasSuffix(".lookml") { return .lookml }
            return nil
        }
    }

    /// The path relative to the project root, with `/` separators and no leading `/`.
    public let path: String
    public let kind: Kind
    public let source: SourceFile
    /// The LookML tree, for LookML files: kept from loading, or parsed again on demand when the file was loaded
    /// without it (large projects keep only bytes and collected contents in memory).
    public var tree: SyntaxTree? {
        if let storedTree { return storedTree }
        return kind == .dashboard ? nil : SyntaxTree.parse(source)
    }
    private let storedTree: SyntaxTree?
    /// The syntax diagnostics of a LookML file.
    public let diagnostics: [Diagnostic]
    /// The YAML documents, for dashboards.
    public let yaml: YAMLNode?
    /// A YAML error that stopped a dashboard from loading.
    public let yamlError: YAMLError?
    /// What the file defines (and, when collected on loading, references), collected on the loading thread.
    public private(set) var contents: Contents

    /// The definitions and reference sites of one file.
    public struct Contents: Sendable {
        public var views: [ViewDefinition] = []
        public var explores: [ExploreDefinition] = []
        public var includes: [(pattern: String, location: SourceRange)] = []
        public var connection: String?
        public var constants: [ConstantDefinition] = []
        public var dashboards: [DashboardDefinition] = []
        /// The reference sites, or nil when the file was loaded without them (see `ProjectFile.references`).
        public var references: ReferenceTable?
    }

    /// Every reference site of the file, in byte order: kept from loading, or collected again (parsing the file)
    /// when it was loaded without them.
    public var references: [Reference] {
        if let table = contents.references { return table.references }
        guard let tree else { return [] }
        return ReferenceCollector(file: self, tree: tree).references
    }

    /// Calls `body` with each reference site that uses a name (definitions left out), in byte order, one at a time:
    /// no array of them is made.
    public func forEachReferenceUse(_ body: (Reference) -> Void) {
        if let table = contents.references { return table.forEachUse(body) }
        for reference in references where !reference.isDefinition { body(reference) }
    }

    /// The reference sites of one kind, in byte order (cheaper than filtering `references`: only those sites are
    /// made into values).
    public func references(ofKind kind: Reference.Kind) -> [Reference] {
        if let table = contents.references { return table.references(ofKind: kind) }
        return references.filter { $0.kind == kind }
    }

    /// Parses a file. With `retainingTree: false` the tree is dropped once definitions are collected, and `tree`
    /// parses again when asked; with `collectingReferences: false` reference sites are not kept either, and
    /// `references` collects them again when asked (large projects keep only bytes and definitions in memory).
    ///
    /// `inspect` is called with the finished file and its tree (nil for dashboards) before the tree is dropped, so
    /// work that needs the syntax of every file (lint's file rules) runs without keeping trees or parsing twice.
    public init(path: String, bytes: [UInt8], retainingTree: Bool = true, collectingReferences: Bool = true,
                inspectingTree inspect: (ProjectFile, SyntaxTree?) -> Void = { _, _ in }) {
        self.path = path
        let kind = Kind.of(path) ?? .lookml
        self.kind = kind
        self.source = SourceFile(path: path, bytes: bytes)
        var contents = Contents()
        let tree: SyntaxTree?
        if kind == .dashboard {
            tree = nil
            do throws(YAMLError) {
                yaml = try YAMLLoader.loadDocument(bytes)
                yamlError = nil
            } catch {
                yaml = nil
                yamlError = error
            }
        } else {
            tree = SyntaxTree.parse(source)
            yaml = nil
            yamlError = nil
        }
        storedTree = retainingTree ? tree : nil
        diagnostics = tree?.diagnostics ?? []
        // Collect once everything else is set.
        self.contents = Contents()
        if let tree {
            let definitions = DefinitionCollector(file: self, tree: tree)
            contents.views = definitions.views
            contents.explores = definitions.explores
            contents.includes = definitions.includes
            contents.connection = definitions.connection
            contents.constants = definitions.constants
            contents.references = collectingReferences ? ReferenceCollector(file: self, tree: tree).table : nil
        } else if let yaml {
            let collector = DashboardReferenceCollector(file: self, root: yaml)
            contents.dashboards = collector.dashboards
            contents.references = ReferenceTable(source: source, references: collector.references)  // always kept: few and small
        }
        self.contents = contents
        inspect(self, tree)
    }

    /// For model files, the model's name (the file name without `.model.lkml`).
    public var modelName: String? {
        guard kind == .model else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name.dropLast(".model.lkml".count))
    }
}
