import Foundation
import PackagePlugin

/// Embeds every file under the package's `blocks/` and `templates/` folders into the target as a generated Swift
/// source (`EmbeddedResources.files`, keyed by path relative to the package root), so the installed binary needs
/// no files next to it. Every embedded file and every folder is a declared input: editing a file rebuilds the
/// target, and adding or removing one changes its folder, so the tool runs again and walks the folders itself.
@main
struct EmbedResources: BuildToolPlugin {
    static let folders = ["blocks", "templates"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var relativePaths: [String] = []
        var folders: [String] = []
        for folder in Self.folders {
            Self.walk(root.appendingPathComponent(folder), relativeTo: folder, files: &relativePaths, folders: &folders)
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding blocks and templates into \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path, root.path] + Self.folders,
                inputFiles: (folders + relativePaths).map { root.appendingPathComponent($0) },
                outputFiles: [output])
        ]
    }

    /// Collects the regular files and the folders below `directory` (hidden entries skipped), as paths starting with
    /// `prefix`.
    static func walk(_ directory: URL, relativeTo prefix: String, files: inout [String], folders: inout [String]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        folders.append(prefix)
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(url, relativeTo: prefix + "/" + name, files: &files, folders: &folders)
            } else {
                files.append(prefix + "/" + name)
            }
        }
    }
}
