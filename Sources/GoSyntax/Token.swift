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

    /// Maps an identifier's bytes to its keyword kind, or `.ident`: keywords are 2...11 ASCII
    /// letters, so the bytes are packed little-endian into integers and switched on by length
    /// (no tables, so no reference counting on the scanner's hot path).
    static func keyword(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind {
        let n = end - start
        guard n >= 2, n <= 11 else { return .ident }
        var lo: UInt64 = 0
        for k in 0..<min(n, 8) { lo |= UInt64(bytes[start + k]) << (8 * UInt64(k)) }
        switch n {
        case 2:
            switch lo {
            case 0x6f67: return .go
            case 0x6669: return .if
            default: return .ident
            }
        case 3:
            switch lo {
            case 0x726f66: return .for
            case 0x70616d: return .map
            case 0x726176: return .var
            default: return .ident
            }
        case 4:
            switch lo {
            case 0x65736163: return .case
            case 0x6e616863: return .chan
            case 0x65736c65: return .else
            case 0x636e7566: return .func
            case 0x6f746f67: return .goto
            case 0x65707974: return .type
            default: return .ident
            }
        case 5:
            switch lo {
            case 0x6b61657262: return .break
            case 0x74736e6f63: return .const
            case 0x7265666564: return .defer
            case 0x65676e6172: return .range
            default: return .ident
            }
        case 6:
            switch lo {
            case 0x74726f706d69: return .import
            case 0x6e7275746572: return .return
            case 0x7463656c6573: return .select
            case 0x746375727473: return .struct
            case 0x686374697773: return .switch
            default: return .ident
            }
        case 7:
            switch lo {
            case 0x746c7561666564: return .default
            case 0x6567616b636170: return .package
            default: return .ident
            }
        case 8:
            switch lo {
            case 0x65756e69746e6f63: return .continue
            default: return .ident
            }
        case 9:
            guard lo == 0x6361667265746e69 else { return .ident }
            var hi: UInt64 = 0
            for k in 8..<n { hi |= UInt64(bytes[start + k]) << (8 * UInt64(k - 8)) }
            return hi == 0x65 ? .interface : .ident
        case 11:
            guard lo == 0x6f7268746c6c6166 else { return .ident }
            var hi: UInt64 = 0
            for k in 8..<n { hi |= UInt64(bytes[start + k]) << (8 * UInt64(k - 8)) }
            return hi == 0x686775 ? .fallthrough : .ident
        default:
            return .ident
        }
    }
}
