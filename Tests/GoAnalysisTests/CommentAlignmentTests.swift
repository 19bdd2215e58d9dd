import Foundation
import XCTest
import GoSyntax
import TestSupport
@testable import GoAnalysis

/// The comment table of a fixed text, built from the file's own table plus a scan of the
/// edited lines, equals a scan of the whole fixed text — on real files (GOROOT/src) with
/// random edits that indent, wrap, delete and insert comments.
final class CommentAlignmentTests: XCTestCase {
    func testPartialScanEqualsWholeScanOnRealFiles() throws {
        let src = try TestGo.goRootSource()
        let files = TestGo.goFiles(under: src.appendingPathComponent("net/http")) + TestGo.goFiles(under: src.appendingPathComponent("go/printer"))
        var random = SeededRandom(seed: 20261130)
        var checked = 0, partial = 0
        for path in files.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            let original = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let context = CommentAlignment.FileContext(original)
            let starts = context.lines.starts
            guard starts.count > 10 else { continue }
            for _ in 0..<8 {
                // Two edits on separate line ranges, each replacing whole lines.
                var cuts = (0..<4).map { _ in Int.random(in: 0..<(starts.count - 1), using: &random) }.sorted()
                if cuts[1] == cuts[2] { cuts[2] += 1 }
                var edits: [TextEdit] = []
                for k in [0, 2] where cuts[k + 1] < starts.count - 1 && cuts[k] <= cuts[k + 1] {
                    let from = starts[cuts[k]], to = starts[cuts[k + 1] + 1]
                    let old = String(decoding: original[from..<to], as: UTF8.self)
                    let new: String
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: new = old.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "\t" + $0 }.joined(separator: "\n")
                    case 1: new = "func() { // wrapped\n" + old + "}()\n"
                    case 2: new = ""
                    default: new = "x := 1 // one\nyy := 22 // two\n" + old
                    }
                    edits.append(TextEdit(offset: from, length: to - from, newText: new))
                }
                guard !edits.isEmpty, let sorted = try? TextEditApplier.validated(edits, size: original.count) else { continue }
                let (text, pieces) = CommentAlignment.applied(sorted, to: original)
                let lines = CommentAlignment.Lines(text)
                let table = CommentAlignment.NewTextComments(text: text, lines: lines, pieces: pieces.map { p in
                    if case .original(let delta) = p.source { return (p.range, delta) }
                    return (p.range, nil)
                }, context: context)
                let whole = CommentAlignment.trailingComments(text, lines)
                for l in 0..<lines.count where table[l] != whole[l] {
                    XCTFail("\(path): line \(l + 1) of the fixed text: \(String(describing: table[l])) != \(String(describing: whole[l]))")
                    return
                }
                checked += 1
                if !table.scannedWhole { partial += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertGreaterThan(partial, checked * 9 / 10, "most fixed texts are checked without a whole scan")
    }
}
