// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LookMLToolkit",
    products: [
        .executable(name: "lookml", targets: ["lookml"]),
        .library(name: "LookMLSyntax", targets: ["LookMLSyntax"]),
        .library(name: "LookMLFormat", targets: ["LookMLFormat"]),
    ],
    targets: [
        // C libraries from Debian, wrapped as system library targets.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),

        // YAML (dashboards, configuration) through libyaml, with the byte position of every scalar.
        .target(name: "YAMLSupport", dependencies: ["CYAML"]),
        // Edit distance and "did you mean" suggestions, shared by every module that names things.
        .target(name: "NameSuggestions"),
        // Tokens, trivia, the lossless tree, the parser and its diagnostics.
        .target(name: "LookMLSyntax"),
        // Files, includes, views/explores/models/dashboards, the reference index, check and rename.
        .target(name: "LookMLProject", dependencies: ["LookMLSyntax", "YAMLSupport", "NameSuggestions"]),
        // The Braze Looker Action: the /users/track payloads it would send for a Look's results.
        .target(name: "BrazeAction", dependencies: ["LookMLProject", "LookMLSyntax"]),
        // Lint rules, configuration, suppression comments and baselines.
        .target(name: "LookMLLint", dependencies: ["LookMLSyntax", "LookMLProject", "YAMLSupport"]),
        // The formatter: rewrites trivia only.
        .target(name: "LookMLFormat", dependencies: ["LookMLSyntax"]),
        // libpq client, embedded PostgreSQL, Currents DDL and synthetic data.
        .target(name: "Warehouse", dependencies: ["CLibPQ", "CProcessSupport", "BlockGenerator", "SQLCompiler", "SQLDialect", "LookMLProject", "YAMLSupport"]),
        // glibc's posix_spawn extensions (close inherited descriptors, working directory) for the Warehouse's subprocesses.
        .target(name: "CProcessSupport"),
        // Argument parsing, commands, exit codes and output: everything the executable does.
        .target(name: "LookMLCommands", dependencies: ["LookMLSyntax", "LookMLFormat", "LookMLProject", "LookMLLint", "BrazeAction", "Warehouse", "BlockGenerator", "SQLDialect", "SQLCompiler", "CProcessSupport"]),
        // Seeded random LookML for property tests, benchmarks and fuzzing.
        .target(name: "LookMLTestSupport"),
        // glibc allocator settings for the executable (fewer page faults on large projects).
        .target(name: "CMallocTuning"),
        // Build-time embedding of blocks/ and templates/ (a plugin and the tool it runs).
        .executableTarget(name: "EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        // The embedded block specs and templates.
        .target(name: "BlockResources", plugins: ["EmbedResources"]),
        // Block specs + templates + naming config → LookML files: the Currents catalog, naming, the generator.
        .target(name: "BlockGenerator", dependencies: ["BlockResources", "YAMLSupport", "NameSuggestions"]),
        // SQL dialect profiles as data, a SQL tokenizer aware of ${} and Liquid, and the offline dialect checker.
        .target(name: "SQLDialect", dependencies: ["NameSuggestions"]),
        // LookML → SQL: an explore and fields to the SELECT Looker would send, with a source map, and offline validation.
        .target(name: "SQLCompiler", dependencies: ["LookMLProject", "LookMLSyntax", "SQLDialect"]),
        // The thin executable.
        .executableTarget(name: "lookml", dependencies: ["LookMLCommands", "CMallocTuning"]),

        .testTarget(name: "LookMLSyntaxTests", dependencies: ["LookMLSyntax", "LookMLTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LookMLFormatTests", dependencies: ["LookMLFormat", "LookMLSyntax", "LookMLTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LookMLCommandsTests", dependencies: ["LookMLCommands", "LookMLTestSupport", "BlockGenerator"]),
        .testTarget(name: "YAMLSupportTests", dependencies: ["YAMLSupport"]),
        .testTarget(name: "LookMLLintTests", dependencies: ["LookMLLint", "LookMLProject", "LookMLSyntax", "LookMLCommands", "BlockGenerator", "LookMLTestSupport"]),
        .testTarget(name: "BrazeActionTests", dependencies: ["BrazeAction", "LookMLProject", "LookMLCommands"]),
        .testTarget(name: "WarehouseTests", dependencies: ["Warehouse", "LookMLCommands"]),
        .testTarget(name: "LookMLProjectTests", dependencies: ["LookMLProject", "LookMLCommands", "LookMLTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SQLDialectTests", dependencies: ["SQLDialect", "SQLCompiler", "LookMLProject", "LookMLSyntax", "LookMLCommands", "LookMLTestSupport"],
                    exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "BlockGeneratorTests", dependencies: ["BlockGenerator", "BlockResources", "LookMLSyntax", "LookMLFormat", "YAMLSupport"],
                    exclude: ["Golden"]),
    ]
)
