import GoSyntax

/// What a file must contain for an analyzer to report anything in it, decided before the file
/// is parsed: keywords or identifiers as the scanner reads them (a word in a comment or a
/// string does not count). The driver's prefilter: files are parsed as outlines, without the
/// function bodies and composite literal values that hold none of the analyzers' tokens
/// (`GoParser.Depth.declarations`), and a folder where no file holds a reported analyzer's
/// token is not analysed at all.
///
/// Exact by construction: a rule that reports only at a `defer` statement cannot report in a
/// body without the `defer` keyword. Rules that read other declarations of the package read
/// them from the outlines and a body left out whole (`SourceUnit.whole`, parsing the file on
/// first use). What an outline does not check is what it leaves out: `fix` leaves errors
/// there to `deferlab parse` and the compiler.
public struct FilePrefilter: Sendable, Equatable {
    /// The tokens (keywords or identifiers), any one of which a file needs; nil: every file.
    public var tokens: Set<String>?

    /// Every file may hold a finding (no prefilter).
    public static let always = FilePrefilter(tokens: nil)

    /// A file may hold a finding only when one of `tokens` is among its tokens.
    public static func anyToken(_ tokens: Set<String>) -> FilePrefilter { FilePrefilter(tokens: tokens) }

    /// The prefilter of a set of analyzers: a file passes when it passes any one's.
    public static func union(_ filters: [FilePrefilter]) -> FilePrefilter {
        var all = Set<String>()
        for f in filters {
            guard let t = f.tokens else { return .always }
            all.formUnion(t)
        }
        return .anyToken(all)
    }

    /// The offsets of the tokens of `bytes` that are one of `words` (keywords or identifiers;
    /// words in comments and strings do not count), in order. Files without the bytes of any
    /// word are not scanned at all; the others are skimmed (`BraceSkim.words`: comments and
    /// literals, no tokens) and scanned only where the skim gives up.
    public static func offsets(of words: Set<String>, in bytes: [UInt8]) -> [Int] {
        let needles = TokenWords(words.filter { FilePrefilter.contains(bytes, Array($0.utf8)) })
        guard !needles.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { buf in
            // A UTF-16 file has no tokens for the scanner (it reports the encoding once).
            let utf16 = buf.count >= 2 && (buf[0] == 0xFF && buf[1] == 0xFE || buf[0] == 0xFE && buf[1] == 0xFF)
            if !utf16, let skimmed = BraceSkim.words(buf, needles) { return skimmed }
            // The skim gave up: the scanner decides.
            var out: [Int] = []
            var scanner = GoScanner(buf)
            while true {
                let t = scanner.scan()
                if t.kind == .eof { return out }
                if needles.index(of: t.kind, buf, t.start, t.end) != nil { out.append(t.start) }
            }
        }
    }

    /// Whether `needle` occurs in `haystack` (glibc's memmem, which compares many bytes at once).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                glibcMemmem(h.baseAddress, h.count, n.baseAddress, n.count) != nil
            }
        }
    }
}

/// glibc's `memmem` (a GNU extension, not in Swift's Glibc module).
@_silgen_name("memmem")
private func glibcMemmem(_ haystack: UnsafeRawPointer?, _ haystackLength: Int,
                         _ needle: UnsafeRawPointer?, _ needleLength: Int) -> UnsafeMutableRawPointer?
