import LookMLProject

/// Reads a project directory into a `Project`: every `.lkml`/`.lookml` file and YAML dashboard, parsed on all cores.
struct ProjectLoader {
    let fileSystem: any FileSystem
    /// Keep every file's syntax tree in memory. Commands that only need definitions and references (check,
    /// rename, tag) pass false, so memory stays a small multiple of the project's bytes.
    var retainingTrees = true

    /// The project at `root`; paths inside it are relative to `root`.
    func load(_ root: String) throws(CommandError) -> Project {
        guard fileSystem.kind(of: root) == true else { throw .io("'\(root)' is not a directory") }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let paths = try fileSystem.files(under: root).filter { ProjectFile.Kind.of($0) != nil }
        let fileSystem = self.fileSystem
        let retainingTrees = self.retainingTrees
        let loaded = parallelMap(paths.count) { index -> Result<ProjectFile, CommandError> in
            do throws(CommandError) {
                let bytes = try fileSystem.read(paths[index])
                let relative = paths[index].hasPrefix(prefix) ? String(paths[index].dropFirst(prefix.count)) : paths[index]
                return .success(ProjectFile(path: relative, bytes: bytes, retainingTree: retainingTrees))
            } catch {
                return .failure(error)
            }
        }
        var files: [ProjectFile] = []
        for result in loaded {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            }
        }
        return Project(files: files)
    }

    /// The full path of a project-relative path.
    static func join(_ root: String, _ relative: String) -> String {
        root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }
}
