/// A small hand-written argument parser: long options with values (`--format json`, `--format=json`), flags,
/// positionals, and `--` to end options. Unknown options are usage errors.
public struct Arguments {
    private var remaining: [String]
    private var positionalsOnly: [String] = []

    public init(_ arguments: [String]) {
        if let separator = arguments.firstIndex(of: "--") {
            remaining = Array(arguments[..<separator])
            positionalsOnly = Array(arguments[(separator + 1)...])
        } else {
            remaining = arguments
        }
    }

    /// True (and consumed) when the flag is present.
    public mutating func flag(_ names: String...) -> Bool {
        var found = false
        remaining.removeAll { argument in
            if names.contains(argument) { found = true; return true }
            return false
        }
        return found
    }

    /// The value of an option given once, or nil.
    public mutating func option(_ name: String) throws(CommandError) -> String? {
        var value: String?
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == name {
                guard index + 1 < remaining.count else { throw .usage("option '\(name)' needs a value") }
                if value != nil { throw .usage("option '\(name)' given more than once") }
                value = remaining[index + 1]
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                if value != nil { throw .usage("option '\(name)' given more than once") }
                value = String(argument.dropFirst(name.count + 1))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return value
    }

    /// The value of an option restricted to an enumeration's raw values.
    public mutating func option<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws(CommandError) -> Choice?
    where Choice.RawValue == String {
        guard let raw = try option(name) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            let choices = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw .usage("'\(raw)' is not a valid value for \(name) (choose from: \(choices))")
        }
        return choice
    }

    /// Every remaining argument, which must all be positionals: an unknown option is a usage error.
    public mutating func positionals() throws(CommandError) -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            throw .usage("unknown option '\(unknown)'")
        }
        let result = remaining + positionalsOnly
        remaining = []
        positionalsOnly = []
        return result
    }
}
