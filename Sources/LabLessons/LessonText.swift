import Foundation
import LabText
import LabContent

/// A `{{kind:argument}}` token in lesson text. The shell replaces each one when it renders:
/// a run figure with the learner's own measurement (or "run to measure"), the others with a
/// name or a link-like hint.
public enum Placeholder: Sendable, Hashable, CustomStringConvertible {
    /// `{{run:EXAMPLE/VARIANT/FIGURE}}` or, for `stdout`, `{{run:EXAMPLE/VARIANT/stdout#TEXT}}`:
    /// the figure from the learner's last run of that variant; with `#TEXT`, the line of the
    /// program's output that contains TEXT (e.g. one benchmark's line).
    case run(RunFigure)
    /// `{{example:ID}}`: a reference to an example (the shell shows its title and `run ID`).
    case example(String)
    /// `{{section:ID}}`: a reference to another section (`3.1`).
    case section(String)
    /// `{{rule:NAME}}`: a reference to one of the fixer's rules (`explain NAME`).
    case rule(String)
    /// `{{exercise:ID}}`: a workshop exercise that practises this (`deferlab workshop check ID`).
    case exercise(String)

    /// The example the token names, if any.
    public var exampleID: String? {
        switch self {
        case .run(let figure): return figure.example
        case .example(let id): return id
        case .section, .rule, .exercise: return nil
        }
    }

    /// The token as written in a lesson.
    public var description: String {
        switch self {
        case .run(let figure): return "{{run:\(figure)}}"
        case .example(let id): return "{{example:\(id)}}"
        case .section(let id): return "{{section:\(id)}}"
        case .rule(let name): return "{{rule:\(name)}}"
        case .exercise(let id): return "{{exercise:\(id)}}"
        }
    }
}

/// A measured figure bound to a run: which example, which variant, which field of the result.
public struct RunFigure: Sendable, Hashable, CustomStringConvertible {
    /// The example's id.
    public var example: String
    /// The variant as written; valid ones are `bad` and `fixed` (checked by validation, so
    /// a typo is reported rather than failing the parse).
    public var variant: String
    /// The figure's name as written; valid ones are ``Figure`` raw values listed in the
    /// example's manifest.
    public var figure: String
    /// For `stdout`: the text that selects one line of the output.
    public var line: String?

    /// Creates a figure reference.
    public init(example: String, variant: String, figure: String, line: String? = nil) {
        self.example = example
        self.variant = variant
        self.figure = figure
        self.line = line
    }

    /// `example/variant/figure[#line]`.
    public var description: String {
        "\(example)/\(variant)/\(figure)" + (line.map { "#\($0)" } ?? "")
    }
}

/// The pieces of a lesson text: plain text and placeholders, or a malformed token.
public enum TextSegment: Sendable, Hashable {
    /// Text shown as is (it may contain `` `code` `` spans).
    case text(String)
    /// A well-formed placeholder.
    case placeholder(Placeholder)
    /// Something that starts like a placeholder but is not one (kept so validation can name
    /// it and the shell can show it as text).
    case malformed(String)
}

/// Reading lesson text: placeholders, code spans, and the typed-measurement heuristic.
public enum LessonText {
    /// Splits `text` at `{{…}}` tokens.
    public static func segments(_ text: String) -> [TextSegment] {
        var result: [TextSegment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { result.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                result.append(.malformed(String(rest[open.lowerBound...])))
                return result
            }
            let body = String(rest[open.upperBound..<close.lowerBound])
            let token = "{{\(body)}}"
            result.append(parse(body).map { .placeholder($0) } ?? .malformed(token))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }

    /// The placeholders and malformed tokens of `text`, as written, sorted (for comparing
    /// the two languages of one text).
    static func tokens(_ text: String) -> [String] {
        segments(text).compactMap { segment -> String? in
            switch segment {
            case .text: return nil
            case .placeholder(let token): return token.description
            case .malformed(let raw): return raw
            }
        }.sorted()
    }

    /// Parses the inside of `{{…}}`; nil when it is not one of the known forms.
    static func parse(_ body: String) -> Placeholder? {
        guard let colon = body.firstIndex(of: ":") else { return nil }
        let kind = body[..<colon], argument = String(body[body.index(after: colon)...])
        guard !argument.isEmpty, !argument.contains(where: \.isWhitespace) || kind == "run" else { return nil }
        switch kind {
        case "example": return .example(argument)
        case "section": return .section(argument)
        case "rule": return .rule(argument)
        case "exercise": return .exercise(argument)
        case "run":
            let (path, line) = argument.firstIndex(of: "#").map {
                (String(argument[..<$0]), String(argument[argument.index(after: $0)...]))
            } ?? (argument, nil)
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }),
                  line.map({ !$0.isEmpty }) ?? true else { return nil }
            return .run(RunFigure(example: parts[0], variant: parts[1], figure: parts[2], line: line))
        default:
            return nil
        }
    }

    /// `text` without its `` `code` `` spans and `{{…}}` tokens: what the typed-measurement
    /// heuristic looks at.
    static func plainProse(_ text: String) -> String {
        var out = ""
        for segment in segments(text) {
            guard case .text(let piece) = segment else { out += " "; continue }
            var inCode = false
            for character in piece {
                if character == "`" { inCode.toggle(); out.append(" "); continue }
                if !inCode { out.append(character) }
            }
        }
        return out
    }

    /// A number followed by a unit of time, size or allocation count: how a measurement looks
    /// when someone types it into prose (`1.2 ns/op`, `32 B`, `340ms`, `1.8 GB`, `45%`,
    /// `16 字节`). Workload sizes are written as flags in code spans (`` `-n 10000` ``), which
    /// the check skips, as it skips placeholders and code.
    static let measurementPattern = try! NSRegularExpression(
        pattern: #"(?<![\p{L}\p{N}_.])\d+(?:[.,]\d+)*\s?(?:ns/op|B/op|allocs/op|ns|µs|μs|us|ms|KiB|MiB|GiB|KB|MB|GB|B|bytes|allocs|%|纳秒|微秒|毫秒|字节|次分配)(?![A-Za-z])"#
    )

    /// Every place in `text` (outside code spans and placeholders) that looks like a typed
    /// measurement.
    public static func typedMeasurements(in text: String) -> [String] {
        let prose = plainProse(text)
        let range = NSRange(prose.startIndex..., in: prose)
        return measurementPattern.matches(in: prose, range: range).compactMap {
            Range($0.range, in: prose).map { String(prose[$0]) }
        }
    }
}
