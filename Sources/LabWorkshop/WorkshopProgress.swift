import Foundation
import LabCommands
import LabRunner
import LabText

/// The list of exercises and where the learner is.
extension Workshop {
    // MARK: - list

    /// The first exercise not passed yet.
    public func current(_ state: WorkshopState) -> Exercise? {
        set.exercises.first { !state.progress($0.id).passed }
    }

    /// A table of exercises with their status; the current one is marked.
    public func list(_ state: WorkshopState) {
        out(text(.listHeader))
        let current = current(state)?.id
        for e in set.exercises {
            let passed = state.progress(e.id).passed
            let marker = e.id == current ? text(.currentMarker) : " "
            let status = passed ? text(.statusPassed) : text(.statusPending)
            out("\(marker) \(TextLayout.pad(String(e.order), to: 2, right: true))  \(TextLayout.pad(e.id, to: 24))  \(TextLayout.pad(status, to: 7))  \(e.title(text.language))")
        }
        if current == nil { out(text(.allPassed)) }
    }

    /// The exercises as `workshop list --json` prints them: one JSON array of
    /// `{id, order, section, title, passed, current, hintsShown}`.
    public func listJSON(_ state: WorkshopState) -> String {
        struct Item: Encodable {
            var id: String
            var order: Int
            var section: String
            var title: String
            var passed: Bool
            var current: Bool
            var hintsShown: Int
        }
        let current = self.current(state)?.id
        let items = set.exercises.map { e in
            Item(id: e.id, order: e.order, section: e.section, title: e.title(text.language), passed: state.progress(e.id).passed,
                 current: e.id == current, hintsShown: state.progress(e.id).hintsShown)
        }
        return JSONOutput.string(items, pretty: false, fallback: "[]")
    }
}
