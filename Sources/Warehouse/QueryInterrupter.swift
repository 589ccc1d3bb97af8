import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C (SIGINT) into cancel requests for the running queries, so a command can stop cleanly: every
/// registered connection's statement fails with `PostgresError.Kind.cancelled`, and the command sees `interrupted`.
///
/// While an interrupter is active the default SIGINT action (ending the process) is off; `stop()` restores it.
/// The handler runs on a dispatch queue, not in signal context, so it may do anything.
public final class QueryInterrupter: @unchecked Sendable {
    private let lock = Mutex()
    private var handles: [Int: CancelHandle] = [:]
    private var nextToken = 0
    private var wasInterrupted = false
    private var source: (any DispatchSourceSignal)?
    private let onInterrupt: @Sendable () -> Void

    /// How many interrupters are watching: SIGINT's default action comes back only when the last one stops, so
    /// interrupters that overlap (parallel commands, tests) do not undo each other.
    private static let activeLock = Mutex()
    nonisolated(unsafe) private static var active = 0

    /// Starts watching for SIGINT. `onInterrupt` runs after the cancel requests went out.
    public init(onInterrupt: @escaping @Sendable () -> Void = {}) {
        self.onInterrupt = onInterrupt
        QueryInterrupter.activeLock.locked {
            if QueryInterrupter.active == 0 { signal(SIGINT, SIG_IGN) }
            QueryInterrupter.active += 1
        }
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.interrupt() }
        source.resume()
        self.source = source
    }

    deinit { stop() }

    /// True once Ctrl-C was pressed.
    public var interrupted: Bool { lock.locked { wasInterrupted } }

    /// Cancels `handle`'s query on Ctrl-C until `unregister` is called with the returned token. A handle registered
    /// after the interrupt is cancelled at once.
    @discardableResult
    public func register(_ handle: CancelHandle) -> Int {
        let (token, cancelNow) = lock.locked { () -> (Int, Bool) in
            nextToken += 1
            handles[nextToken] = handle
            return (nextToken, wasInterrupted)
        }
        if cancelNow { handle.cancel() }
        return token
    }

    public func unregister(_ token: Int) {
        lock.locked { _ = handles.removeValue(forKey: token) }
    }

    /// What Ctrl-C does; callable directly (tests, a second signal source).
    public func interrupt() {
        let pending = lock.locked { () -> [CancelHandle] in
            wasInterrupted = true
            return Array(handles.values)
        }
        for handle in pending { handle.cancel() }
        onInterrupt()
    }

    /// Stops watching and restores the default SIGINT action.
    public func stop() {
        guard let source = lock.locked({ () -> (any DispatchSourceSignal)? in
            defer { self.source = nil }
            return self.source
        }) else { return }
        source.cancel()
        QueryInterrupter.activeLock.locked {
            QueryInterrupter.active -= 1
            if QueryInterrupter.active == 0 { signal(SIGINT, SIG_DFL) }
        }
    }
}

/// A pthread mutex with a closure API.
final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
