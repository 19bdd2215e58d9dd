import XCTest
import CLibEdit
#if canImport(Glibc)
import Glibc
#endif
@testable import DeferLabCore

final class LanguageTests: XCTestCase {
    func testResolutionOrder() throws {
        XCTAssertEqual(try Language.resolve(flag: "zh", environment: ["DEFERLAB_LANG": "en"]), .zh)
        XCTAssertEqual(try Language.resolve(flag: "EN", environment: [:]), .en)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["DEFERLAB_LANG": "zh", "LANG": "en_US"]), .zh)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"]), .zh)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "zh", "LANG": "en"]), .zh)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: ["LC_ALL": "de_DE", "LANG": "zh_CN"]), .en)
        XCTAssertEqual(try Language.resolve(flag: nil, environment: [:]), .en)
        XCTAssertThrowsError(try Language.resolve(flag: "fr", environment: [:]))
    }

    func testEveryMessageHasBothLanguages() {
        for m in Message.allCases {
            let zh = Catalog(.zh).text(m, "A", "B"), en = Catalog(.en).text(m, "A", "B")
            XCTAssertFalse(zh.isEmpty, "\(m) zh")
            XCTAssertFalse(en.isEmpty, "\(m) en")
            XCTAssertNotEqual(zh, en, "\(m) is not translated")
            // Placeholders used in one language are used in the other.
            for p in ["%1", "%2"] {
                XCTAssertEqual(Catalog.table(m)[0].contains(p), Catalog.table(m)[1].contains(p), "\(m) \(p)")
            }
        }
    }
}

/// The libedit system library builds and links (the learning shell uses it).
final class LibEditLinkTests: XCTestCase {
    func testHistoryThroughTheShim() {
        guard let h = history_init() else { return XCTFail("history_init failed") }
        defer { history_end(h) }
        var ev = HistEvent()
        XCTAssertEqual(deferlab_history_setsize(h, &ev, 50), 0)
        XCTAssertGreaterThanOrEqual(deferlab_history_enter(h, &ev, "open 3.1"), 0)
        XCTAssertGreaterThanOrEqual(deferlab_history_enter(h, &ev, "run bad"), 0)
        XCTAssertEqual(deferlab_history_get_count(h, &ev), 2)
        setlocale(LC_ALL, "C.UTF-8")
        XCTAssertEqual(wcwidth(0x4E2D), 2, "a CJK character takes two columns")
    }
}
