import LookMLSyntax

/// `lookml check`: every reference resolves, nothing is defined twice, `extends` has no gaps or cycles, includes
/// match files, dashboards point at real models, explores and fields.
public struct Checker: Sendable {
    public let project: Project

    public init(project: Project) { self.project = project }

    public func check() -> [Finding] {
        var findings = Set<Finding>()
        func report(_ entry: (String, Severity), _ message: String, _ location: SourceRange, suggestion: String? = nil) {
            findings.insert(Finding(id: entry.0, severity: entry.1, message: message, file: location.file, range: location.range, suggestion: suggestion))
        }

        // Syntax and YAML errors first.
        for path in project.paths {
            guard let file = project.files[path] else { continue }
            for diagnostic in file.diagnostics {
                findings.insert(Finding(id: diagnostic.id.rawValue, severity: diagnostic.severity, message: diagnostic.message, file: path, range: diagnostic.range))
            }
            if let error = file.yamlError {
                report(CheckMessages.invalidDashboard, "invalid dashboard YAML: \(error.message)", SourceRange(file: path, range: error.mark.offset..<error.mark.offset))
            }
        }

        // Includes that match nothing.
        for (file, includes) in project.includes {
            for include in includes {
                if case .files(let matches) = project.resolve(include: include.pattern, from: file), matches.isEmpty {
                    report(CheckMessages.includeMatchesNothing, "include '\(include.pattern)' matches no file", include.location)
                }
            }
        }

        // Each model sees its own files; files no model includes are checked against the whole project.
        var scopes = project.models.map { project.scope(of: $0) }
        let covered = Set(scopes.flatMap(\.files))
        let uncovered = Set(project.paths.filter { !covered.contains($0) && project.files[$0]?.kind != .dashboard })
        if !uncovered.isEmpty {
            // The whole-project scope is built only when a file outside every model defines views or explores or
            // names one (a lone manifest only has constants, which need no scope).
            let namesOnly: Set<Reference.Kind> = [.constant, .model, .table, .connection]
            let needsScope = uncovered.contains { path in
                guard let contents = project.files[path]?.contents else { return false }
                return !contents.views.isEmpty || !contents.explores.isEmpty
                    || project.references(inFile: path).contains { !$0.isDefinition && !namesOnly.contains($0.kind) }
            }
            let everything = ModelDefinition(name: "", file: "", connection: nil, includes: [])
            scopes.append(ModelScope(project: project, model: everything, files: needsScope ? project.paths : []))
        }
        let names = ProjectNames(models: Set(project.models.map(\.name)), constants: Set(project.constants.map(\.name)),
                                 explores: Set(project.explores.map(\.definition.name)))

        PhaseTimer.mark("check: syntax, includes, scopes")
        // Definitions per scope, then the references of every file in each scope that sees it — both on all cores.
        let scopeList = scopes
        for batch in parallelMap(scopeList.count, { [self] index in
            definitionFindings(in: scopeList[index], uncovered: uncovered)
        }) {
            findings.formUnion(batch)
        }
        PhaseTimer.mark("check: definitions of \(scopeList.count) scopes")
        var scopesOfFile: [String: [Int]] = [:]
        for (index, scope) in scopes.enumerated() {
            for file in scope.model.name.isEmpty ? uncovered : scope.files { scopesOfFile[file, default: []].append(index) }
        }
        let paths = project.paths
        for batch in parallelMap(paths.count, { [self, scopesOfFile] index in
            referenceFindings(in: paths[index], scopes: (scopesOfFile[paths[index]] ?? []).map { scopeList[$0] }, names: names)
        }) {
            findings.formUnion(batch)
        }
        PhaseTimer.mark("check: references of \(paths.count) files")
        return findings.sorted { ($0.file, $0.range.lowerBound, $0.id) < ($1.file, $1.range.lowerBound, $1.id) }
    }

