import Dispatch

/// Result slots that worker threads fill, each index written by exactly one thread.
private final class ResultSlots<Result>: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Result?>
    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }
    deinit {
        values.deinitialize()
        values.deallocate()
    }
}

/// Runs `body` for every index on all cores and returns the results in index order.
func parallelMap<Result>(_ count: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.values[index] = body(index)
    }
    return slots.values.map { $0! }
}
