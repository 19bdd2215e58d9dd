import Foundation
import GoSyntax
import Synchronization

extension Driver {
    /// `transform` applied to every item on big-stack worker threads (one per core), results
    /// in the items' order — the driver's one parallel loop (reading, parsing, analysing) —
    /// holding at most `budget` of the items' `costs` at once — or, while a large item runs,
    /// its cost plus a quarter of the budget, so small items keep the other workers busy
    /// beside it: a worker takes the first waiting item that fits beside the ones in progress
    /// (an item larger than that starts when nothing else runs), and waits only when none
    /// fits. Items are best given largest first, so small ones fill the gaps beside a large one.
    /// Items costing more than `oneWorkerAbove` all run on one worker (see `BudgetQueue`).
    static func budgetedMap<T: Sendable, R: Sendable>(_ items: [T], costs: [Int], budget: Int, oneWorkerAbove: Int = .max,
                                                      _ transform: @escaping @Sendable (T) -> R) -> [R] {
        precondition(items.count == costs.count, "one cost per item")
        let out = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        let queue = BudgetQueue(costs: costs, budget: budget, oneWorkerAbove: oneWorkerAbove)
        BigStack.parallel(workers: workers(items.count)) { worker in
            while let i = queue.take(worker: worker) {
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
    /// The costs of the items in progress (the largest sets how far the budget may stretch).
    private var runningCosts: [Int] = []
    /// Items costing more run on one worker only: the first that takes one.
    private let oneWorkerAbove: Int
    private var largeItemsWorker: Int?

    init(costs: [Int], budget: Int, oneWorkerAbove: Int = .max) {
        self.costs = costs
        self.budget = budget
        self.oneWorkerAbove = oneWorkerAbove
        waiting = Array(costs.indices)
    }

    /// The next item that fits for `worker`, waiting while none does; nil when every item is
    /// taken.
    func take(worker: Int = 0) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if waiting.isEmpty { return nil }
            // Beside a large item, small ones (a quarter of the budget in all) still run, so a
            // core is not left idle while the largest folder is analysed.
            let limit = max(budget, (runningCosts.max() ?? 0) + budget / 4)
            let mine = { (i: Int) in self.costs[i] <= self.oneWorkerAbove || (self.largeItemsWorker ?? worker) == worker }
            if let k = waiting.firstIndex(where: { (running == 0 || inProgress + costs[$0] <= limit) && mine($0) }) {
                let i = waiting.remove(at: k)
                if costs[i] > oneWorkerAbove { largeItemsWorker = worker }
                inProgress += costs[i]
                running += 1
                runningCosts.append(costs[i])
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
        if let k = runningCosts.firstIndex(of: costs[i]) { runningCosts.remove(at: k) }
        condition.broadcast()
        condition.unlock()
    }
}
