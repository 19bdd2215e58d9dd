import XCTest
import LabText

/// Every message of a catalog has a non-empty text in both languages (named fields make a
/// missing one a compile error; this catches an empty one), the two differ where they should,
/// and a placeholder used in one language is used in the other.
public func assertCatalogIsComplete<M: MessageCatalog>(_ type: M.Type, sameAllowed: Set<String> = [],
                                                       file: StaticString = #filePath, line: UInt = #line) {
    for m in M.allCases {
        let text = m.text
        XCTAssertFalse(text.zh.isEmpty, "\(m): no Chinese text", file: file, line: line)
        XCTAssertFalse(text.en.isEmpty, "\(m): no English text", file: file, line: line)
        if !sameAllowed.contains("\(m)") {
            XCTAssertNotEqual(text.zh, text.en, "\(m) is not translated", file: file, line: line)
        }
        for p in (1...9).map({ "%\($0)" }) {
            XCTAssertEqual(text.zh.contains(p), text.en.contains(p), "\(m): \(p) in one language only", file: file, line: line)
        }
    }
}
