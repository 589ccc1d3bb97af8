import LookMLProject
import LookMLSyntax
import YAMLSupport

/// The linter's settings, from `.lookml-lint.yml`:
///
/// ```yaml
/// version: 1
/// enable: [fields.description]        # opt-in rules to run (codes or names)
/// disable: [LK106]                    # rules not to run
/// rules:                              # per rule: severity (error|warning|info|off), enabled, options
///   explores.label_length: { severity: error, max_length: 30 }
/// include: ["views/**", "models/**"]  # report only on these paths (globs from the root; default: everything)
/// exclude: ["imports/**"]             # never report on these paths
/// dialect: snowflake                  # the SQL dialect, for the offline validator's findings
/// ```
public struct LintConfiguration: Sendable {
    public static let currentVersion = 1
    public static let defaultFileName = ".lookml-lint.yml"

    /// The keys of the file's top level; anything else is reported.
    public enum Key: String, CaseIterable, Sendable {
        case version, enable, disable, rules, include, exclude, dialect
    }

    /// The keys of a `rules:` entry besides the rule's own options.
    public enum RuleKey: String, CaseIterable, Sendable {
        case severity, enabled
    }

    /// Codes of rules turned on (opt-in rules) and off.
    public var enabled: Set<String> = []
    public var disabled: Set<String> = []
    /// Severity per rule code.
    public var severities: [String: Severity] = [:]
    /// Option values per rule code.
    public var options: [String: [String: OptionValue]] = [:]
    public var include: [String] = []
    public var exclude: [String] = []
    public var dialect: String?
    /// Where the configuration was read from, if anywhere.
    public var path: String?
    /// When set, only these rule codes run (for tests and `--rule`).
    public var onlyRules: Set<String>?

    public init() {}

    /// Whether a rule runs.
    public func isEnabled(_ rule: RuleDescription) -> Bool {
        if let onlyRules { return onlyRules.contains(rule.code) }
        if disabled.contains(rule.code) { return false }
        return enabled.contains(rule.code) || !rule.isOptIn
    }

    public func severity(of rule: RuleDescription) -> Severity { severities[rule.code] ?? rule.defaultSeverity }

    /// The options a rule runs with: its defaults overridden by the configuration.
    public func options(of rule: RuleDescription) -> [String: OptionValue] {
        var values: [String: OptionValue] = [:]
        for option in rule.options { values[option.name] = option.defaultValue }
        for (name, value) in options[rule.code] ?? [:] { values[name] = value }
        return values
    }

    /// Whether findings in a project-relative path are reported.
    public func reports(_ path: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            var pattern = pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern
            if pattern.hasPrefix("./") { pattern.removeFirst(2) }
            if pattern.hasSuffix("/") { pattern += "**" }
            return IncludeResolver.glob(pattern, matches: path) || IncludeResolver.glob(pattern + "/**", matches: path)
        }
        if !include.isEmpty, !include.contains(where: matches) { return false }
        return !exclude.contains(where: matches)
    }

    /// The effective configuration as YAML that reads back to the same settings (`lookml lint --print-config`).
    public func printed(rules: [RuleDescription]) -> String {
        var text = "# effective configuration" + (path.map { " (from \($0))" } ?? " (defaults: no \(Self.defaultFileName) found)") + "\n"
        text += "version: \(Self.currentVersion)\n"
        text += "include: [\(include.map(yamlQuoted).joined(separator: ", "))]\n"
        text += "exclude: [\(exclude.map(yamlQuoted).joined(separator: ", "))]\n"
        if let dialect { text += "dialect: \(yamlQuoted(dialect))\n" }
        text += "rules:\n"
        for rule in rules {
            text += "  \(rule.code):  # \(rule.name)\(rule.isOptIn ? " (opt-in)" : "")\n"
            text += "    severity: \(severity(of: rule).rawValue)\n"
            text += "    enabled: \(isEnabled(rule))\n"
            let values = options(of: rule)
            for option in rule.options { text += "    \(option.name): \(values[option.name]!)\n" }
        }
        return text
    }
}

/// A problem in the configuration file that does not stop the linter (the setting is ignored).
public struct ConfigurationIssue: Hashable, Sendable {
    public var severity: Severity
    public var message: String
    /// The byte range in the configuration file.
    public var range: Range<Int>
}

