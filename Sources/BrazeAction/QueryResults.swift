import Foundation

/// Query results as Looker exports them: a header of `view.field` names and rows of text values (nil for empty).
public struct QueryResults: Sendable, Equatable {
    public var fields: [String]
    public var rows: [[String?]]

    public init(fields: [String], rows: [[String?]]) {
        self.fields = fields
        self.rows = rows
    }

    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        case malformed(String)
        /// The results are pivoted: the action refuses pivoted Looks.
        case pivoted(String)

        public var description: String {
            switch self {
            case .malformed(let message): return "cannot read the results: \(message)"
            case .pivoted(let detail): return "the results are pivoted (\(detail)); the Braze action needs an unpivoted Look"
            }
        }
    }

    /// Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF) or JSON (`json`: rows of `{"view.field": value}`;
    /// `json_detail`: values wrapped as `{"value": …}`), chosen by the first non-blank character.
    public static func read(_ bytes: [UInt8]) throws(Failure) -> QueryResults {
        let first = bytes.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }
        let results = first == UInt8(ascii: "[") || first == UInt8(ascii: "{") ? try readJSON(bytes) : try readCSV(bytes)
        try results.checkNotPivoted()
        return results
    }

    /// Every header must be `view.field`, once.
    func checkNotPivoted() throws(Failure) {
        var seen = Set<String>()
        for field in fields {
            let parts = field.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !field.contains("|"), !field.contains(" ") else {
                throw .pivoted("column '\(field)' is not a view.field name")
            }
            guard seen.insert(field).inserted else { throw .pivoted("column '\(field)' appears more than once") }
        }
    }

    static func readCSV(_ bytes: [UInt8]) throws(Failure) -> QueryResults {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var quoted = false
        var fieldStarted = false
        func endField() { record.append(String(decoding: field, as: UTF8.self)); field = []; fieldStarted = false }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") { field.append(byte); index += 2; continue }
                    quoted = false
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && !fieldStarted {
                quoted = true
                fieldStarted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                endField()
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else {
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if quoted { throw .malformed("a quoted CSV field is not closed") }
        if fieldStarted || !field.isEmpty || !record.isEmpty { endField(); records.append(record) }
        guard let header = records.first else { throw .malformed("the file is empty") }
        var rows: [[String?]] = []
        for (number, values) in records.dropFirst().enumerated() {
            guard values.count == header.count else {
                throw .malformed("row \(number + 2) has \(values.count) values for \(header.count) columns")
            }
            rows.append(values.map { $0.isEmpty ? nil : $0 })
        }
        return QueryResults(fields: header, rows: rows)
    }

    static func readJSON(_ bytes: [UInt8]) throws(Failure) -> QueryResults {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) } catch {
            throw .malformed("invalid JSON")
        }
        guard let array = object as? [[String: Any]] else { throw .malformed("expected a JSON array of row objects") }
        var fields: [String] = []
        var known = Set<String>()
        for row in array {
            for key in row.keys.sorted() where known.insert(key).inserted { fields.append(key) }
        }
        var rows: [[String?]] = []
        for row in array {
            var values: [String?] = []
            for field in fields {
                guard var value = row[field] else { values.append(nil); continue }
                if let detail = value as? [String: Any] {
                    guard let inner = detail["value"] else { throw .pivoted("'\(field)' holds an object per pivot value") }
                    value = inner
                }
                values.append(text(of: value))
            }
            rows.append(values)
        }
        return QueryResults(fields: fields, rows: rows)
    }

    private static func text(of value: Any) -> String? {
        switch value {
        case is NSNull: return nil
        case let string as String: return string.isEmpty ? nil : string
        case let number as NSNumber:
            // JSON true/false arrive as a boolean NSNumber subclass on every platform.
            if String(describing: type(of: number)).contains("Boolean") { return number.boolValue ? "Yes" : "No" }
            return number.stringValue
        default: return "\(value)"
        }
    }
}
