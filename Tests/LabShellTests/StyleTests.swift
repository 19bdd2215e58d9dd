import XCTest
import LabText
@testable import LabShell

/// Colour and code spans of the shell's style.
final class StyleTests: XCTestCase {
    func testCodeSpansAsBackticksOrColour() {
        let on = TextLayout.codeOn, off = TextLayout.codeOff
        XCTAssertEqual(Style(colour: false).codeSpans("\(on)x\(off)"), "`x`")
        XCTAssertEqual(Style(colour: true).codeSpans("\(on)x\(off)"), "\u{1B}[36mx\u{1B}[0m")
    }

    func testGoHighlightingOnlyWithColour() {
        let source = "package main\n\n// hi\nfunc main() { defer f(\"s\", 1) }\n"
        XCTAssertEqual(Style(colour: false).goLines(source), ["package main", "", "// hi", "func main() { defer f(\"s\", 1) }"])
        let coloured = Style(colour: true).goLines(source)
        XCTAssertEqual(coloured.count, 4)
        XCTAssertTrue(coloured[3].contains("\u{1B}[1;35mdefer\u{1B}[0m"), coloured[3])
        XCTAssertTrue(coloured[3].contains("\u{1B}[32m\"s\"\u{1B}[0m"), coloured[3])
    }
}
