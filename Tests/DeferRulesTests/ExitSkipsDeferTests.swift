import XCTest

final class ExitSkipsDeferTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("exit-skips-defer") }
}
