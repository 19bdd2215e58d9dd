import GoSyntax
import LabText

/// How the shell marks up text: ANSI colours on a terminal, nothing otherwise.
///
/// Colour is used only when both standard streams are terminals and `NO_COLOR` is unset
/// (``Terminal``); without it every function returns its input unchanged, so the output of a
/// script or a test holds no escape codes.
public struct Style: Sendable {
    /// True when escape codes may be written.
    public var colour: Bool

    /// Creates a style.
    public init(colour: Bool) { self.colour = colour }

    private func paint(_ text: String, _ code: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Headings.
    public func heading(_ text: String) -> String { paint(text, "1;36") }
    /// Emphasis (labels, the current section in the table of contents).
    public func bold(_ text: String) -> String { paint(text, "1") }
    /// Secondary text (captions, hints).
    public func dim(_ text: String) -> String { paint(text, "2") }
    /// Warnings and the article's wrong claims.
    public func warning(_ text: String) -> String { paint(text, "33") }
    /// What we measured, and added diff lines.
    public func good(_ text: String) -> String { paint(text, "32") }
    /// Removed diff lines.
    public func bad(_ text: String) -> String { paint(text, "31") }

    /// Replaces ``TextLayout/codeOn``/``TextLayout/codeOff`` markers: a colour on a terminal,
    /// the original backticks otherwise.
    public func codeSpans(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case TextLayout.codeOn: out += colour ? "\u{1B}[36m" : "`"
            case TextLayout.codeOff: out += colour ? "\u{1B}[0m" : "`"
            default: out.append(character)
            }
        }
        return out
    }

    /// `source` as lines, highlighted with our own Go scanner (keywords, strings, comments,
    /// numbers). Without colour the lines are the source's lines, unchanged.
    public func goLines(_ source: String) -> [String] {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if source.hasSuffix("\n") { lines.removeLast() }
        guard colour else { return lines }
        let bytes = Array(source.utf8)
        var out = ""
        var at = 0
        for token in GoScanner.tokens(of: bytes).tokens where !token.implicit && token.end > token.start {
            guard token.start >= at, token.end <= bytes.count else { continue }
            out += String(decoding: bytes[at..<token.start], as: UTF8.self)
            let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
            let code: String? = switch token.kind {
            case .comment: "2;37"
            case .string, .char: "32"
            case .int, .float, .imag: "36"
            case _ where token.kind.isKeyword: token.kind == .defer ? "1;35" : "35"
            default: nil
            }
            // Colour each line of a multi-line token on its own, so lines stand alone.
            out += code.map { code in
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { paint(String($0), code) }.joined(separator: "\n")
            } ?? text
            at = token.end
        }
        if at < bytes.count { out += String(decoding: bytes[at...], as: UTF8.self) }
        lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if source.hasSuffix("\n") { lines.removeLast() }
        return lines
    }
}
