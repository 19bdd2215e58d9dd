import XCTest
@testable import GoAnalysis

/// The driver's scheduler: items in order, each taken when it fits beside those in progress.
final class BudgetQueueTests: XCTestCase {
    /// With a budget of 8: the first item (12, larger than the budget) starts alone; beside it
    /// only small items fit, up to a quarter of the budget (2) in all; once it is done, the
    /// next large ones fit as far as the budget goes.
    func testItemsFitBesideTheOnesInProgress() {
        let q = BudgetQueue(costs: [12, 6, 5, 1, 1, 1, 2], budget: 8)
        XCTAssertEqual(q.take(), 0)  // nothing runs: the oversized item starts
        XCTAssertEqual(q.take(), 3)  // 12 + 1 <= 12 + 2
        XCTAssertEqual(q.take(), 4)  // 12 + 2 <= 14
        q.finish(3)
        XCTAssertEqual(q.take(), 5)  // 12 + 1 + 1 again
        q.finish(0)
        q.finish(4)
        q.finish(5)
        XCTAssertEqual(q.take(), 1)  // 6 <= 8
        XCTAssertEqual(q.take(), 6)  // 6 + 2 <= 8; 5 would not fit beside 6
        q.finish(1)
        q.finish(6)
        XCTAssertEqual(q.take(), 2)
        q.finish(2)
        XCTAssertNil(q.take())
    }

    /// Large items all run on the worker that took the first one (each worker's freed
    /// memory stays in its own arena: only one arena grows that large); small ones run on any.
    func testLargeItemsRunOnOneWorker() {
        let q = BudgetQueue(costs: [5, 5, 1, 1, 6], budget: 16, oneWorkerAbove: 4)
        XCTAssertEqual(q.take(worker: 1), 0)  // the first large item: worker 1's from now on
        XCTAssertEqual(q.take(worker: 0), 2)  // 5 would fit, but large items are worker 1's
        XCTAssertEqual(q.take(worker: 1), 1)  // 5 + 1 + 5 <= 16
        XCTAssertEqual(q.take(worker: 0), 3)
        q.finish(0)
        q.finish(1)
        q.finish(2)
        q.finish(3)
        XCTAssertEqual(q.take(worker: 1), 4)
        XCTAssertNil(q.take(worker: 0))
    }

    /// Costless items (parallelMap) are never held back.
    func testCostlessItemsNeverWait() {
        let q = BudgetQueue(costs: [0, 0, 0], budget: 0)
        XCTAssertEqual(q.take(), 0)
        XCTAssertEqual(q.take(), 1)
        XCTAssertEqual(q.take(), 2)
        XCTAssertNil(q.take())
    }
}
