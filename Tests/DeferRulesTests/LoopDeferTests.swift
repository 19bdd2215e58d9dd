import XCTest

final class LoopDeferTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("loop-defer") }
}
