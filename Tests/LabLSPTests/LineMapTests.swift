import Foundation
import XCTest
@testable import LabLSP

/// Positions in the three encodings, line ends of every kind, and the edges of a document.
final class LineMapTests: XCTestCase {
    func testEncodingsCountTheSameTextDifferently() {
        // "a" (1 byte), "中" (3 bytes, 1 UTF-16 unit), "😀" (4 bytes, 2 UTF-16 units), "b".
        let map = LineMap(Array("x\na中😀b\n".utf8))
        let b = 2 + 1 + 3 + 4  // offset of "b"
        XCTAssertEqual(map.position(ofOffset: b, .utf8).character, 8)
        XCTAssertEqual(map.position(ofOffset: b, .utf16).character, 4)
        XCTAssertEqual(map.position(ofOffset: b, .utf32).character, 3)
        for enc in [PositionEncoding.utf8, .utf16, .utf32] {
            let p = map.position(ofOffset: b, enc)
            XCTAssertEqual(p.line, 1)
            XCTAssertEqual(map.offset(line: p.line, character: p.character, enc), b, "\(enc) round trip")
        }
        // Half of a surrogate pair, or the middle of a UTF-8 sequence, is the character's start.
        XCTAssertEqual(map.offset(line: 1, character: 3, .utf16), 2 + 1 + 3)
        XCTAssertEqual(map.offset(line: 1, character: 2, .utf8), 2 + 1)
        XCTAssertEqual(map.position(ofOffset: 2 + 1 + 1, .utf16).character, 1)
    }

    func testLineEndsOfEveryKind() {
        let map = LineMap(Array("a\r\nb\rc\nd".utf8))
        XCTAssertEqual(map.starts, [0, 3, 5, 7])
        XCTAssertEqual(map.offset(line: 0, character: 99, .utf16), 1, "past the end of the line: before \\r\\n")
        XCTAssertEqual(map.position(ofOffset: 2, .utf16).line, 0, "inside the line break")
        XCTAssertEqual(map.offset(line: 2, character: 0, .utf16), 5)
        XCTAssertEqual(map.offset(line: 9, character: 0, .utf16), 8, "past the last line: the end")
        XCTAssertEqual(map.position(ofOffset: 9, .utf16).line, 3)
        XCTAssertEqual(map.position(ofOffset: 99, .utf16).character, 1)
    }

    func testInvalidUTF8CountsAsOneCharacterPerByte() {
        let map = LineMap([0x61, 0xFF, 0xC3, 0x62])  // a, stray byte, truncated sequence, b
        XCTAssertEqual(map.position(ofOffset: 3, .utf16).character, 3)
        XCTAssertEqual(map.offset(line: 0, character: 3, .utf16), 3)
    }

    func testEmptyDocument() {
        let map = LineMap([])
        XCTAssertEqual(map.offset(line: 0, character: 5, .utf16), 0)
        XCTAssertEqual(map.position(ofOffset: 0, .utf8).line, 0)
    }

    func testIncrementalChangesApplyInOrder() {
        var doc = Document(uri: "file:///tmp/a%20b/x.go", version: 1, text: "package p\n\nfunc 中() {}\n")
        XCTAssertEqual(doc.path, "/tmp/a b/x.go")
        doc.apply([
            ["range": ["start": ["line": 2, "character": 6], "end": ["line": 2, "character": 6]], "text": "x"],
            ["range": ["start": ["line": 0, "character": 8], "end": ["line": 0, "character": 9]], "text": "q"],
        ], encoding: .utf16)
        XCTAssertEqual(String(decoding: doc.bytes, as: UTF8.self), "package q\n\nfunc 中x() {}\n")
        doc.apply([["text": "package r\n"]], encoding: .utf16)
        XCTAssertEqual(String(decoding: doc.bytes, as: UTF8.self), "package r\n")
        XCTAssertNil(Document.path(ofURI: "untitled:Untitled-1"))
        XCTAssertNil(Document.path(ofURI: "file://server/share/x.go"))
        XCTAssertEqual(Document.path(ofURI: "file://localhost/tmp/x.go"), "/tmp/x.go")
    }

    func testMinimalEditCutsAtCharacterAndLineBoundaries() {
        func apply(_ old: String, _ new: String) -> String {
            let o = Array(old.utf8), n = Array(new.utf8)
            let (s, e, text) = LanguageServer.minimalEdit(o, n)
            let result = Array(o[..<s]) + Array(text.utf8) + Array(o[e...])
            XCTAssertNotEqual(text.unicodeScalars.last, "\u{FFFD}", "cut inside a character")
            return String(decoding: result, as: UTF8.self)
        }
        XCTAssertEqual(apply("a中b", "a乙b"), "a乙b")  // 中 and 乙 share their first UTF-8 byte
        XCTAssertEqual(apply("x\r\ny", "x\r\r\ny"), "x\r\r\ny")
        XCTAssertEqual(apply("same", "same"), "same")
        XCTAssertEqual(apply("", "new"), "new")
        XCTAssertEqual(apply("old", ""), "")
        let (s, e, _) = LanguageServer.minimalEdit(Array("a中b".utf8), Array("a乙b".utf8))
        XCTAssertEqual(s, 1)
        XCTAssertEqual(e, 4)
    }
}
