import Foundation
import XCTest
import GoToolchain

/// Package.swift declares exactly the project targets each target imports (scripts/check-deps).
final class PackageLayoutTests: XCTestCase {
    func testDeclaredDependenciesMatchTheImports() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try ProcessRunner().run(ProcessRequest(
            executable: "/usr/bin/env", arguments: ["python3", "scripts/check-deps"], workingDirectory: root,
            timeout: .seconds(300)))
        XCTAssertTrue(result.succeeded, "Package.swift and the imports disagree:\n\(result.standardOutputText)\(result.standardErrorText)")
    }
}
