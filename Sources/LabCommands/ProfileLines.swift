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
        return out
    }
}
