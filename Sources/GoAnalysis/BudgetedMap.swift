import Foundation
import GoSyntax
import Synchronization

extension Driver {
    /// `transform` applied to every item on big-stack worker threads (one per core), results
    /// in the items' order — the driver's one parallel loop (reading, parsing, analysing) —
    /// holding at most `budget` of the items' `costs` at once: a worker
    /// takes the first waiting item that fits beside the ones in progress (an item larger than
    /// the budget runs when nothing else does), and waits only when none fits. Items are best
    /// given largest first, so small ones fill the gaps beside a large one.
    static func budgetedMap<T: Sendable, R: Sendable>(_ items: [T], costs: [Int], budget: Int,
                                                      _ transform: @escaping @Sendable (T) -> R) -> [R] {
        precondition(items.count == costs.count, "one cost per item")
        let out = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        let queue = BudgetQueue(costs: costs, budget: budget)
        BigStack.parallel(workers: workers(items.count)) { _ in
            while let i = queue.take() {
                let r = transform(items[i])
                out.withLock { $0[i] = r }
                queue.finish(i)
            }
        }
        return out.withLock { $0.map { $0! } }
    }
}

/// The waiting items of `budgetedMap` and the cost in progress.
final class BudgetQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let costs: [Int]
    private let budget: Int
    private var waiting: [Int]
    private var inProgress = 0
    private var running = 0

    init(costs: [Int], budget: Int) {
        self.costs = costs
        self.budget = budget
        waiting = Array(costs.indices)
    }

    /// The next item that fits, waiting while none does; nil when every item is taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if waiting.isEmpty { return nil }
            if let k = waiting.firstIndex(where: { running == 0 || inProgress + costs[$0] <= budget }) {
                let i = waiting.remove(at: k)
                inProgress += costs[i]
                running += 1
                return i
            }
            condition.wait()
        }
    }

    /// Item `i` is done: its cost is free for the others.
    func finish(_ i: Int) {
        condition.lock()
        inProgress -= costs[i]
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}
