import DeferRules
import Foundation
import GoToolchain
import LabContent
import LabLessons
import LabRunner
import XCTest

/// Every prediction question of the lessons, decided by a live run of its example: the
/// output makes exactly one choice right. The loop-variable question changes its answer
/// with the module's Go version, as the lesson says it does.
final class QuestionRunTests: XCTestCase {
    func testEveryQuestionIsDecidedByItsRun() throws {
        let go: GoToolchain
        do { go = try GoLocator.forCurrentProcess().locate() } catch { throw XCTSkip("no Go toolchain: questions cannot be decided: \(error)") }
        let examples = try ExampleCatalog.forCurrentProcess()
        let book = try LessonBook.forCurrentProcess(examples: examples, ruleNames: Set(DeferRules.all.map(\.name)))
        let runner = LabRunner.cachingBinaries(go: go)
        var count = 0, chapters = Set<Substring>()
        for section in book.sections {
            for block in section.blocks {
                guard case .question(let q) = block.content, let example = examples.example(id: q.example) else { continue }
                var options = RunOptions(arguments: example.manifest.args, timeout: example.manifest.timeout)
                options.separateAllocationRun = false
                let run = runner.run(example: example, variant: q.variant, options: options)
                XCTAssertNil(run.failure, "\(section.id)/\(block.key): \(run.failure?.description ?? "")")
                let answer = q.answer(stdout: run.stdout, stderr: run.stderr)
                XCTAssertNotNil(answer, "\(section.id)/\(block.key): the output decides no single choice:\n\(run.stdout)\(run.stderr)")
                print("QuestionRunTests: \(section.id)/\(block.key): \(answer?.key ?? "undecided") (\(q.decidingLine(stdout: run.stdout, stderr: run.stderr) ?? "no deciding line"))")
                count += 1
                chapters.insert(section.id.split(separator: ".")[0])
            }
        }
        XCTAssertGreaterThanOrEqual(count, 8, "at least eight questions")
        XCTAssertTrue(chapters.isSuperset(of: ["2", "3"]), "questions in chapters 2 and 3")

        // go 1.21 and go 1.22 decide the loop-variable question differently.
        let capture = try XCTUnwrap(book.section(id: "2.4")?.blocks.lazy.compactMap { block -> Question? in
            if case .question(let q) = block.content, q.example == "loopvar-capture" { return q } else { return nil }
        }.first)
        let example = try XCTUnwrap(examples.example(id: "loopvar-capture"))
        var answers: [String: String] = [:]
        for version in ["1.21", "1.22"] {
            var options = RunOptions(arguments: example.manifest.args, timeout: example.manifest.timeout)
            options.separateAllocationRun = false
            options.goVersion = version
            let run = runner.run(example: example, variant: .bad, options: options)
            answers[version] = capture.answer(stdout: run.stdout, stderr: run.stderr)?.key
        }
        XCTAssertEqual(answers, ["1.21": "all-three", "1.22": "descending"])
    }
}
