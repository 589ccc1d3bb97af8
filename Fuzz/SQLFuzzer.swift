// libFuzzer entry point for the SQL tokenizer (aware of ${}, @{} and Liquid) and the dialect checker, in both
// dialects. Built by scripts/fuzz.sh with the SQLDialect sources. Every input must satisfy: no crash, no hang;
// tokens lie inside the input, in order, without overlapping; every issue's range lies inside the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSQL(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for profile in DialectProfile.all {
        var end = 0
        for token in SQLLexer(profile: profile, templates: true).tokenize(bytes) {
            guard token.range.lowerBound >= end, token.range.upperBound <= size, token.range.lowerBound <= token.range.upperBound else {
                fatalError("token \(token.range) out of order or outside the input (\(size) bytes)")
            }
            end = token.range.upperBound
        }
        for issue in SQLChecker(profile: profile).dialectIssues(bytes) where issue.range.lowerBound < 0 || issue.range.upperBound > size {
            fatalError("issue \(issue.range) outside the input")
        }
    }
    return 0
}
