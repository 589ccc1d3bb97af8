import Foundation
import LookMLProject
import SQLCompiler
import SQLDialect

/// Runs every explore's SQL on a real PostgreSQL: one `SELECT … LIMIT 0` with all dimensions and measures per
/// explore, inside a `READ ONLY` transaction with a statement timeout; when it fails, the fields are bisected until
/// every failing one is isolated, and the database's message is reported at the field's LookML location.
public struct LiveValidator: Sendable {
    public let compiler: SQLCompiler
    public let profile: DialectProfile
    public var statementTimeout: Duration
    public var jobs: Int
    /// Opens a connection (one per worker).
    public let connect: @Sendable () throws(PostgresError) -> PostgresConnection

    public init(compiler: SQLCompiler, profile: DialectProfile = .postgres, statementTimeout: Duration = .seconds(30), jobs: Int = 4,
                connect: @escaping @Sendable () throws(PostgresError) -> PostgresConnection) {
        self.compiler = compiler
        self.profile = profile
        self.statementTimeout = statementTimeout
        self.jobs = jobs
        self.connect = connect
    }

    /// A field the database refused.
    public struct FieldFailure: Sendable, Equatable {
        /// `alias.field`.
        public var field: String
        public var message: String
        public var location: SourceRange
    }

    /// What one explore's validation found.
    public struct ExploreResult: Sendable {
        public var model: String
        public var explore: String
        public var fields: Int
        public var queries: Int
        public var milliseconds: Double
        public var failures: [FieldFailure]
        /// A problem that stopped the explore from being validated (compile error, lost connection).
        public var error: String?
        public var isClean: Bool { failures.isEmpty && error == nil }
    }

    /// Validates `explores` on up to `jobs` connections; `progress` is called after each explore (done, total,
    /// explores with failures). Throws when no connection can be opened at all.
    public func validate(_ explores: [(model: String, explore: String)], interrupter: QueryInterrupter? = nil,
                         progress: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in }) throws(PostgresError) -> [ExploreResult] {
        // Fail fast, with one clear message, when the database cannot be reached.
        let probe = try connect()
        probe.close()
        let queue = WorkQueue(count: explores.count)
        let workers = max(1, min(jobs, explores.count))
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                var connection: PostgresConnection?
                while let index = queue.next() {
                    if interrupter?.interrupted == true { queue.finish(index, nil); continue }
                    do throws(PostgresError) {
                        if connection == nil || connection?.isOpen != true { connection = try connect() }
                    } catch {
                        queue.finish(index, ExploreResult(model: explores[index].model, explore: explores[index].explore, fields: 0, queries: 0,
                                                          milliseconds: 0, failures: [], error: error.description))
                        continue
                    }
                    let result = validate(explores[index].model, explores[index].explore, on: connection!, interrupter: interrupter)
                    let (done, failing) = queue.finish(index, result)
                    progress(done, explores.count, failing)
                }
                connection?.close()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return queue.results.compactMap { $0 }
    }

    /// Validates one explore on `connection`.
    public func validate(_ model: String, _ explore: String, on connection: PostgresConnection, interrupter: QueryInterrupter? = nil) -> ExploreResult {
        let start = DispatchTime.now()
        var result = ExploreResult(model: model, explore: explore, fields: 0, queries: 0, milliseconds: 0, failures: [], error: nil)
        do throws(CompileError) {
            let available = try compiler.fields(model: model, explore: explore)
            let names = (available.dimensions + available.measures).map(\.name)
            let locations = Dictionary((available.dimensions + available.measures).map { ($0.name, $0.location) }, uniquingKeysWith: { first, _ in first })
            result.fields = names.count
            var pending: [[String]] = names.isEmpty ? [] : [names]
            while let fields = pending.popLast() {
                if interrupter?.interrupted == true { result.error = "interrupted"; break }
                let query = try compiler.compile(model: model, explore: explore, fields: fields, dialect: profile, options: CompileOptions(limit: 0))
                result.queries += 1
                switch run(query.sql, on: connection, interrupter: interrupter) {
                case .success:
                    continue
                case .failure(let error) where error.kind == .queryFailed || error.kind == .statementTimeout:
                    if fields.count == 1 {
                        result.failures.append(FieldFailure(field: fields[0], message: Self.firstLine(error.message),
                                                            location: locations[fields[0]] ?? SourceRange(file: "", range: 0..<0)))
                    } else {
                        // Bisect: each half is run on its own.
                        let middle = fields.count / 2
                        pending.append(Array(fields[middle...]))
                        pending.append(Array(fields[..<middle]))
                    }
                case .failure(let error):
                    result.error = error.description
                    pending = []
                }
            }
        } catch {
            result.error = error.description
        }
        result.failures.sort { $0.field < $1.field }
        result.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        return result
    }

    /// Runs one statement in a read-only transaction with the statement timeout, always ending the transaction.
    func run(_ sql: String, on connection: PostgresConnection, interrupter: QueryInterrupter?) -> Result<QueryResult, PostgresError> {
        let token = connection.cancelHandle().flatMap { interrupter?.register($0) }
        defer { if let token { interrupter?.unregister(token) } }
        do throws(PostgresError) {
            let rows = try connection.transaction(readOnly: true, statementTimeout: statementTimeout) { connection throws(PostgresError) in
                try connection.query(sql)
            }
            return .success(rows)
        } catch {
            return .failure(error)
        }
    }

    static func firstLine(_ message: String) -> String {
        String(message.split(separator: "\n", omittingEmptySubsequences: true).first ?? Substring(message))
    }
}

/// Hands out indices to worker threads and keeps their results in order.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var failing = 0
    private let count: Int
    private(set) var results: [LiveValidator.ExploreResult?]

    init(count: Int) {
        self.count = count
        results = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    @discardableResult
    func finish(_ index: Int, _ result: LiveValidator.ExploreResult?) -> (done: Int, failing: Int) {
        lock.lock(); defer { lock.unlock() }
        results[index] = result
        done += 1
        if let result, !result.isClean { failing += 1 }
        return (done, failing)
    }
}
