/// A line-based unified diff (Myers' algorithm), as `diff -u` prints it, for `--diff` and `--dry-run`.
public enum UnifiedDiff {
    enum Edit: Equatable { case same(Int, Int), delete(Int), insert(Int) }

    /// The diff from `old` to `new`, or an empty string when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        let edits = shortestEdits(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Group edits into hunks with `context` unchanged lines around each change.
        var index = 0
        while index < edits.count {
            guard let changeStart = edits[index...].firstIndex(where: { if case .same = $0 { return false } else { return true } }) else { break }
            var hunkStart = changeStart
            var leading = 0
            while hunkStart > index, leading < context, case .same = edits[hunkStart - 1] { hunkStart -= 1; leading += 1 }
            var hunkEnd = changeStart
            var unchangedRun = 0
            while hunkEnd < edits.count {
                if case .same = edits[hunkEnd] {
                    unchangedRun += 1
                    if unchangedRun > context * 2 { break }
                } else {
                    unchangedRun = 0
                }
                hunkEnd += 1
            }
            // Trim trailing context to `context` lines.
            var trailing = 0
            var end = hunkEnd
            while end > changeStart, case .same = edits[end - 1] { end -= 1; trailing += 1 }
            end += min(trailing, context)
            let hunk = edits[hunkStart..<end]
            var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0
            var body = ""
            var first = true
            for edit in hunk {
                switch edit {
                case .same(let i, let j):
                    if first { oldStart = i; newStart = j }
                    oldCount += 1; newCount += 1
                    body += " " + a[i] + "\n"
                case .delete(let i):
                    if first { oldStart = i; newStart = newPosition(before: edit, in: edits) }
                    oldCount += 1
                    body += "-" + a[i] + "\n"
                case .insert(let j):
                    if first { newStart = j; oldStart = oldPosition(before: edit, in: edits) }
                    newCount += 1
                    body += "+" + b[j] + "\n"
                }
                first = false
            }
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
            index = end
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }

    private static func newPosition(before edit: Edit, in edits: [Edit]) -> Int {
        var position = 0
        for candidate in edits {
            if candidate == edit { return position }
            if case .same = candidate { position += 1 } else if case .insert = candidate { position += 1 }
        }
        return position
    }

    private static func oldPosition(before edit: Edit, in edits: [Edit]) -> Int {
        var position = 0
        for candidate in edits {
            if candidate == edit { return position }
            if case .same = candidate { position += 1 } else if case .delete = candidate { position += 1 }
        }
        return position
    }

    private static func lines(_ text: String) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if result.last == "" { result.removeLast() }
        return result
    }

    /// Myers' O(ND) shortest edit script.
    static func shortestEdits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let maximum = n + m
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...maximum {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[k - 1 + maximum] < frontier[k + 1 + maximum]) {
                    x = frontier[k + 1 + maximum]
                } else {
                    x = frontier[k - 1 + maximum] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[k + maximum] = x
                if x >= n, y >= m { found = true; break }
            }
            if found { break }
        }
        // Walk the trace backwards.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            if d == 0 { break }
            let previous = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && previous[k - 1 + maximum] < previous[k + 1 + maximum]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = previous[previousK + maximum]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                edits.append(.same(x, y))
            }
            if x == previousX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
        }
        while x > 0, y > 0 { x -= 1; y -= 1; edits.append(.same(x, y)) }
        return edits.reversed()
    }
}
