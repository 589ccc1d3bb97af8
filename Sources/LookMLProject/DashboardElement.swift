import YAMLSupport

/// Reading a YAML dashboard element (a tile or a filter).
public enum DashboardElement {
    /// How a tile is named in messages: its `name`, else its `title`, else "tile".
    public static func name(of element: YAMLNode) -> String {
        element["name"]?.string ?? element["title"]?.string ?? "tile"
    }
}
