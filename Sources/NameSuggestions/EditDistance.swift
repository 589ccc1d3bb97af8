/// Levenshtein distance between two names (in Unicode scalars), for "did you mean" suggestions everywhere:
/// unknown subcommands, config keys, views, fields, functions.
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `name` within `limit` edits (default: a third of the name's length, at least 2), the
/// alphabetically first on a tie; nil when none is that close.
public func nearestName<S: Sequence>(to name: String, in candidates: S, limit: Int? = nil) -> String? where S.Element == String {
    let limit = limit ?? max(2, name.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(name, candidate)
        if distance <= limit, distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate < best!.0) {
            best = (candidate, distance)
        }
    }
    return best?.0
}
