import XCTest
import DeferRules
import GoAnalysis

final class DeferBeforeCheckTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("defer-before-check") }

    /// gofmt rewrites CRLF files, so this case lives here rather than in testdata.
    func testCRLFStaysCRLF() throws {
        let source = [
            "package crlf", "", "import \"os\"", "",
            "func Size(name string) (int64, error) {",
            "\tf, err := os.Open(name)",
            "\tdefer f.Close() // close it",
            "\tif err != nil {", "\t\treturn 0, err", "\t}",
            "\tst, err := f.Stat()",
            "\tif err != nil {", "\t\treturn 0, err", "\t}",
            "\treturn st.Size(), nil", "}", "",
        ]
        let expected = [
            "package crlf", "", "import \"os\"", "",
            "func Size(name string) (int64, error) {",
            "\tf, err := os.Open(name)",
            "\tif err != nil {", "\t\treturn 0, err", "\t}",
            "\tdefer f.Close() // close it",
            "\tst, err := f.Stat()",
            "\tif err != nil {", "\t\treturn 0, err", "\t}",
            "\treturn st.Size(), nil", "}", "",
        ]
        var driver = Driver(analyzers: [DeferBeforeCheck.analyzer])
        driver.applyFixes = true
        let out = driver.analyze([("crlf.go", Array(source.joined(separator: "\r\n").utf8))])
        XCTAssertEqual(out[0].fixed.map { String(decoding: $0, as: UTF8.self) }, expected.joined(separator: "\r\n"))
    }
}
