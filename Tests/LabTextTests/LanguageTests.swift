import XCTest
import LabText
import TestSupport

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
        assertCatalogIsComplete(Message.self)
    }
}

