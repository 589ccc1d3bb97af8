import Foundation

/// Result slots that worker threads fill, each index written by exactly one thread.
private final class ResultSlots<Result>: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Result?>
    private let lock = NSLock()
    private var nextIndex = 0

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }

    /// The next index to work on, handed out once each.
    func claim() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// How many threads parallel work uses: `LOOKML_JOBS` when set, else the number of active processors.
public let workerCount: Int = {
    if let jobs = ProcessInfo.processInfo.environment["LOOKML_JOBS"].flatMap(Int.init), jobs > 0 { return jobs }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
}()

/// Runs `body` for every index on all cores and returns the results in index order.
///
/// Plain threads with a shared work counter: `DispatchQueue.concurrentPerform` was measured to run on a single
/// core on these Linux machines. Each worker gets an 8 MiB stack, like the main thread.
public func parallelMap<Result>(_ count: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: count)
    let threads = min(workerCount, count)
    if threads <= 1 {
        for index in 0..<count { slots.values[index] = body(index) }
    } else {
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                while true {
                    let index = slots.claim()
                    if index >= count { break }
                    slots.values[index] = body(index)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
    return slots.values.map { $0! }
}
