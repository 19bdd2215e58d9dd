import Foundation

/// What reads wrong in Chinese text that quotes Go: full-width punctuation inside code (a
/// receiver such as `(*os.File).Close`, a `code span`, or quoted error text such as
/// "sync: unlock of unlocked mutex" is copied from Go, and full-width characters make it a
/// different, wrong text), and calques of English that a Chinese engineer would not write.
public enum ChineseText {
    static let receiver = try! NSRegularExpression(pattern: #"（\*?[A-Za-z_][A-Za-z0-9_.]*）\."#)
    static let quotedError = try! NSRegularExpression(pattern: #""[A-Za-z][^"\n]*[：，（）；。][^"\n]*""#)
    static let fullWidth: Set<Character> = ["：", "，", "（", "）", "；", "。", "“", "”"]
    /// Word-for-word renderings seen in machine-translated text.
    static let calques = ["在本壳中", "本壳", "在这个壳里"]

    /// The problems of one text, each a short description.
    public static func problems(_ text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        var out: [String] = []
        if receiver.firstMatch(in: text, range: range) != nil { out.append("full-width parentheses around Go code") }
        if quotedError.firstMatch(in: text, range: range) != nil { out.append("full-width punctuation inside quoted Go text") }
        // Code spans are the odd pieces between backticks.
        let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
        if pieces.enumerated().contains(where: { $0.offset % 2 == 1 && $0.element.contains(where: fullWidth.contains) }) {
            out.append("full-width punctuation inside a code span")
        }
        for c in calques where text.contains(c) { out.append("a calque: \(c)") }
        return out
    }
}
