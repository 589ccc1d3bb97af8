import LookMLSyntax

/// What a rule is about, for configuration, documentation and the SARIF `rules` table.
public enum RuleGroup: String, CaseIterable, Sendable {
    /// The project is broken: Looker would refuse it or show an error.
    case correctness
    /// Numbers come out wrong (fanout, counts) or queries are slower than they need to be.
    case performance
    /// Dead or duplicated code that makes the project harder to change.
    case maintainability
    /// Names, labels and layout.
    case style
    /// Descriptions and labels that users read in the field picker.
    case documentation
    /// The contract of the Braze Looker Action (`braze_id` and `braze[…]` tags).
    case braze
    /// The linter's own comments: suppressions.
    case lint
}

/// A value of a rule option, as written in `.lookml-lint.yml`.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case bool(Bool)
    case string(String)
    case strings([String])

    /// The kind of value, as named in configuration messages.
    public var kindName: String {
        switch self {
        case .int: return "an integer"
        case .bool: return "a boolean"
        case .string: return "a string"
        case .strings: return "a list of strings"
        }
    }

    /// The value as YAML.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return yamlQuoted(value)
        case .strings(let values): return "[" + values.map(yamlQuoted).joined(separator: ", ") + "]"
        }
    }
}

/// A setting a rule reads from its `rules:` entry in the configuration.
public struct RuleOption: Sendable {
    public var name: String
    public var defaultValue: OptionValue
    public var summary: String

    public init(_ name: String, default defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// One file of an example project. `↓` marks where the rule reports (before the first character of the range).
public struct ExampleFile: Sendable {
    public var path: String
    /// The text as written in the rule, markers included.
    public var markedText: String

    public init(_ path: String, _ markedText: String) {
        self.path = path
        self.markedText = markedText
    }

    public static let marker: Character = "↓"

    /// The file's text without markers.
    public var text: String { markedText.filter { $0 != Self.marker } }

    /// The byte offsets (in `text`) that the markers point at.
    public var markers: [Int] {
        var offsets: [Int] = []
        var offset = 0
        for character in markedText {
            if character == Self.marker { offsets.append(offset) } else { offset += character.utf8.count }
        }
        return offsets
    }
}

/// A small project that shows a rule: the examples are both the rule's documentation and its tests.
public struct RuleExample: Sendable {
    public var files: [ExampleFile]
    /// Options set for this example (others keep their defaults).
    public var options: [String: OptionValue]

    public init(files: [ExampleFile], options: [String: OptionValue] = [:]) {
        self.files = files
        self.options = options
    }

    /// A one-file example: a view file unless `path` says otherwise.
    public init(_ text: String, path: String = "views/example.view.lkml", options: [String: OptionValue] = [:]) {
        self.init(files: [ExampleFile(path, text)], options: options)
    }

    /// A model file, `models/example.model.lkml`, alone or with other files.
    public static func model(_ text: String, _ others: ExampleFile..., options: [String: OptionValue] = [:]) -> RuleExample {
        RuleExample(files: [ExampleFile("models/example.model.lkml", text)] + others, options: options)
    }

    /// Every `(path, offset)` a marker points at.
    public var expectedLocations: [ExpectedLocation] {
        files.flatMap { file in file.markers.map { ExpectedLocation(file: file.path, offset: $0) } }
    }
}

/// Where an example expects a finding.
public struct ExpectedLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var offset: Int

    public init(file: String, offset: Int) {
        self.file = file
        self.offset = offset
    }

    public static func < (lhs: ExpectedLocation, rhs: ExpectedLocation) -> Bool { (lhs.file, lhs.offset) < (rhs.file, rhs.offset) }
    public var description: String { "\(file)@\(offset)" }
}

/// The static description of a rule: identity, defaults, rationale and examples.
public struct RuleDescription: Sendable {
    /// The stable code users suppress and configure (`LK101`). Never renumbered.
    public var code: String
    /// The dotted name (`views.primary_key`), accepted wherever a code is.
    public var name: String
    /// One line: what the rule finds.
    public var summary: String
    public var groups: [RuleGroup]
    public var defaultSeverity: Severity
    /// Opt-in rules run only when the configuration enables them.
    public var isOptIn: Bool
    /// Why the rule exists and what to do about a finding (Markdown).
    public var rationale: String
    public var options: [RuleOption]
    /// What `--fix` does, for rules with a safe fix.
    public var fix: String?
    /// Why the rule also reports inside quoted strings, when it does (Looker substitutes `@{CONSTANT}` and reads
    /// explore links there); such rules skip the "inside a string" meta-test.
    public var insideStrings: String?
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]

    public init(code: String, name: String, summary: String, groups: [RuleGroup], severity: Severity, optIn: Bool = false,
                rationale: String, options: [RuleOption] = [], fix: String? = nil, insideStrings: String? = nil,
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.code = code
        self.name = name
        self.summary = summary
        self.groups = groups
        self.defaultSeverity = severity
        self.isOptIn = optIn
        self.rationale = rationale
        self.options = options
        self.fix = fix
        self.insideStrings = insideStrings
        self.triggeringExamples = triggering
        self.nonTriggeringExamples = nonTriggering
    }

    /// The default value of an option.
    public func defaultValue(of option: String) -> OptionValue? {
        options.first { $0.name == option }?.defaultValue
    }
}

/// A YAML scalar written so that it reads back as the same string.
func yamlQuoted(_ text: String) -> String {
    let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || "_./-".unicodeScalars.contains(scalar)
    } && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(text.lowercased()) && Int(text) == nil
    if plain { return text }
    var output = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\t": output += "\\t"
        default: output.unicodeScalars.append(scalar)
        }
    }
    return output + "\""
}
