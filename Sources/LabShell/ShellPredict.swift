import Foundation
import LabContent
import LabLessons
import LabRunner
import LabText

/// Predict, then run: the section's questions about an example are asked before it runs
/// (`predict`, and `run` on a terminal while a question is unanswered), and the run's own
/// output decides which choice was right.
extension LearningShell {
    /// A question of the current section, with the key it is saved under.
    struct AskedQuestion {
        var key: String
        var question: Question
        /// The choice taken; nil when skipped.
        var choice: Question.Choice?
    }

    /// `section/block-key` of every question in a section.
    func questionKeys(in section: LessonSection) -> [String] {
        section.blocks.compactMap { block in
            if case .question = block.content { return "\(section.id)/\(block.key)" }
            return nil
        }
    }

    /// The current section's questions about `example` decided by one of `variants`.
    func questions(about example: String?, variants: [String] = Variant.allCases.map(\.rawValue)) -> [(key: String, question: Question)] {
        current.blocks.compactMap { block in
            guard case .question(let q) = block.content, example.map({ q.example == $0 }) ?? true,
                  variants.contains(q.variant.rawValue) else { return nil }
            return ("\(current.id)/\(block.key)", q)
        }
    }

    /// Asks one question; the choice, or nil for Enter (or an answer that is no choice).
    func ask(_ question: Question) -> Question.Choice? {
        let renderer = self.renderer
        output.lines(renderer.paragraph(LocalizedText(both: catalog.text(.shellQuestion, question.question[language]))))
        for (n, choice) in question.choices.enumerated() {
            output.lines(renderer.paragraph(choice.text, first: "  \(n + 1). ", rest: "     "))
        }
        // On a terminal a wrong answer is asked again once; through a pipe the line is the answer.
        for attempt in 0..<(terminal.interactive ? 2 : 1) {
            guard case .line(let answer) = reader.read(prompt: catalog.text(.shellPredictPrompt, String(question.choices.count))) else {
                return nil
            }
            let typed = answer.trimmingCharacters(in: .whitespaces).lowercased()
            if typed.isEmpty { return nil }
            if let choice = Self.choice(typed, in: question) { return choice }
            output.line(catalog.text(attempt == 0 && terminal.interactive ? .shellPredictNotAChoice : .shellPredictNotAChoiceSkipped,
                                     answer, String(question.choices.count)))
        }
        return nil
    }

    /// The choice an answer names: its number, its letter (a–d) or its key.
    static func choice(_ typed: String, in question: Question) -> Question.Choice? {
        if let n = Int(typed), question.choices.indices.contains(n - 1) { return question.choices[n - 1] }
        if let letter = typed.unicodeScalars.first, typed.count == 1, ("a"..."d").contains(Character(letter)) {
            let n = Int(letter.value - 97)
            if question.choices.indices.contains(n) { return question.choices[n] }
        }
        return question.choices.first { $0.key == typed }
    }

    /// After the run: whether each prediction matched, the output line that decided, and why.
    func settle(_ asked: [AskedQuestion], runs: [RunMeasurement]) {
        let renderer = self.renderer
        for item in asked {
            let q = item.question
            guard let run = runs.first(where: { $0.variant == q.variant.rawValue && $0.measured }) else { continue }
            output.line("")
            func say(_ text: String, indent: String = "") {
                output.lines(renderer.paragraph(LocalizedText(both: text), first: indent, rest: indent + "  "))
            }
            guard let right = q.answer(stdout: run.stdout, stderr: run.stderr) else {
                say(catalog.text(.shellPredictUndecided, q.decidedBy))
                continue
            }
            let rightText = right.text[language]
            if let choice = item.choice {
                say(choice == right ? catalog.text(.shellPredictRight, rightText)
                    : catalog.text(.shellPredictWrong, choice.text[language], rightText))
                predictions[item.key] = SavedPrediction(choice: choice.key, right: choice == right)
            } else {
                say(catalog.text(.shellPredictSkipped, rightText))
            }
            let evidence = q.decidingLine(stdout: run.stdout, stderr: run.stderr) ?? "—"
            say(catalog.text(.shellPredictEvidence, evidence).trimmingCharacters(in: .whitespaces), indent: "  ")
            output.lines(renderer.paragraph(q.why, first: "  ", rest: "  "))
        }
    }

    /// `predict [EXAMPLE]`: the section's questions about the example, asked again, then the
    /// run. Without an example: the example of the section's first unanswered question (else
    /// of its first question).
    func predict(_ arguments: [String]) {
        if arguments.count > 1 { return output.line(catalog.text(.shellUsage, "predict [EXAMPLE]")) }
        let id: String
        if let named = arguments.first {
            guard examples.example(id: named) != nil else { return output.line(catalog.text(.runUnknownTarget, named)) }
            id = named
        } else {
            let all = questions(about: nil)
            guard let next = all.first(where: { predictions[$0.key] == nil }) ?? all.first else {
                return output.line(catalog.text(.shellPredictNoQuestion, current.id))
            }
            id = next.question.example
        }
        guard !questions(about: id, variants: Variant.allCases.map(\.rawValue)).isEmpty else {
            return output.line(catalog.text(.shellPredictNoQuestion, id))
        }
        chosenExample = id
        runExample([id], askAll: true)
    }
}
