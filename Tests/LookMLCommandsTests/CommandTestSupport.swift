import LookMLCommands

/// Runs `lookml` in-process against an in-memory file system and captures what it prints.
struct ToolRun {
    let exitCode: Int32
    let output: String
    let error: String
}

func runTool(_ arguments: [String], files: InMemoryFileSystem = InMemoryFileSystem(), stdin: String = "") -> ToolRun {
    let capture = CapturingConsole()
    let context = CommandContext(console: capture.console, fileSystem: files, environment: [:],
                                 readStandardInput: { Array(stdin.utf8) })
    let code = LookMLTool.run(arguments, context: context)
    return ToolRun(exitCode: code, output: capture.outputText, error: capture.errorText)
}
