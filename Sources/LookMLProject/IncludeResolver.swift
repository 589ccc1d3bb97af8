/// Resolves `include:` patterns the way Looker does: `/`-rooted paths from the project root, others relative to the
/// including file's folder; `*` matches within one folder, `**` across folders; `x.view` means `x.view.lkml`;
/// `//project/...` names another project (reported as external, never an error).
public struct IncludeResolver: Sendable {
    /// The project's files, relative to the root.
    public let paths: [String]

    public init(paths: [String]) { self.paths = paths.sorted() }

    public enum Resolution: Equatable, Sendable {
        case files([String])
        case external
    }

    public func resolve(_ pattern: String, from includingFile: String) -> Resolution {
        if pattern.hasPrefix("//") { return .external }
        var absolute: String
        if pattern.hasPrefix("/") {
            absolute = String(pattern.dropFirst())
        } else {
            let folder = includingFile.split(separator: "/").dropLast().joined(separator: "/")
            absolute = folder.isEmpty ? pattern : folder + "/" + pattern
        }
        absolute = normalise(absolute)
        var candidates = [absolute]
        if !absolute.hasSuffix(".lkml") && !absolute.hasSuffix(".lookml") {
            candidates.append(absolute + ".lkml")
            candidates.append(absolute + ".lookml")
        }
        // Only paths under the pattern's literal folder can match: find them by binary search in the sorted list.
        var matches: [String] = []
        for candidate in candidates {
            let prefix = IncludeResolver.literalPrefix(candidate)
            var index = lowerBound(prefix)
            while index < paths.count, paths[index].hasPrefix(prefix) {
                if IncludeResolver.glob(candidate, matches: paths[index]) { matches.append(paths[index]) }
                index += 1
            }
        }
        return .files(Array(Set(matches)).sorted())
    }

    /// The first index whose path is not ordered before `prefix`.
    private func lowerBound(_ prefix: String) -> Int {
        var low = 0, high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if paths[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The part of a pattern before its first wildcard.
    static func literalPrefix(_ pattern: String) -> String {
        guard let star = pattern.firstIndex(of: "*") else { return pattern }
        return String(pattern[..<star])
    }

    /// Resolves `.` and `..` segments.
    private func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Glob matching: `*` any run of characters but `/`, `**` any run including `/` (`**/` may match nothing).
    public static func glob(_ pattern: String, matches path: String) -> Bool {
        let p = Array(pattern.utf8), s = Array(path.utf8)
        // A pattern without a wildcard is the path itself.
        if !p.contains(UInt8(ascii: "*")) { return p == s }
        // 0 unknown, 1 no, 2 yes: a flat table, not a dictionary (globs run for every include and candidate path).
        var memo = [UInt8](repeating: 0, count: (p.count + 1) * (s.count + 1))
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (s.count + 1) + j
            if memo[key] != 0 { return memo[key] == 2 }
            var result: Bool
            if i == p.count {
                result = j == s.count
            } else if p[i] == UInt8(ascii: "*") {
                if i + 1 < p.count, p[i + 1] == UInt8(ascii: "*") {
                    let next = i + 2 < p.count && p[i + 2] == UInt8(ascii: "/") ? i + 3 : i + 2
                    result = match(next, j) || (j < s.count && match(i, j + 1))
                } else {
                    result = match(i + 1, j) || (j < s.count && s[j] != UInt8(ascii: "/") && match(i, j + 1))
                }
            } else {
                result = j < s.count && p[i] == s[j] && match(i + 1, j + 1)
            }
            memo[key] = result ? 2 : 1
            return result
        }
        return match(0, 0)
    }
}
