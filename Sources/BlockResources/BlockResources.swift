/// The block specs (`blocks/`) and templates (`templates/`) of the package, embedded at build time by the
/// `EmbedResources` plugin, so the `lookml` binary works wherever it is copied.
public enum BlockResources {
    /// Every embedded file's text keyed by its path relative to the package root (`blocks/currents.yaml`).
    public static var files: [String: String] { EmbeddedResources.files }

    /// The embedded paths, sorted.
    public static var paths: [String] { EmbeddedResources.files.keys.sorted() }

    /// The text of one embedded file, or nil.
    public static func text(_ path: String) -> String? { EmbeddedResources.files[path] }
}
