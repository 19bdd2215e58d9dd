import XCTest

final class LoopvarCaptureTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("loopvar-capture") }
}
