import LookMLProject
import LookMLSyntax

/// Reads a project directory into a `Project`: every `.lkml`/`.lookml` file and YAML dashboard, parsed on all cores.
struct ProjectLoader {
    let fileSystem: any FileSystem
    /// Keep every file's syntax tree in memory. Commands that only need definitions and references (check,
    /// rename, tag) pass false, so memory stays a small multiple of the project's bytes.
    var retainingTrees = true

    /// The project at `root`; paths inside it are relative to `root`.
    func load(_ root: String) throws(CommandError) -> Project {
        try load(root) { _, _ in () }.project
    }

    /// The project at `root`, and what `inspect` made of each file (by relative path) while its tree was at hand:
    /// on the loading thread, before a tree that is not retained is dropped.
    func load<Inspection: Sendable>(_ root: String, inspecting inspect: @escaping @Sendable (ProjectFile, SyntaxTree?) -> Inspection)
        throws(CommandError) -> (project: Project, inspections: [String: Inspection]) {
        PhaseTimer.start()
        switch fileSystem.kind(of: root) {
        case true?: break
        case false?: throw .io("'\(root)' is not a directory")
        case nil: throw .io("\(fileSystem.reasonAbsent(root)): '\(root)'")
        }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let paths = try fileSystem.files(under: root).filter { ProjectFile.Kind.of($0) != nil }
        let fileSystem = self.fileSystem
        let retainingTrees = self.retainingTrees
        PhaseTimer.mark("list files")
        let loaded = parallelMap(paths.count) { index -> Result<(ProjectFile, Inspection?), CommandError> in
            do throws(CommandError) {
                let bytes = try fileSystem.read(paths[index])
                let relative = paths[index].hasPrefix(prefix) ? String(paths[index].dropFirst(prefix.count)) : paths[index]
                var inspection: Inspection?
                let file = ProjectFile(path: relative, bytes: bytes, retainingTree: retainingTrees) { file, tree in
                    inspection = inspect(file, tree)
                }
                return .success((file, inspection))
            } catch {
                return .failure(error)
            }
        }
        var files: [ProjectFile] = [], inspections: [String: Inspection] = [:]
        files.reserveCapacity(loaded.count)
        inspections.reserveCapacity(loaded.count)
        for result in loaded {
            switch result {
            case .success(let (file, inspection)):
                files.append(file)
                inspections[file.path] = inspection
            case .failure(let error): throw error
            }
        }
        PhaseTimer.mark("read, parse and collect \(files.count) files")
        let project = Project(files: files)
        PhaseTimer.mark("index the project")
        return (project, inspections)
    }

    /// The full path of a project-relative path.
    static func join(_ root: String, _ relative: String) -> String {
        root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }
}
