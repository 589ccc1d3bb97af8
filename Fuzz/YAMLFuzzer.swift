// libFuzzer entry point for the YAML loader (dashboards and configuration): no crash, no hang, and every scalar's
// byte range lies inside the input. Built by scripts/fuzz.sh with the YAMLSupport sources.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let documents = try? YAMLLoader.load(bytes) else { return 0 }
    for document in documents {
        document.forEachScalar { scalar in
            guard scalar.range.lowerBound >= 0, scalar.range.upperBound <= size, scalar.range.lowerBound <= scalar.range.upperBound else {
                fatalError("scalar range \(scalar.range) outside the input")
            }
        }
    }
    return 0
}
