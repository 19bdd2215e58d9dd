import XCTest
import CLibEdit
#if canImport(Glibc)
import Glibc
#endif

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
