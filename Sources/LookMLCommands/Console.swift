#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: standard output for results, standard error for diagnostics and progress.
/// Tests pass a capturing console.
public final class Console: @unchecked Sendable {
    public enum Stream { case output, error }

    private let write: (Stream, [UInt8]) -> Void
    /// True when diagnostics may be coloured: standard error is a terminal and `NO_COLOR` is unset.
    public let colorsErrors: Bool
    /// True when standard error is a terminal (progress lines are shown only then).
    public let errorIsTerminal: Bool

    public init(colorsErrors: Bool = false, errorIsTerminal: Bool = false, write: @escaping (Stream, [UInt8]) -> Void) {
        self.colorsErrors = colorsErrors
        self.errorIsTerminal = errorIsTerminal
        self.write = write
    }

    /// The process's own standard output and error.
    public static func standard(environment: [String: String]) -> Console {
        let isTerminal = isatty(2) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Console(colorsErrors: isTerminal && !noColor && environment["TERM"] != "dumb", errorIsTerminal: isTerminal) { stream, bytes in
            let descriptor: Int32 = stream == .output ? 1 : 2
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return  // e.g. a closed pipe: nothing more can be written
                    }
                    offset += written
                }
            }
        }
    }

    public func out(_ text: String) { write(.output, Array(text.utf8)) }
    public func outBytes(_ bytes: [UInt8]) { write(.output, bytes) }
    public func err(_ text: String) { write(.error, Array(text.utf8)) }
}

/// A console that keeps what commands write, for tests.
public final class CapturingConsole: @unchecked Sendable {
    public private(set) var output: [UInt8] = []
    public private(set) var error: [UInt8] = []
    public var console: Console {
        Console { [self] stream, bytes in
            if stream == .output { self.output += bytes } else { self.error += bytes }
        }
    }
    public init() {}
    public var outputText: String { String(decoding: output, as: UTF8.self) }
    public var errorText: String { String(decoding: error, as: UTF8.self) }
}
