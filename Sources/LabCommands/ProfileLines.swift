import Foundation
import LabRunner
import LabText

/// The top entries of a run's profiles as text: one renderer for `deferlab run --profiles`
/// and the shell's `pprof`.
public enum ProfileLines {
    public static func lines(_ top: (goroutines: [ProfileEntry], heap: [ProfileEntry]), folder: URL, _ language: Language) -> [String] {
        let texts = Catalog(language)
        var out = [texts(.shellPprofGoroutines)]
        out += top.goroutines.map { "  \($0.amount)  \($0.function)  \($0.location)" }
        out.append(texts(.shellPprofHeap))
        out += top.heap.map { "  \($0.amount)  \($0.function)" }
        out.append(texts(.shellPprofFiles, folder.path))
        // With the source beside the profiles, pprof can show a function's lines.
        let src = folder.appendingPathComponent("src", isDirectory: true)
        if let function = top.heap.first?.function, FileManager.default.fileExists(atPath: src.path) {
            let pattern = NSRegularExpression.escapedPattern(for: function)
            out.append(texts(.shellPprofList, "go tool pprof -source_path=\(src.path) -list '\(pattern)' \(folder.appendingPathComponent("heap.pprof").path)"))
        }
        return out
    }
}
