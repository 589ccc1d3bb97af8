import Foundation
import LookMLCommands

let environment = ProcessInfo.processInfo.environment
let context = CommandContext(
    console: .standard(environment: environment),
    fileSystem: LocalFileSystem(),
    environment: environment,
    readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) })
exit(LookMLTool.run(Array(CommandLine.arguments.dropFirst()), context: context))
