import XCTest
import DeferRules
import GoAnalysis

final class DeferBeforeCheckTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("defer-before-check") }

    /// gofmt rewrites CRLF files, so this case lives here rather than in testdata.
    func testCRLFStaysCRLF() throws {
        let source = [
            "package crlf", "", "import \"net/http\"", "",
            "func Status(url string) (int, error) {",
            "\tresp, err := http.Get(url)",
            "\tdefer resp.Body.Close() // close it",
            "\tif err != nil {", "\t\treturn 0, err", "\t}",
            "\treturn resp.StatusCode, nil", "}", "",
        ]
        let expected = [
            "package crlf", "", "import \"net/http\"", "",
            "func Status(url string) (int, error) {",
            "\tresp, err := http.Get(url)",
            "\tif err != nil {", "\t\treturn 0, err", "\t}",
            "\tdefer resp.Body.Close() // close it",
            "\treturn resp.StatusCode, nil", "}", "",
        ]
        var driver = Driver(analyzers: [DeferBeforeCheck.analyzer])
        driver.fixes = .safe
        let out = driver.analyze([("crlf.go", Array(source.joined(separator: "\r\n").utf8))])
        XCTAssertEqual(out[0].fixed.map { String(decoding: $0, as: UTF8.self) }, expected.joined(separator: "\r\n"))
    }
}
