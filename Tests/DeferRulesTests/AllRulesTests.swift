import XCTest

/// Every rule at once on code where their findings overlap.
final class AllRulesTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("all") }
}