    /// The names every reference check consults.
    private struct ProjectNames: Sendable {
        let models: Set<String>
        let constants: Set<String>
        let explores: Set<String>
    }

    /// Duplicates, refinements of unknown views and `extends` cycles among the definitions one scope sees (the
    /// whole-project scope only looks at files no model includes).
    private func definitionFindings(in scope: ModelScope, uncovered: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        func report(_ entry: (String, Severity), _ message: String, _ location: SourceRange) {
            findings.append(Finding(id: entry.0, severity: entry.1, message: message, file: location.file, range: location.range))
        }
        let isWholeProject = scope.model.name.isEmpty
        for (name, definitions) in scope.views where !isWholeProject || definitions.contains(where: { uncovered.contains($0.location.file) }) {
            let bases = definitions.filter { !$0.isRefinement }
            for duplicate in bases.dropFirst() {
                report(CheckMessages.duplicateDefinition, "view '\(name)' is defined more than once\(isWholeProject ? "" : " in model '\(scope.model.name)'")", duplicate.location)
            }
            if bases.isEmpty, let refinement = definitions.first {
                report(CheckMessages.unknownView, "refinement of unknown view '\(name)'\(didYouMean(nearestName(to: name, in: scope.views.keys.filter { scope.views[$0]!.contains { !$0.isRefinement } })))", refinement.location)
            }
            for definition in definitions {
                var seen = Set<String>(minimumCapacity: definition.fields.count)
                for field in definition.fields where !seen.insert(field.name).inserted {
                    report(CheckMessages.duplicateField, "field '\(field.name)' is defined more than once in view '\(name)'", field.location)
                }
            }
            if let cycle = extendsCycle(from: name, edges: { scope.views[$0]?.flatMap(\.extends) ?? [] }) {
                report(CheckMessages.extendsCycle, "view '\(name)' extends itself: \(cycle.joined(separator: " → "))", definitions[0].location)
            }
        }
        for (name, definitions) in scope.explores where !isWholeProject || definitions.contains(where: { uncovered.contains($0.location.file) }) {
            for duplicate in definitions.filter({ !$0.isRefinement }).dropFirst() {
                report(CheckMessages.duplicateDefinition, "explore '\(name)' is defined more than once\(isWholeProject ? "" : " in model '\(scope.model.name)'")", duplicate.location)
            }
            if let cycle = extendsCycle(from: name, edges: { scope.explores[$0]?.flatMap(\.extends) ?? [] }) {
                report(CheckMessages.extendsCycle, "explore '\(name)' extends itself: \(cycle.joined(separator: " → "))", definitions[0].location)
            }
        }
        return findings
    }

    /// The broken references of one file: each checked in every scope that sees the file, and dashboard queries in
    /// the scope of the model they name.
    private func referenceFindings(in path: String, scopes: [ModelScope], names: ProjectNames) -> [Finding] {
        guard let file = project.files[path] else { return [] }
        // Definitions are not checked, and the uses are made into values one at a time, once per scope (a file is
        // seen by one model, mostly). Dashboard queries are checked in the last pass and reported after the scopes'.
        var findings: [Finding] = [], dashboardFindings: [Finding] = []
        func report(_ entry: (String, Severity), _ message: String, _ location: SourceRange, _ suggestion: String?) {
            findings.append(Self.finding(entry, message, location, suggestion))
        }
        func reportDashboard(_ entry: (String, Severity), _ message: String, _ location: SourceRange, _ suggestion: String?) {
            dashboardFindings.append(Self.finding(entry, message, location, suggestion))
        }
        let passes = max(scopes.count, 1)
        for pass in 0..<passes {
            let scope = scopes.isEmpty ? nil : scopes[pass]
            let isLast = pass == passes - 1
            var lastView = LastView()
            file.forEachReferenceUse { reference in
                if let scope { check(reference, in: scope, names: names, lastView: &lastView, report: report) }
                if isLast, case .dashboard(let modelName, let exploreName) = reference.scope, reference.isCertain {
                    checkDashboardQuery(reference, model: modelName, explore: exploreName, names: names, report: reportDashboard)
                }
            }
        }
        findings += dashboardFindings
        return findings
    }

