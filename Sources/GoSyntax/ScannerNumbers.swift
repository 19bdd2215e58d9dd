// The scanner's number literals: decimal, binary, octal and hexadecimal integers, floats
// (hexadecimal ones with a p exponent), imaginary numbers and `_` digit separators, with
// go/scanner's error wording.

extension GoScanner {
    private mutating func digits(base: Int, invalid: inout Int) -> Int {
        var digsep = 0
        if base <= 10 {
            let max = UInt8(0x30 + base)
            while offset < src.count {
                let b = src[offset]
                if GoScanner.isDecimal(b) {
                    if b >= max && invalid < 0 { invalid = offset }
                    digsep |= 1
                } else if b == 0x5F {
                    digsep |= 2
                } else {
                    break
                }
                offset += 1
            }
        } else {
            while offset < src.count {
                let b = src[offset]
                if GoScanner.isHex(b) { digsep |= 1 } else if b == 0x5F { digsep |= 2 } else { break }
                offset += 1
            }
        }
        return digsep
    }

    private static func literalName(_ prefix: UInt8) -> String {
        switch prefix {
        case 0x78: return "hexadecimal literal"
        case 0x6F, 0x30: return "octal literal"
        case 0x62: return "binary literal"
        default: return "decimal literal"
        }
    }

    mutating func scanNumber() -> TokenKind {
        let start = offset
        var kind = TokenKind.illegal
        var base = 10
        var prefix: UInt8 = 0
        var digsep = 0
        var invalid = -1

        if src[offset] != 0x2E {
            kind = .int
            if src[offset] == 0x30 {
                offset += 1
                switch byte(offset) | 0x20 {
                case 0x78: offset += 1; base = 16; prefix = 0x78
                case 0x6F: offset += 1; base = 8; prefix = 0x6F
                case 0x62: offset += 1; base = 2; prefix = 0x62
                default: base = 8; prefix = 0x30; digsep = 1
                }
            }
            digsep |= digits(base: base, invalid: &invalid)
        }
        if byte(offset) == 0x2E {
            kind = .float
            if prefix == 0x6F || prefix == 0x62 {
                error(offset, "invalid radix point in " + GoScanner.literalName(prefix))
            }
            offset += 1
            digsep |= digits(base: base, invalid: &invalid)
        }
        if digsep & 1 == 0 {
            error(offset, GoScanner.literalName(prefix) + " has no digits")
        }
        let e = byte(offset) | 0x20
        if e == 0x65 || e == 0x70 {
            let ch = Character(Unicode.Scalar(byte(offset)))
            if e == 0x65 && prefix != 0 && prefix != 0x30 {
                error(offset, "'\(ch)' exponent requires decimal mantissa")
            } else if e == 0x70 && prefix != 0x78 {
                error(offset, "'\(ch)' exponent requires hexadecimal mantissa")
            }
            offset += 1
            kind = .float
            if byte(offset) == 0x2B || byte(offset) == 0x2D { offset += 1 }
            var none = -1
            let ds = digits(base: 10, invalid: &none)
            digsep |= ds
            if ds & 1 == 0 { error(offset, "exponent has no digits") }
        } else if prefix == 0x78 && kind == .float {
            error(offset, "hexadecimal mantissa requires a 'p' exponent")
        }
        if byte(offset) == 0x69 {
            kind = .imag
            offset += 1
        }
        if kind == .int && invalid >= 0 {
            let ch = Character(Unicode.Scalar(src[invalid]))
            error(invalid, "invalid digit '\(ch)' in " + GoScanner.literalName(prefix))
        }
        if digsep & 2 != 0, let i = invalidSeparator(start, offset) {
            error(start + i, "'_' must separate successive digits")
        }
        return kind
    }

    /// Index (relative to `start`) of the first '_' not between two digits, or nil.
    private func invalidSeparator(_ start: Int, _ end: Int) -> Int? {
        var hex = false
        var prev: UInt8 = 0x2E  // '.' stands for "anything else", '0' for a digit
        var i = 0
        let n = end - start
        if n >= 2 && src[start] == 0x30 {
            let x = src[start + 1] | 0x20
            if x == 0x78 || x == 0x6F || x == 0x62 {
                hex = x == 0x78
                prev = 0x30
                i = 2
            }
        }
        while i < n {
            let p = prev
            let d = src[start + i]
            if d == 0x5F {
                if p != 0x30 { return i }
                prev = 0x5F
            } else if GoScanner.isDecimal(d) || (hex && GoScanner.isHex(d)) {
                prev = 0x30
            } else {
                if p == 0x5F { return i - 1 }
                prev = 0x2E
            }
            i += 1
        }
        return prev == 0x5F ? n - 1 : nil
    }
}
