#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server programs the embedded warehouse runs (`initdb`, `pg_ctl`), found once.
///
/// Looked up in `LOOKML_POSTGRES_BIN` when set, then Debian's `/usr/lib/postgresql/15/bin` (other versions
/// after it, newest first), then `PATH`.
public struct PostgresBinaries: Sendable, Equatable {
    /// The Debian package that provides the binaries.
    public static let debianPackage = "postgresql-15"
    /// The directory holding `initdb` and `pg_ctl`.
    public var directory: String

    public var initdb: String { directory + "/initdb" }
    public var pgCtl: String { directory + "/pg_ctl" }

    public init(directory: String) { self.directory = directory }

    /// The directories searched, in order, for this environment.
    public static func searchDirectories(environment: [String: String]) -> [String] {
        if let explicit = environment["LOOKML_POSTGRES_BIN"], !explicit.isEmpty { return [explicit] }
        var directories = ["/usr/lib/postgresql/15/bin"]
        if let versions = try? listDirectory("/usr/lib/postgresql") {
            let numbers = versions.compactMap { Int($0) }.filter { $0 != 15 }.sorted(by: >)
            directories += numbers.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        directories += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return directories
    }

    /// The first directory of `directories` that holds both `initdb` and `pg_ctl`.
    public static func locate(in directories: [String]) throws(WarehouseError) -> PostgresBinaries {
        for directory in directories where isExecutable(directory + "/initdb") && isExecutable(directory + "/pg_ctl") {
            return PostgresBinaries(directory: directory)
        }
        throw WarehouseError(.binariesMissing, """
            the PostgreSQL server programs (initdb, pg_ctl) were not found in \(directories.prefix(3).joined(separator: ", "))\
            \(directories.count > 3 ? ", or PATH" : ""); install the Debian package '\(debianPackage)' \
            (apt-get install \(debianPackage)) or set LOOKML_POSTGRES_BIN to the directory that holds them
            """)
    }

    public static func locate(environment: [String: String]) throws(WarehouseError) -> PostgresBinaries {
        try locate(in: searchDirectories(environment: environment))
    }

    static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }
}
