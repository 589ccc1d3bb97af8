/// Renders diagnostics like a compiler:
/// ```
/// views/users.view.lkml:12:5: error: expected ';;' to close 'sql' started at line 11 [P001]
///    12 |     type: string
///       |     ^
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Colour with ANSI escapes (only on a terminal, and never when `NO_COLOR` is set).
    public var colored: Bool
    /// Show the source line and a caret under the location.
    public var showsExcerpt: Bool

    public init(colored: Bool = false, showsExcerpt: Bool = true) {
        self.colored = colored
        self.showsExcerpt = showsExcerpt
    }

    /// Renders one diagnostic of `source`, naming the file `path` (by default the source's own path; a report
    /// names files as the user can open them, under the root they gave).
    public func render(_ diagnostic: Diagnostic, in source: SourceFile, path: String? = nil) -> String {
        let path = path ?? source.path
        let location = source.location(of: diagnostic.range.lowerBound)
        var output = "\(path):\(location.line):\(location.column): "
        output += paint(diagnostic.severity.rawValue + ":", severityColor(diagnostic.severity))
        output += " " + diagnostic.message + " [\(diagnostic.id.code)]\n"
        if showsExcerpt { output += excerpt(at: location, length: diagnostic.range.count, in: source) }
        for note in diagnostic.notes {
            let noteLocation = source.location(of: note.range.lowerBound)
            output += "\(path):\(noteLocation.line):\(noteLocation.column): " + paint("note:", "36") + " \(note.message)\n"
            if showsExcerpt { output += excerpt(at: noteLocation, length: note.range.count, in: source) }
        }
        return output
    }

    private func excerpt(at location: SourceLocation, length: Int, in source: SourceFile) -> String {
        let line = source.lineText(location.line)
        let printable = String(line.unicodeScalars.map { $0 == "\t" ? " " : ($0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0)) })
        let shown = printable.count > 200 ? String(printable.prefix(200)) + "…" : printable
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let caretLength = max(1, min(length, max(1, line.unicodeScalars.count - location.column + 1)))
        let marker = String(repeating: " ", count: max(0, location.column - 1)) + "^" + String(repeating: "~", count: max(0, min(caretLength, 80) - 1))
        return " \(number) | \(shown)\n \(gutter) | \(paint(marker, "32"))\n"
    }

    private func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .info: return "1;34"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
