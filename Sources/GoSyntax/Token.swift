/// The kind of a Go token: the full token set of Go 1.27.
///
/// Raw values are small and dense so a kind fits in one byte; the order groups literals,
/// operators and keywords like go/token does, which `isLiteral`, `isOperator` and
/// `isKeyword` rely on.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    // Special tokens
    case illegal, eof, comment

    // Literals
    case ident, int, float, imag, char, string

    // Operators and delimiters
    case add, sub, mul, quo, rem                // + - * / %
    case and, or, xor, shl, shr, andNot         // & | ^ << >> &^
    case addAssign, subAssign, mulAssign, quoAssign, remAssign          // += -= *= /= %=
    case andAssign, orAssign, xorAssign, shlAssign, shrAssign, andNotAssign  // &= |= ^= <<= >>= &^=
    case land, lor, arrow, inc, dec             // && || <- ++ --
    case eql, lss, gtr, assign, not             // == < > = !
    case neq, leq, geq, define, ellipsis        // != <= >= := ...
    case lparen, lbrack, lbrace, comma, period  // ( [ { , .
    case rparen, rbrack, rbrace, semicolon, colon  // ) ] } ; :
    case tilde                                  // ~

    // Keywords
    case `break`, `case`, chan, const, `continue`
    case `default`, `defer`, `else`, `fallthrough`, `for`
    case `func`, go, goto, `if`, `import`
    case interface, map, package, range, `return`
    case select, `struct`, `switch`, type, `var`

    /// The token's spelling as go/token prints it ("+", "func", "IDENT").
    public var text: String { TokenKind.spellings[Int(rawValue)] }

    public var isLiteral: Bool { rawValue >= TokenKind.ident.rawValue && rawValue <= TokenKind.string.rawValue }
    public var isOperator: Bool { rawValue >= TokenKind.add.rawValue && rawValue <= TokenKind.tilde.rawValue }
    public var isKeyword: Bool { rawValue >= TokenKind.break.rawValue }

    /// Binary operator precedence (5 highest, 1 lowest); 0 for tokens that are not binary operators.
    public var precedence: Int {
        switch self {
        case .lor: return 1
        case .land: return 2
        case .eql, .neq, .lss, .leq, .gtr, .geq: return 3
        case .add, .sub, .or, .xor: return 4
        case .mul, .quo, .rem, .shl, .shr, .and, .andNot: return 5
        default: return 0
        }
    }

    public static let lowestPrecedence = 0

    /// Whether this token is an assignment operator usable in an assignment statement.
    public var isAssignOp: Bool {
        switch self {
        case .assign, .define, .addAssign, .subAssign, .mulAssign, .quoAssign, .remAssign,
             .andAssign, .orAssign, .xorAssign, .shlAssign, .shrAssign, .andNotAssign:
            return true
        default:
            return false
        }
    }

    private static let spellings: [String] = [
        "ILLEGAL", "EOF", "COMMENT",
        "IDENT", "INT", "FLOAT", "IMAG", "CHAR", "STRING",
        "+", "-", "*", "/", "%",
        "&", "|", "^", "<<", ">>", "&^",
        "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "<<=", ">>=", "&^=",
        "&&", "||", "<-", "++", "--",
        "==", "<", ">", "=", "!",
        "!=", "<=", ">=", ":=", "...",
        "(", "[", "{", ",", ".",
        ")", "]", "}", ";", ":",
        "~",
        "break", "case", "chan", "const", "continue",
        "default", "defer", "else", "fallthrough", "for",
        "func", "go", "goto", "if", "import",
        "interface", "map", "package", "range", "return",
        "select", "struct", "switch", "type", "var",
    ]

    /// Maps an identifier's bytes to its keyword kind, or `.ident`.
    /// Keywords are 2...11 bytes long and ASCII lowercase, which keeps the lookup cheap.
    static func keyword(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind {
        let n = end - start
        guard n >= 2, n <= 11 else { return .ident }
        let c0 = bytes[start]
        guard c0 >= 0x61, c0 <= 0x7A else { return .ident }
        for kind in keywordsByFirstByte[Int(c0 - 0x61)] {
            let spelling = kind.utf8
            if spelling.count != n { continue }
            var i = start, match = true
            for b in spelling {
                if bytes[i] != b { match = false; break }
                i += 1
            }
            if match { return kind.token }
        }
        return .ident
    }

    private struct Keyword: Sendable {
        let utf8: [UInt8]
        let token: TokenKind
    }

    private static let keywordsByFirstByte: [[Keyword]] = {
        var table = [[Keyword]](repeating: [], count: 26)
        for raw in TokenKind.break.rawValue...TokenKind.var.rawValue {
            let kind = TokenKind(rawValue: raw)!
            let utf8 = Array(kind.text.utf8)
            table[Int(utf8[0] - 0x61)].append(Keyword(utf8: utf8, token: kind))
        }
        return table
    }()
}
