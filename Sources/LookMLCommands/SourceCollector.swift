/// Turns the paths a user names into the LookML files a command works on.
struct SourceCollector {
    let fileSystem: any FileSystem

    /// Files named directly are taken as they are; directories are walked for `*.lkml` (dashboards, which are
    /// YAML, are skipped). Missing paths are errors. Each file appears once, in the order named, directories sorted.
    func lookMLFiles(_ paths: [String]) throws(CommandError) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for path in paths {
            switch fileSystem.kind(of: path) {
            case nil:
                throw .io("\(fileSystem.reasonAbsent(path)): '\(path)'")
            case true?:
                for file in try fileSystem.files(under: path) where file.hasSuffix(".lkml") && seen.insert(file).inserted {
                    result.append(file)
                }
            case false?:
                if seen.insert(path).inserted { result.append(path) }
            }
        }
        return result
    }
}
