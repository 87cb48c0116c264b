import Foundation

/// Runs a batch over a lazily produced sequence of inputs on `workers` threads and hands the
/// results to `deliver` on the calling thread, in input order, as soon as each is next in line.
///
/// Each input is first prepared (read and parsed), which needs no context, then finished with the
/// context (the catalog). With several workers, the first `prefetch` inputs are prepared while the
/// calling thread makes the context, so that reading files overlaps compiling the rules. No window
/// waits for its slowest input: workers take the next input whenever they are free, and at most
/// `inFlight` inputs (`prefetch` at the start) are taken but not yet delivered, so memory stays flat.
enum EvaluationPipeline {
    static func run<Inputs: Sequence, Prepared, Context: Sendable, Result: Sendable>(
        _ inputs: Inputs, workers: Int, inFlight: Int, prefetch: Int,
        prepare: @escaping @Sendable (Inputs.Element) -> Prepared,
        context makeContext: () throws -> Context,
        finish: @escaping @Sendable (Prepared, Int, Context) -> Result,
        deliver: (Result) throws -> Void
    ) throws where Inputs.Element: Sendable {
        var iterator = inputs.makeIterator()
        guard workers > 1 else {
            // NOTE: one job needs no threads; inputs are read, evaluated and written one at a time.
            let context = try makeContext()
            var index = 0
            while let input = iterator.next() {
                try deliver(finish(prepare(input), index, context))
                index += 1
            }
            return
        }
        let queue = Queue<Inputs.Element, Context, Result>()
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let (index, input) = queue.take() {
                    let prepared = prepare(input)
                    guard let context = queue.context() else { return }
                    queue.finish(index, finish(prepared, index, context))
                }
            }
        }
        defer {
            queue.close()
            group.wait()
        }
        var produced = 0, delivered = 0, exhausted = false
        func feed(upTo limit: Int) {
            while !exhausted, produced - delivered < limit {
                guard let input = iterator.next() else { exhausted = true; break }
                queue.add(produced, input)
                produced += 1
            }
        }
        feed(upTo: max(prefetch, inFlight))
        queue.setContext(try makeContext())
        while true {
            feed(upTo: inFlight)
            if delivered == produced { break }
            try deliver(queue.result(delivered))
            delivered += 1
        }
    }

    /// Inputs waiting for a worker, the context once made, and results waiting for their turn,
    /// under one lock.
    private final class Queue<Input: Sendable, Context: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var pending: [(Int, Input)] = []
        private var head = 0
        private var results: [Int: Result] = [:]
        private var madeContext: Context?
        private var closed = false

        func add(_ index: Int, _ input: Input) {
            condition.lock()
            pending.append((index, input))
            condition.broadcast()
            condition.unlock()
        }

        /// The next input, or nil once the queue is closed.
        func take() -> (Int, Input)? {
            condition.lock()
            defer { condition.unlock() }
            while head == pending.count && !closed { condition.wait() }
            guard head < pending.count else { return nil }
            let next = pending[head]
            head += 1
            if head > 256 && head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
            return next
        }

        func setContext(_ context: Context) {
            condition.lock()
            madeContext = context
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the context; nil when the queue closed without one (it could not be made).
        func context() -> Context? {
            condition.lock()
            defer { condition.unlock() }
            while madeContext == nil && !closed { condition.wait() }
            return madeContext
        }

        func finish(_ index: Int, _ result: Result) {
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for the result of input `index` and takes it.
        func result(_ index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while results[index] == nil { condition.wait() }
            return results.removeValue(forKey: index)!
        }

        /// Stops the workers; inputs not yet taken are dropped (delivery has ended).
        func close() {
            condition.lock()
            closed = true
            head = pending.count
            condition.broadcast()
            condition.unlock()
        }
    }
}
