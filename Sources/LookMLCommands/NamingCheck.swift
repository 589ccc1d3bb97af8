import BlockGenerator
import LookMLProject

/// `lookml check --names FILE`: the project's Currents `sql_table_name`s and model `connection`s must be the ones
/// the naming config gives (the generator's config), so a hand edit or a half-applied rename shows up in CI.
struct NamingCheck {
    let project: Project
    let naming: Naming

    func findings() -> [Finding] {
        var findings: [Finding] = []
        let constants = Dictionary(project.constants.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        // Every name a Currents table may go by: the configured one, the stem, and the stem with the shared suffix.
        var stemByName: [String: String] = [:]
        for table in naming.catalog.tables {
            for name in [naming.tableName(table.stem), table.stem, table.stem + "_SHARED"] {
                stemByName[Self.lastPart(name).lowercased()] = table.stem
            }
        }
        // Only table and connection sites are made into values (a large project has millions of others).
        for reference in project.references(ofKind: .table) {
            let resolved = Self.resolvingConstants(reference.name, constants).trimmingCharacters(in: " \t\n\r")
            guard let stem = stemByName[Self.lastPart(resolved).lowercased()] else { continue }
            let expected = naming.qualifiedTableName(stem)
            if Self.unquoted(resolved).lowercased() != Self.unquoted(expected).lowercased() {
                findings.append(Finding(id: CheckMessages.namingMismatch.0, severity: CheckMessages.namingMismatch.1,
                                        message: "sql_table_name '\(resolved)' does not follow the naming config: expected '\(expected)'",
                                        file: reference.location.file, range: reference.location.range, suggestion: expected))
            }
        }
        for reference in project.references(ofKind: .connection) where reference.name != naming.config.connection {
            findings.append(Finding(id: CheckMessages.namingMismatch.0, severity: CheckMessages.namingMismatch.1,
                                    message: "connection '\(reference.name)' does not follow the naming config: expected '\(naming.config.connection)'",
                                    file: reference.location.file, range: reference.location.range, suggestion: naming.config.connection))
        }
        return findings
    }

    static func lastPart(_ name: String) -> String {
        String(unquoted(name).split(separator: ".").last ?? "")
    }

    static func unquoted(_ name: String) -> String {
        name.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "`", with: "")
    }

    static func resolvingConstants(_ text: String, _ constants: [String: String]) -> String {
        var result = text
        for (name, value) in constants { result = result.replacingOccurrences(of: "@{\(name)}", with: value) }
        return result
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
