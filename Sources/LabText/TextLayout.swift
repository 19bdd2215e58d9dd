/// Display width of text in terminal columns, padding to a width, and wrapping by it: the one
/// place DeferLab measures text for a terminal (tables, charts, pages).
///
/// Wide characters (CJK, full-width forms, emoji) take two columns, combining marks and format
/// characters none. The table is ours, not the C library's `wcwidth`, so the answer does not
/// depend on the process's locale (the C locale knows no width of any non-ASCII character) and
/// a script without a UTF-8 locale still lays Chinese out right.
public enum TextLayout {
    /// Starts a code span inside text being wrapped; takes no columns (the shell's style turns them into colour).
    public static let codeOn: Character = "\u{E000}"
    /// Ends a code span inside text being wrapped; takes no columns.
    public static let codeOff: Character = "\u{E001}"

    /// Punctuation that must never start a line (it closes or follows what came before).
    static let closing: Set<Character> = [
        "。", "，", "、", "）", "：", "；", "！", "？", "」", "』", "】", "》", "〉", "”", "’", "…",
        ".", ",", ")", ":", ";", "!", "?", "]", "}", "%", "·",
    ]
    /// Punctuation that must never end a line (it opens what follows).
    static let opening: Set<Character> = ["（", "「", "『", "【", "《", "〈", "“", "‘", "(", "["]

    /// Columns `scalar` takes: 0 for controls and combining marks; `markerWidth` for our
    /// span markers (0 when they become colour codes, 1 when they become backticks).
    public static func width(of scalar: Unicode.Scalar, markerWidth: Int = 0) -> Int {
        if scalar == "\u{E000}" || scalar == "\u{E001}" { return markerWidth }
        if scalar.value < 0x20 || scalar.value == 0x7F { return 0 }
        if scalar.isASCII { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(scalar) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// Columns `text` takes on a terminal.
    public static func width(_ text: some StringProtocol, markerWidth: Int = 0) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1, markerWidth: markerWidth) }
    }

    /// The East Asian wide and full-width ranges (Unicode 15, the ones our text uses).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// A piece of text that stays on one line: a word, one wide character, or either glued to
    /// punctuation that may not be separated from it.
    struct Unit {
        var text = ""
        var width = 0
        /// A space came before it (kept when it does not start a line).
        var spaceBefore = false
    }

    /// Splits `text` into units; breaks are allowed only between units.
    static func units(_ text: String, markerWidth: Int = 0) -> [Unit] {
        var units: [Unit] = []
        var current = Unit()
        var pendingSpace = false
        var glueNext = false
        var inCode = false
        func finish() {
            guard !current.text.isEmpty else { return }
            units.append(current)
            current = Unit()
        }
        for character in text {
            let w = Self.width(String(character), markerWidth: markerWidth)
            if character == codeOn || character == codeOff { inCode = character == codeOn }
            // A space inside a code span does not break it (a span longer than a line is
            // still cut by columns).
            if character.isWhitespace, inCode, !current.text.isEmpty {
                current.text.append(" ")
                current.width += 1
                continue
            }
            if character.isWhitespace {
                finish()
                pendingSpace = true
                glueNext = false
                continue
            }
            if closing.contains(character) {
                // Stays with what came before, even across a space.
                if current.text.isEmpty, !units.isEmpty {
                    if pendingSpace { units[units.count - 1].text.append(" "); units[units.count - 1].width += 1 }
                    units[units.count - 1].text.append(character)
                    units[units.count - 1].width += w
                } else {
                    if current.text.isEmpty { current.spaceBefore = pendingSpace }
                    current.text.append(character)
                    current.width += w
                }
                pendingSpace = false
                continue
            }
            // A wide character is a unit of its own, unless an opening mark holds on to it.
            if w == 2 && !glueNext { finish() }
            if current.text.isEmpty { current.spaceBefore = pendingSpace }
            pendingSpace = false
            current.text.append(character)
            current.width += w
            glueNext = opening.contains(character)
            if w == 2 && !glueNext { finish() }
        }
        finish()
        return units
    }

    /// `text` wrapped to `width` columns. The first line starts with `first`, the others with
    /// `rest` (both count towards the width). No line starts with closing punctuation or
    /// ends with opening punctuation; a unit longer than a line is cut by columns. Code span
    /// markers are kept balanced on every line and take `markerWidth` columns each.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "",
                            markerWidth: Int = 0) -> [String] {
        var lines: [String] = []
        var line = first
        var lineWidth = Self.width(first)
        var lineHasContent = false
        var inCode = false
        func flush() {
            if inCode { line.append(codeOff) }
            lines.append(line)
            line = rest + (inCode ? String(codeOn) : "")
            lineWidth = Self.width(rest) + (inCode ? markerWidth : 0)
            lineHasContent = false
        }
        // Room for the closing marker a cut code span needs.
        let limit = max(width, Self.width(rest) + 2) - markerWidth
        for unit in units(text, markerWidth: markerWidth) {
            let space = lineHasContent && unit.spaceBefore ? 1 : 0
            if lineHasContent && lineWidth + space + unit.width > limit { flush() }
            if lineHasContent && unit.spaceBefore { line.append(" "); lineWidth += 1 }
            if unit.width <= limit - lineWidth {
                line += unit.text
                lineWidth += unit.width
                lineHasContent = true
                for c in unit.text where c == codeOn || c == codeOff { inCode = c == codeOn }
                continue
            }
            // Longer than a line: cut by columns.
            for character in unit.text {
                let w = Self.width(String(character), markerWidth: markerWidth)
                if lineHasContent && lineWidth + w > limit { flush() }
                line.append(character)
                lineWidth += w
                lineHasContent = true
                if character == codeOn || character == codeOff { inCode = character == codeOn }
            }
        }
        if lineHasContent || lines.isEmpty { flush() }
        return lines
    }

    /// `text` cut or padded with spaces to exactly `width` columns (tables).
    public static func pad(_ text: String, to width: Int, right: Bool = false, markerWidth: Int = 0) -> String {
        let gap = max(0, width - Self.width(text, markerWidth: markerWidth))
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + text : text + spaces
    }
}
