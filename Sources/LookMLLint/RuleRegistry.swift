/// Every rule, in code order: the one list the linter, the configuration, the documentation and SARIF read.
public enum RuleRegistry {
    public static let rules: [any LintRule.Type] = [
        // Syntax and what `lookml check` finds.
        SyntaxErrorRule.self,
        StrayColonRule.self,
        DuplicateKeyRule.self,
        DashboardYAMLRule.self,
        UnknownViewRule.self,
        UnknownFieldRule.self,
        UnknownExploreRule.self,
        UnknownModelRule.self,
        UnknownConstantRule.self,
        UnknownSetRule.self,
        NotJoinedRule.self,
        DuplicateDefinitionRule.self,
        DuplicateFieldRule.self,
        ExtendsCycleRule.self,
        // Views and fields.
        PrimaryKeyRule.self,
        MultiplePrimaryKeysRule.self,
        VisiblePrimaryKeyRule.self,
        HardcodedSchemaRule.self,
        SQLTriggerValueRule.self,
        UnusedViewRule.self,
        CrossViewReferenceRule.self,
        FieldDescriptionRule.self,
        CountFanoutRule.self,
        TimeframeSuffixRule.self,
        // Explores and joins.
        JoinRelationshipRule.self,
        FanoutPrimaryKeyRule.self,
        ExploreLabelLengthRule.self,
        JoinConditionRule.self,
        // Models, includes, constants.
        IncludeNoMatchRule.self,
        UnusedIncludeRule.self,
        RedundantIncludeRule.self,
        ModelConnectionRule.self,
        UnusedConstantRule.self,
        // Dashboards.
        DashboardMissingFieldRule.self,
        // The Braze Looker Action.
        BrazeNoIDRule.self,
        BrazeMultipleIDsRule.self,
        BrazeIDOnMeasureRule.self,
        BrazeIDTypeRule.self,
        BrazeMalformedTagRule.self,
        BrazeAttributeTypeRule.self,
        BrazeAttributeCaseRule.self,
        UnquotedTagRule.self,
        BrazeDuplicateAttributeRule.self,
        BrazeTileWithoutIDRule.self,
        BrazePivotedTileRule.self,
        // The linter's own comments; dialect findings handed in from outside.
        MalformedSuppressionRule.self,
        UnusedSuppressionRule.self,
        SQLDialectRule.self,
    ]

    public static let descriptions: [RuleDescription] = rules.map { $0.description }

    /// A rule by code (`LK101`, any case) or dotted name (`views.primary_key`).
    public static func lookup(_ codeOrName: String, in descriptions: [RuleDescription] = descriptions) -> RuleDescription? {
        descriptions.first { $0.code.caseInsensitiveCompare(codeOrName) || $0.name == codeOrName }
    }
}

extension String {
    func caseInsensitiveCompare(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
