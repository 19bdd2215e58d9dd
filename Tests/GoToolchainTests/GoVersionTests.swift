import XCTest
@testable import GoToolchain

final class GoVersionTests: XCTestCase {
    func testParsesVersionTokens() {
        let table: [(String, GoVersion?)] = [
            ("go1.27.3", GoVersion(major: 1, minor: 27, patch: 3)),
            ("1.27.3", GoVersion(major: 1, minor: 27, patch: 3)),
            ("go1.23", GoVersion(major: 1, minor: 23)),
            ("go1.23.0", GoVersion(major: 1, minor: 23, patch: 0)),
            ("go1", GoVersion(major: 1, minor: 0)),
            ("go1.24rc1", GoVersion(major: 1, minor: 24, stage: .releaseCandidate(1))),
            ("go1.24beta2", GoVersion(major: 1, minor: 24, stage: .beta(2))),
            ("go1.25-devel_1a2b3c", GoVersion(major: 1, minor: 25, stage: .development)),
            ("go1.22.1-20240223-RC00", GoVersion(major: 1, minor: 22, patch: 1)),
            ("go1.21.0+auto", GoVersion(major: 1, minor: 21, patch: 0)),
            ("", nil), ("go", nil), ("go1.", nil), ("go1.x", nil), ("go1.24rc", nil),
            ("go1.24alpha1", nil), ("go1.2.3.4", nil), ("go-1.2", nil), ("go1.-2", nil),
            ("go1.99999999999999999999", nil), ("gox1.2", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(GoVersion(text), expected, "parsing \(text.debugDescription)")
        }
    }

    func testParsesGoVersionOutput() {
        let table: [(String, GoVersion?)] = [
            ("go version go1.27.3 linux/amd64\n", GoVersion(major: 1, minor: 27, patch: 3)),
            ("go version go1.23 darwin/arm64", GoVersion(major: 1, minor: 23)),
            ("go version go1.24rc1 X:rangefunc linux/arm64",
             GoVersion(major: 1, minor: 24, stage: .releaseCandidate(1))),
            ("go version devel go1.25-1a2b3c4 Tue Jan 7 12:00:00 2025 +0000 linux/amd64",
             GoVersion(major: 1, minor: 25, stage: .development)),
            ("go version devel +1a2b3c4 Tue Jan 7 12:00:00 2019 +0000 linux/amd64", nil),
            ("go version", nil),
            ("gofmt version go1.27.3", nil),
            ("something else entirely", nil),
            ("", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(GoVersion.parse(versionOutput: text), expected, "parsing \(text.debugDescription)")
        }
    }

    func testDescriptionRoundTrips() {
        let table: [(GoVersion, String)] = [
            (GoVersion(major: 1, minor: 27, patch: 3), "go1.27.3"),
            (GoVersion(major: 1, minor: 23), "go1.23"),
            (GoVersion(major: 1, minor: 24, stage: .releaseCandidate(1)), "go1.24rc1"),
            (GoVersion(major: 1, minor: 24, stage: .beta(2)), "go1.24beta2"),
            (GoVersion(major: 1, minor: 25, stage: .development), "devel go1.25"),
        ]
        for (version, text) in table {
            XCTAssertEqual(version.description, text)
            if version.stage != .development { XCTAssertEqual(GoVersion(text), version) }
        }
    }

    func testOrderingFollowsGo() throws {
        let ascending = try [
            "go1.9.9", "go1.22.12", "go1.23", "devel go1.23", "go1.23beta1", "go1.23beta2",
            "go1.23rc1", "go1.23rc2", "go1.23.0", "go1.23.1", "go1.23.10", "go1.24rc1", "go1.27.3", "go2.0.0",
        ].map { text -> GoVersion in
            if text.hasPrefix("devel ") {
                let line = try XCTUnwrap(GoVersion(text.dropFirst(6)))
                return GoVersion(major: line.major, minor: line.minor, stage: .development)
            }
            return try XCTUnwrap(GoVersion(text), text)
        }
        for (index, lower) in ascending.enumerated() {
            for higher in ascending[(index + 1)...] {
                XCTAssertLessThan(lower, higher)
                XCTAssertFalse(higher < lower, "\(higher) < \(lower)")
            }
        }
        XCTAssertEqual(ascending.shuffled().sorted(), ascending)
    }

    func testMinimumSupported() throws {
        XCTAssertEqual(GoVersion.minimumSupported.description, "go1.23")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(GoVersion("go1.23.0")), .minimumSupported)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(GoVersion("go1.23rc1")), .minimumSupported)
        XCTAssertLessThan(try XCTUnwrap(GoVersion("go1.22.12")), .minimumSupported)
    }

    func testPatchAndPrerelease() throws {
        XCTAssertEqual(try XCTUnwrap(GoVersion("go1.27.3")).patch, 3)
        XCTAssertNil(try XCTUnwrap(GoVersion("go1.24rc1")).patch)
        XCTAssertTrue(try XCTUnwrap(GoVersion("go1.24rc1")).isPrerelease)
        XCTAssertFalse(try XCTUnwrap(GoVersion("go1.24.0")).isPrerelease)
    }
}