    private typealias Report = ((String, Severity), String, SourceRange, String?) -> Void

    private static func finding(_ entry: (String, Severity), _ message: String, _ location: SourceRange, _ suggestion: String?) -> Finding {
        Finding(id: entry.0, severity: entry.1, message: message, file: location.file, range: location.range, suggestion: suggestion)
    }

    /// The last view a file's references were checked against in one scope, with what the scope knows of it:
    /// references come in runs naming one view (its fields' SQL), and looking it up once per run saves hashing its
    /// name for every reference.
    private struct LastView {
        private var name: String?
        private(set) var isKnown = false
        private(set) var fields: Set<String>?

        /// Makes `name` the last view, looking it up in `scope` unless it already is.
        mutating func lookUp(_ name: String, in scope: ModelScope) {
            guard name != self.name else { return }
            self.name = name
            isKnown = scope.views[name] != nil
            fields = scope.fields(ofView: name)
        }
    }

    /// One reference as one scope sees it.
    private func check(_ reference: Reference, in scope: ModelScope, names: ProjectNames, lastView: inout LastView, report: Report) {
        let isWholeProject = scope.model.name.isEmpty
        switch (reference.kind, reference.scope) {
        case (.view, _):
            if scope.views[reference.name] == nil {
                let suggestion = nearestName(to: reference.name, in: scope.views.keys)
                report(CheckMessages.unknownView, "unknown view '\(reference.name)'\(didYouMean(suggestion))", reference.location, suggestion)
            }
        case (.explore, .file), (.explore, .explore):
            if scope.explores[reference.name] == nil, !names.explores.contains(reference.name) {
                let suggestion = nearestName(to: reference.name, in: names.explores)
                report(CheckMessages.unknownExplore, "unknown explore '\(reference.name)'\(didYouMean(suggestion))", reference.location, suggestion)
            }
        case (.constant, _):
            if !names.constants.contains(reference.name) {
                let suggestion = nearestName(to: reference.name, in: names.constants)
                report(CheckMessages.unknownConstant, "unknown constant '@{\(reference.name)}'\(didYouMean(suggestion))", reference.location, suggestion)
            }
        case (.model, _):
            if !names.models.contains(reference.name) {
                let suggestion = nearestName(to: reference.name, in: names.models)
                report(CheckMessages.unknownModel, "unknown model '\(reference.name)'\(didYouMean(suggestion))", reference.location, suggestion)
            }
        case (.alias, .explore(let explore)):
            guard let aliases = scope.aliases(ofExplore: explore) else { return }
            if aliases[reference.name] == nil {
                let suggestion = nearestName(to: reference.name, in: aliases.keys)
                report(CheckMessages.notJoined, "'\(reference.name)' is not joined in explore '\(explore)'\(didYouMean(suggestion))", reference.location, suggestion)
            }
        case (.field, .explore(let explore)), (.set, .explore(let explore)):
            guard let aliases = scope.aliases(ofExplore: explore) else { return }
            let view = reference.qualifier.flatMap { aliases[$0] } ?? (reference.qualifier == nil ? scope.baseAliases[explore].flatMap { aliases[$0] } : nil)
            if let view { checkField(reference, inView: view, scope: scope, report: report) }
        case (.field, .view(let view)), (.set, .view(let view)):
            let target: String
            if let qualifier = reference.qualifier {
                lastView.lookUp(qualifier, in: scope)
                target = lastView.isKnown ? qualifier : (scope.anyExploreAliases[qualifier] ?? qualifier)
            } else {
                target = view
            }
            lastView.lookUp(target, in: scope)
            if !lastView.isKnown {
                if let qualifier = reference.qualifier, !isWholeProject || scope.views.isEmpty == false {
                    let suggestion = nearestName(to: qualifier, in: scope.views.keys)
                    // The qualifier's own range (its text may be longer than its bytes when they are not UTF-8).
                    let start = reference.location.range.lowerBound
                    let range = reference.qualifierRange ?? max(0, start - qualifier.utf8.count - 1)..<max(0, start - 1)
                    report(CheckMessages.unknownView, "unknown view '\(qualifier)' in '\(qualifier).\(reference.name)'\(didYouMean(suggestion))",
                           SourceRange(file: reference.location.file, range: range), suggestion)
                }
                return
            }
            checkField(reference, inView: target, scope: scope, fields: lastView.fields, report: report)
        default:
            break
        }
    }

