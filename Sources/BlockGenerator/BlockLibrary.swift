import BlockResources

/// One file the generator writes, with its path relative to the output directory.
public struct GeneratedFile: Sendable, Equatable {
    public var path: String
    public var contents: String
    /// The block that produced it.
    public var block: String

    public init(path: String, contents: String, block: String) {
        self.path = path
        self.contents = contents
        self.block = block
    }
}

/// Everything the generator reads, loaded and cross-checked: the Currents catalog, the block specs and the templates.
///
/// ```swift
/// let library = try BlockLibrary.embedded()
/// let naming = try library.naming(try NamingConfig.load(bytes, path: "names.yaml"))
/// let files = try library.generate(blocks: ["message-engagement"], naming: naming, include: ["sms"])
/// ```
public struct BlockLibrary: Sendable {
    public let catalog: CurrentsCatalog
    /// The block specs, in name order.
    public let blocks: [BlockSpec]
    let templates: [String: Template]

    public static let viewTemplate = "templates/view.lkml.tmpl"
    public static let modelTemplate = "templates/model.lkml.tmpl"
    public static let dashboardTemplate = "templates/dashboard.lookml.tmpl"

    /// The library built into the binary.
    public static func embedded() throws(BlockError) -> BlockLibrary {
        try BlockLibrary(files: BlockResources.files)
    }

    /// A library from resource files keyed by relative path (`blocks/…`, `templates/…`).
    public init(files: [String: String]) throws(BlockError) {
        guard let catalogText = files[CurrentsCatalog.resourcePath] else {
            throw BlockError(path: CurrentsCatalog.resourcePath, message: "missing")
        }
        catalog = try CurrentsCatalog.load(Array(catalogText.utf8), path: CurrentsCatalog.resourcePath)
        var blocks: [BlockSpec] = []
        var templates: [String: Template] = [:]
        for path in files.keys.sorted() {
            let text = files[path]!
            if path.hasPrefix("templates/"), path.hasSuffix(".tmpl") {
                templates[path] = try Template(text, path: path)
            } else if path.hasPrefix("blocks/"), path.hasSuffix(".yaml"), path != CurrentsCatalog.resourcePath {
                blocks.append(try BlockSpec.load(Array(text.utf8), path: path, catalog: catalog))
            }
        }
        self.blocks = blocks.sorted { $0.block < $1.block }
        self.templates = templates
        for required in [Self.viewTemplate, Self.modelTemplate, Self.dashboardTemplate] where templates[required] == nil {
            throw BlockError(path: required, message: "missing template")
        }
        try checkReferences()
    }

    /// The block names, sorted.
    public var blockNames: [String] { blocks.map(\.block) }

    /// The optional parts that `--include` can add (`content-cards`, `sms`).
    public var optionalBlocks: [String] {
        var names: Set<String> = []
        for block in blocks {
            for view in block.views { if let when = view.when { names.insert(when) } }
            for explore in block.explores { if let when = explore.when { names.insert(when) } }
        }
        return names.sorted()
    }

    /// Every default name a naming config may override.
    public var defaultNames: DefaultNames {
        var names = DefaultNames()
        for block in blocks {
            names.models.insert(block.model.name)
            names.views.formUnion(block.views.map(\.name))
            names.explores.formUnion(block.explores.map(\.name))
            names.dashboards.formUnion(block.dashboards.map(\.name))
        }
        return names
    }

    /// Checks a naming config against this library.
    public func naming(_ config: NamingConfig) throws(BlockError) -> Naming {
        try Naming(config: config, catalog: catalog, defaults: defaultNames)
    }

    func template(_ path: String) throws(BlockError) -> Template {
        guard let template = templates[path] else { throw BlockError(path: path, message: "missing template") }
        return template
    }

    /// Explores name views of their block; dashboards name explores; names are unique.
    private func checkReferences() throws(BlockError) {
        var models: Set<String> = []
        var allViews: Set<String> = []
        for block in blocks {
            let path = "blocks/\(block.block).yaml"
            guard models.insert(block.model.name).inserted else {
                throw BlockError(path: path, message: "model '\(block.model.name)' is defined by two blocks")
            }
            let views = Set(block.views.map(\.name))
            if let shared = views.intersection(allViews).first {
                throw BlockError(path: path, message: "view '\(shared)' is defined by two blocks")
            }
            allViews.formUnion(views)
            var explores: Set<String> = []
            for explore in block.explores {
                guard explores.insert(explore.name).inserted else {
                    throw BlockError(path: path, message: "explore '\(explore.name)' is defined twice")
                }
                for view in [explore.view] + explore.joins.map(\.view) where !views.contains(view) {
                    throw BlockError(path: path, message: "explore '\(explore.name)' uses unknown view '\(view)'\(suggestion(for: view, among: views))")
                }
            }
            for dashboard in block.dashboards {
                for explore in [dashboard.explore] + dashboard.tiles.compactMap(\.explore) where !explores.contains(explore) {
                    throw BlockError(path: path, message: "dashboard '\(dashboard.name)' uses unknown explore '\(explore)'")
                }
            }
        }
    }

    /// Generates the files of `blocks` (block names; every block when empty) under a naming, with the optional
    /// parts in `include`. Deterministic: the same inputs give the same files in the same order.
    public func generate(blocks names: [String] = [], naming: Naming, include: Set<String> = []) throws(BlockError) -> [GeneratedFile] {
        for name in names where !blockNames.contains(name) {
            throw BlockError(path: "<command line>", message: "unknown block '\(name)' (choose from: \(blockNames.joined(separator: ", ")))")
        }
        for name in include where !optionalBlocks.contains(name) {
            throw BlockError(path: "<command line>", message: "unknown optional block '\(name)' (choose from: \(optionalBlocks.joined(separator: ", ")))")
        }
        var files: [GeneratedFile] = []
        for block in blocks where names.isEmpty || names.contains(block.block) {
            var writer = BlockWriter(library: self, block: block, naming: naming, includes: include)
            files += try writer.files()
        }
        return files.sorted { $0.path < $1.path }
    }
}
