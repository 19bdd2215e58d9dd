import XCTest
import GoAnalysis
import DeferRules

/// Each rule's own example (shown by `deferlab explain`) is checked like testdata: the bad
/// code is reported, the fix turns it into exactly the fixed code, which is then quiet.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleHasAWorkingExample() {
        for rule in DeferRules.all {
            guard let ex = rule.example else {
                XCTFail("\(rule.name) has no example for explain")
                continue
            }
            let found = Driver(analyzers: [rule]).analyze([("example.go", Array(ex.bad.utf8))])[0]
            XCTAssertEqual(found.syntaxErrors, [], rule.name)
            XCTAssertFalse(found.diagnostics.isEmpty, "\(rule.name): its bad example reports nothing")
            guard let expected = ex.fixed else { continue }
            var fixer = Driver(analyzers: [rule])
            fixer.fixes = .safe
            let fixed = fixer.analyze([("example.go", Array(ex.bad.utf8))])[0]
            XCTAssertEqual(fixed.fixed.map { String(decoding: $0, as: UTF8.self) }, expected, "\(rule.name): the fix of its example")
            let quiet = Driver(analyzers: [rule]).analyze([("example.go", Array(expected.utf8))])[0]
            XCTAssertEqual(quiet.diagnostics.map(\.message.en), [], "\(rule.name): its fixed example still reports")
        }
    }
}
