import XCTest
import DeferRules
import GoAnalysis

final class DeferBeforeCheckTests: XCTestCase {
    func testTestdata() throws { try RuleHarness.run("defer-before-check") }

    /// A statement right after `x, err := f()` that uses err (a call, a return, an if's
    /// condition, an assignment's right side) is read as its check without resolving names;
    /// an err declared by an if's init statement is another err, and the defer after it is
    /// still reported.
    func testUsesRightAfterTheAssignmentCountAsChecks() throws {
        let source = """
            package p

            import (
            \t"net/http"
            \t"os"
            )

            func Asserted(url string, must func(error)) {
            \tresp, err := http.Get(url)
            \tmust(err)
            \tdefer resp.Body.Close()
            }

            func Wrapped(url string, wrap func(error) error) error {
            \tresp, err := http.Get(url)
            \terr = wrap(err)
            \tdefer resp.Body.Close()
            \treturn err
            }

            func Shadowed(url string) {
            \tresp, err := http.Get(url)
            \tif _, err := os.Stat(url); err != nil {
            \t\treturn
            \t}
            \tdefer resp.Body.Close()
            \t_ = err
            }

            """
        let out = Driver(analyzers: [DeferBeforeCheck.analyzer]).analyze([("p.go", Array(source.utf8))])
        XCTAssertEqual(out[0].diagnostics.map { out[0].source?.position(ofOffset: $0.start).line }, [26])
    }

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
