/// A Go type as far as the source (and a reviewed table of standard-library facts) tells
/// it, without a type checker. Rules use it to decide what can be nil, what can hold a
/// reference to something else, and which function a call reaches. Anything the source
/// does not say stays unknown (`nil` where a `GoType?` is returned): rules treat unknown
/// as "could be anything" and decide the careful way.
public indirect enum GoType: Sendable, Hashable, CustomStringConvertible {
    /// A predeclared type: `int`, `string`, `bool`, `error`, `any`…
    case basic(String)
    /// A defined type: package path ("" for the package under analysis) and name.
    case named(String, String)
    case pointer(GoType)
    case slice(GoType)
    case array(GoType)
    case map(GoType, GoType)
    case chan(GoType)
    /// A function type with its results.
    case function([GoType?])
    case interface
    case structure
    /// The results of a call with more than one.
    case tuple([GoType?])

    public var description: String {
        switch self {
        case .basic(let n): return n
        case .named(let p, let n): return p.isEmpty ? n : "\(p).\(n)"
        case .pointer(let t): return "*\(t)"
        case .slice(let t): return "[]\(t)"
        case .array(let t): return "[N]\(t)"
        case .map(let k, let v): return "map[\(k)]\(v)"
        case .chan(let t): return "chan \(t)"
        case .function: return "func"
        case .interface: return "interface"
        case .structure: return "struct"
        case .tuple(let ts): return "(" + ts.map { $0?.description ?? "?" }.joined(separator: ", ") + ")"
        }
    }

    /// The pointed-to type of a pointer, else the type itself.
    public var dereferenced: GoType {
        if case .pointer(let t) = self { return t }
        return self
    }

    /// Parses the compact notation of `StdlibFacts`: `*os.File`, `[]byte`, `io/fs.FileInfo`,
    /// `error`, `func`, `chan T`, `map[K]V` with simple K.
    public static func parse(_ s: String) -> GoType {
        if s.hasPrefix("*") { return .pointer(parse(String(s.dropFirst()))) }
        if s.hasPrefix("[]") { return .slice(parse(String(s.dropFirst(2)))) }
        if s.hasPrefix("chan ") { return .chan(parse(String(s.dropFirst(5)))) }
        if s.hasPrefix("map["), let close = s.firstIndex(of: "]") {
            let key = String(s[s.index(s.startIndex, offsetBy: 4)..<close])
            return .map(parse(key), parse(String(s[s.index(after: close)...])))
        }
        if s == "func" { return .function([]) }
        if s == "interface" { return .interface }
        guard let dot = s.lastIndex(of: ".") else { return .basic(s) }
        return .named(String(s[..<dot]), String(s[s.index(after: dot)...]))
    }
}

/// What kind of thing a defined type is underneath.
public enum TypeKind: Sendable, Equatable {
    case basic, structure, interface, pointer, slice, map, chan, function, array
}
