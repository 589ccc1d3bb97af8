/// The tags the Braze Looker Action reads (see the action's contract): `"braze_id"` marks the field that identifies
/// the user; `"braze[ATTR]"` marks a field sent as profile attribute `ATTR`.
public enum BrazeTag: Hashable, Sendable {
    case id
    case attribute(String)

    /// The tag text as written inside the quotes.
    public var text: String {
        switch self {
        case .id: return "braze_id"
        case .attribute(let name): return "braze[\(name)]"
        }
    }

    /// Reads a tag; nil for tags the action ignores. Malformed `braze[…]` tags are returned as attributes and
    /// reported by `problem(with:)`.
    public init?(_ text: String) {
        if text == "braze_id" { self = .id; return }
        guard text.hasPrefix("braze["), text.hasSuffix("]") else { return nil }
        self = .attribute(String(text.dropFirst(6).dropLast()))
    }

    /// Standard Braze profile fields an attribute tag may set by exact name.
    public static let standardAttributes: Set<String> = [
        "first_name", "last_name", "email", "phone", "country", "home_city", "language", "gender", "dob",
        "time_zone", "email_subscribe", "push_subscribe",
    ]

    /// Field types whose values the action can send as attributes.
    public static let supportedAttributeTypes: Set<String> = ["string", "yesno", "number", "date", "date_time", "time", "tier", "zipcode"]

    /// What is wrong with an attribute name, or nil when it is well formed.
    public static func problem(withAttribute name: String) -> String? {
        if name.isEmpty { return "the attribute name is empty" }
        if name.contains("[") || name.contains("]") { return "the attribute name contains a bracket" }
        if name.contains(where: { $0 == " " || $0 == "\t" }) { return "the attribute name contains a space" }
        if name.contains("\"") { return "the attribute name contains a quote" }
        return nil
    }

    /// The standard field an attribute name differs from only in case (e.g. `First_Name`), if any.
    public static func caseMismatch(_ name: String) -> String? {
        guard !standardAttributes.contains(name) else { return nil }
        return standardAttributes.first { $0 == name.lowercased() }
    }
}
