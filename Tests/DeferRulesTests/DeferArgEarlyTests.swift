import XCTest

final class DeferArgEarlyTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("defer-arg-early") }
}
