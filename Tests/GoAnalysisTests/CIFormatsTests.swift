import XCTest
@testable import GoAnalysis

/// The escaping of the CI formats, on the characters a message or a path may hold.
final class CIFormatsTests: XCTestCase {
    func testGitHubEscaping() {
        // "\r\n" is one Character in Swift: each scalar must still be escaped.
        XCTAssertEqual(FindingFormat.githubData("50% of a\r\nb: c, d"), "50%25 of a%0D%0Ab: c, d")
        XCTAssertEqual(FindingFormat.githubProperty("dir,x/a:b.go"), "dir%2Cx/a%3Ab.go")
        XCTAssertEqual(FindingFormat.githubProperty("每次.go"), "每次.go")
    }

    func testXMLAttributeEscaping() {
        XCTAssertEqual(FindingFormat.xmlAttribute(#"a<b & "c" 'd'>"#), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        XCTAssertEqual(FindingFormat.xmlAttribute("tab\tline\nret\r"), "tab&#9;line&#10;ret&#13;")
        // Characters XML 1.0 cannot carry at all become U+FFFD instead of breaking the document.
        XCTAssertEqual(FindingFormat.xmlAttribute("nul\u{0}bell\u{7}"), "nul\u{FFFD}bell\u{FFFD}")
        XCTAssertEqual(FindingFormat.xmlAttribute("中文"), "中文")
    }
}