/// A configuration the linter cannot run with.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// `line:col`, when the problem has a place.
    public var mark: YAMLMark?

    public var description: String { (mark.map { "\($0): " } ?? "") + message }
}

/// Reads `.lookml-lint.yml` into a `LintConfiguration`, reporting unknown keys, unknown rules and bad values with
/// their positions.
public struct ConfigurationLoader {
    public let rules: [RuleDescription]
    private var issues: [ConfigurationIssue] = []

    public init(rules: [RuleDescription] = RuleRegistry.descriptions) { self.rules = rules }

    public static func load(_ bytes: [UInt8], path: String, rules: [RuleDescription] = RuleRegistry.descriptions)
        throws(ConfigurationError) -> (LintConfiguration, [ConfigurationIssue]) {
        var loader = ConfigurationLoader(rules: rules)
        let configuration = try loader.read(bytes, path: path)
        return (configuration, loader.issues)
    }

    private mutating func issue(_ severity: Severity, _ message: String, _ scalar: YAMLScalar) {
        issues.append(ConfigurationIssue(severity: severity, message: message, range: scalar.range))
    }

    private mutating func issue(_ severity: Severity, _ message: String, _ node: YAMLNode) {
        issues.append(ConfigurationIssue(severity: severity, message: message, range: node.start.offset..<(node.scalar?.range.upperBound ?? node.start.offset)))
    }

    private func rule(_ name: String) -> RuleDescription? { RuleRegistry.lookup(name, in: rules) }

    private mutating func read(_ bytes: [UInt8], path: String) throws(ConfigurationError) -> LintConfiguration {
        let root: YAMLNode?
        do throws(YAMLError) {
            root = try YAMLLoader.loadDocument(bytes)
        } catch {
            throw ConfigurationError(message: "invalid YAML: \(error.message)", mark: error.mark)
        }
        var configuration = LintConfiguration()
        configuration.path = path
        guard let root, !root.isNull else { throw ConfigurationError(message: "the file is empty; start it with 'version: \(LintConfiguration.currentVersion)'", mark: nil) }
        guard let pairs = root.pairs else {
            throw ConfigurationError(message: "expected a mapping of settings (version, enable, disable, rules, include, exclude, dialect)", mark: root.start)
        }
        guard let version = root["version"] else {
            throw ConfigurationError(message: "missing 'version: \(LintConfiguration.currentVersion)'", mark: root.start)
        }
        guard version.int == LintConfiguration.currentVersion else {
            throw ConfigurationError(message: "unsupported version '\(version.string ?? "")'; this lookml reads version \(LintConfiguration.currentVersion)", mark: version.start)
        }
        for pair in pairs {
            guard let key = LintConfiguration.Key(rawValue: pair.key.value) else {
                let suggestion = nearestName(to: pair.key.value, in: LintConfiguration.Key.allCases.map(\.rawValue))
                issue(.warning, "unknown key '\(pair.key.value)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (ignored)", pair.key)
                continue
            }
            switch key {
            case .version:
                break
            case .enable, .disable:
                for name in strings(pair.value, key: key.rawValue) {
                    guard let rule = rule(name.value) else { unknownRule(name); continue }
                    if key == .enable { configuration.enabled.insert(rule.code); configuration.disabled.remove(rule.code) }
                    else { configuration.disabled.insert(rule.code); configuration.enabled.remove(rule.code) }
                }
            case .include, .exclude:
                let patterns = strings(pair.value, key: key.rawValue).map(\.value)
                if key == .include { configuration.include = patterns } else { configuration.exclude = patterns }
            case .dialect:
                if let scalar = pair.value.scalar, !pair.value.isNull { configuration.dialect = scalar.value }
                else if !pair.value.isNull { issue(.error, "'dialect' must be a dialect name such as 'snowflake' or 'postgres'", pair.value) }
            case .rules:
                guard let entries = pair.value.pairs else {
                    if !pair.value.isNull { issue(.error, "'rules' must map rule codes or names to settings", pair.value) }
                    continue
                }
                for entry in entries {
                    guard let rule = rule(entry.key.value) else { unknownRule(entry.key); continue }
                    readRule(rule, entry.value, into: &configuration)
                }
            }
        }
        return configuration
    }

