import CMallocTuning
import Foundation
import LookMLCommands

lookml_tune_malloc()
let environment = ProcessInfo.processInfo.environment
let context = CommandContext(
    console: .standard(environment: environment),
    fileSystem: LocalFileSystem(),
    environment: environment,
    readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
    exitsAfterRun: true)
exit(LookMLTool.run(Array(CommandLine.arguments.dropFirst()), context: context))
