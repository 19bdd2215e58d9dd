import XCTest
@testable import LabText

/// Wrapping by display width: CJK takes two columns, no line starts with closing punctuation.
final class TextLayoutTests: XCTestCase {
    func testWidthCountsCJKAsTwoColumns() {
        XCTAssertEqual(TextLayout.width("defer"), 5)
        XCTAssertEqual(TextLayout.width("延迟"), 4)
        XCTAssertEqual(TextLayout.width("a，b"), 4)
        XCTAssertEqual(TextLayout.width("\u{E000}x\u{E001}"), 1, "span markers take no columns")
    }

    func testChineseWrapsByColumnsAndKeepsClosingPunctuationOffLineStarts() {
        let text = "defer 一个函数字面量时，字面量里用到的外部变量是按引用捕获的：执行时读到的是那一刻的值。再加上 LIFO 顺序（后进先出），循环里的 defer 很容易给出意料之外的输出！对吗？"
        for width in 8...40 {
            let lines = TextLayout.wrap(text, width: width)
            XCTAssertEqual(lines.joined().filter { !$0.isWhitespace }, text.filter { !$0.isWhitespace }, "width \(width): nothing lost")
            for line in lines {
                XCTAssertLessThanOrEqual(TextLayout.width(line), width, "width \(width): \(line)")
                if let first = line.first {
                    XCTAssertFalse(TextLayout.closing.contains(first), "width \(width): line starts with \(first): \(line)")
                }
                if let last = line.last {
                    XCTAssertFalse(TextLayout.opening.contains(last) && last != "(", "width \(width): line ends with \(last)")
                }
            }
        }
    }

    func testPunctuationThatWouldStartALineMovesWithTheCharacterBeforeIt() {
        // 10 columns: "一二三四五" fills the line; "。" may not start the next one.
        XCTAssertEqual(TextLayout.wrap("一二三四五。六七", width: 10), ["一二三四", "五。六七"])
        XCTAssertEqual(TextLayout.wrap("abc def ghi", width: 7), ["abc def", "ghi"])
    }

    func testIndentsAndCodeSpansStayBalanced() {
        let on = TextLayout.codeOn, off = TextLayout.codeOff
        let lines = TextLayout.wrap("see \(on)a very long code span that must be cut\(off) here", width: 16, first: "> ", rest: "  ")
        XCTAssertEqual(lines.first?.hasPrefix("> "), true)
        for line in lines.dropFirst() { XCTAssertTrue(line.hasPrefix("  "), line) }
        for line in lines {
            XCTAssertLessThanOrEqual(TextLayout.width(line), 16, line)
            XCTAssertEqual(line.filter { $0 == on }.count, line.filter { $0 == off }.count, "balanced: \(line)")
        }
    }
}