    private mutating func unknownRule(_ name: YAMLScalar) {
        let suggestion = nearestName(to: name.value, in: rules.map(\.code) + rules.map(\.name))
        issue(.warning, "unknown rule '\(name.value)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (ignored)", name)
    }

    /// A list of strings (a single string counts as a list of one).
    private mutating func strings(_ node: YAMLNode, key: String) -> [YAMLScalar] {
        if node.isNull { return [] }
        if let scalar = node.scalar { return [scalar] }
        guard let items = node.items else {
            issue(.error, "'\(key)' must be a list of strings", node)
            return []
        }
        return items.compactMap { item in
            if let scalar = item.scalar { return scalar }
            issue(.error, "'\(key)' must be a list of strings", item)
            return nil
        }
    }

    private mutating func readRule(_ rule: RuleDescription, _ node: YAMLNode, into configuration: inout LintConfiguration) {
        // `LK101: off` and `LK101: error` are shorthands for the severity.
        if let scalar = node.scalar, !node.isNull {
            readSeverity(rule, scalar, into: &configuration)
            return
        }
        guard let pairs = node.pairs else {
            if !node.isNull { issue(.error, "settings of '\(rule.code)' must be a severity or a mapping", node) }
            return
        }
        for pair in pairs {
            if let key = LintConfiguration.RuleKey(rawValue: pair.key.value) {
                switch key {
                case .severity:
                    if let scalar = pair.value.scalar { readSeverity(rule, scalar, into: &configuration) }
                    else { issue(.error, "'severity' must be one of error, warning, info, off", pair.value) }
                case .enabled:
                    guard let enabled = pair.value.bool else { issue(.error, "'enabled' must be true or false", pair.value); continue }
                    if enabled { configuration.enabled.insert(rule.code); configuration.disabled.remove(rule.code) }
                    else { configuration.disabled.insert(rule.code); configuration.enabled.remove(rule.code) }
                }
                continue
            }
            guard let option = rule.options.first(where: { $0.name == pair.key.value }) else {
                let known = LintConfiguration.RuleKey.allCases.map(\.rawValue) + rule.options.map(\.name)
                let suggestion = nearestName(to: pair.key.value, in: known)
                issue(.warning, "unknown setting '\(pair.key.value)' for rule \(rule.code) (\(rule.name)); it takes \(known.map { "'\($0)'" }.joined(separator: ", "))"
                      + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (ignored)", pair.key)
                continue
            }
            guard let value = value(pair.value, like: option.defaultValue) else {
                issue(.error, "option '\(option.name)' of \(rule.code) must be \(option.defaultValue.kindName) (ignored)", pair.value)
                continue
            }
            configuration.options[rule.code, default: [:]][option.name] = value
        }
    }

    private mutating func readSeverity(_ rule: RuleDescription, _ scalar: YAMLScalar, into configuration: inout LintConfiguration) {
        if scalar.value == "off" || scalar.value == "false" {
            configuration.disabled.insert(rule.code)
            configuration.enabled.remove(rule.code)
        } else if let severity = Severity(rawValue: scalar.value) {
            configuration.severities[rule.code] = severity
            // Giving an opt-in rule a severity turns it on.
            if rule.isOptIn { configuration.enabled.insert(rule.code) }
            configuration.disabled.remove(rule.code)
        } else {
            issue(.error, "unknown severity '\(scalar.value)' for \(rule.code); use error, warning, info or off (ignored)", scalar)
        }
    }

    /// A YAML node read as the same kind of value as `example`, or nil.
    private func value(_ node: YAMLNode, like example: OptionValue) -> OptionValue? {
        switch example {
        case .int: return node.int.map(OptionValue.int)
        case .bool: return node.bool.map(OptionValue.bool)
        case .string: return node.scalar.map { .string($0.value) }
        case .strings:
            if let scalar = node.scalar { return node.isNull ? .strings([]) : .strings([scalar.value]) }
            guard let items = node.items else { return nil }
            let values = items.compactMap(\.string)
            return values.count == items.count ? .strings(values) : nil
        }
    }
}