    /// A dashboard element's (or a link's) model, explore and fields, in the scope of the model it names.
    private func checkDashboardQuery(_ reference: Reference, model modelName: String?, explore exploreName: String?,
                                     names: ProjectNames, report: Report) {
        guard let modelName, let model = project.models.first(where: { $0.name == modelName }) else {
            if reference.kind == .model {
                let suggestion = nearestName(to: reference.name, in: names.models)
                report(CheckMessages.unknownModel, "unknown model '\(reference.name)'\(didYouMean(suggestion))", reference.location, suggestion)
            }
            return
        }
        let scope = project.scope(of: model)
        guard let exploreName, let aliases = scope.aliases(ofExplore: exploreName) else {
            if reference.kind == .explore {
                let suggestion = nearestName(to: reference.name, in: scope.explores.keys)
                report(CheckMessages.unknownExplore, "unknown explore '\(reference.name)' in model '\(modelName)'\(didYouMean(suggestion))", reference.location, suggestion)
            }
            return
        }
        switch reference.kind {
        case .alias where aliases[reference.name] == nil:
            let suggestion = nearestName(to: reference.name, in: aliases.keys)
            report(CheckMessages.notJoined, "'\(reference.name)' is not joined in explore '\(exploreName)'\(didYouMean(suggestion))", reference.location, suggestion)
        case .field:
            if let qualifier = reference.qualifier, let view = aliases[qualifier] {
                checkField(reference, inView: view, scope: scope, report: report)
            }
        default:
            break
        }
    }

    private func didYouMean(_ suggestion: String?) -> String { suggestion.map { "; did you mean '\($0)'?" } ?? "" }

    private func checkField(_ reference: Reference, inView view: String, scope: ModelScope, report: Report) {
        checkField(reference, inView: view, scope: scope, fields: scope.fields(ofView: view), report: report)
    }

    /// `checkField`, with the view's field names already looked up.
    private func checkField(_ reference: Reference, inView view: String, scope: ModelScope, fields: Set<String>?, report: Report) {
        if reference.kind == .set {
            guard let sets = scope.sets(ofView: view), !sets.contains(reference.name) else { return }
            let suggestion = nearestName(to: reference.name, in: sets)
            report(CheckMessages.unknownSet, "unknown set '\(reference.name)' in view '\(view)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")", reference.location, suggestion)
            return
        }
        guard let fields, !fields.contains(reference.name) else { return }
        let suggestion = nearestName(to: reference.name, in: fields)
        report(CheckMessages.unknownField, "unknown field '\(reference.name)' in view '\(view)'\(suggestion.map { "; did you mean '\($0)'?" } ?? "")", reference.location, suggestion)
    }

    /// The cycle through `start`, if following `edges` returns to it.
    private func extendsCycle(from start: String, edges: (String) -> [String]) -> [String]? {
        var path: [String] = [start]
        var visited = Set<String>()
        func visit(_ node: String) -> Bool {
            for next in edges(node) {
                if next == start { path.append(next); return true }
                if visited.insert(next).inserted {
                    path.append(next)
                    if visit(next) { return true }
                    path.removeLast()
                }
            }
            return false
        }
        return visit(start) ? path : nil
    }
}
