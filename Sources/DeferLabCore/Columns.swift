/// Terminal columns of plain text for tables (CJK and other wide characters take two), and
/// padding to a column width: the report tables of `deferlab run` and the workshop's use it.
public enum Columns {
    /// Columns `text` takes.
    public static func width(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6: return width + 2
            default: return width + 1
            }
        }
    }

    /// `text` padded with spaces to `width` columns (on the left when `right`).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - self.width(text)))
        return right ? fill + text : text + fill
    }
}
