import GoSyntax

/// What a name denotes.
public enum ObjectKind: Sendable, Equatable {
    case packageName(path: String)
    case constant
    case typeName
    case variable
    case function
    case label
    /// A predeclared name of the universe scope (`len`, `int`, `nil`, `true`, …).
    case builtin
}

/// A declared entity: its kind, name and where it is declared.
public struct Object: Sendable, Equatable {
    public var kind: ObjectKind
    public var name: String
    /// The declaring identifier's position (`.none` for universe objects).
    public var declPos: Pos
    /// The scope that declares it.
    public var scope: Int
    /// For package-level objects: declared in the package scope (visible in every file).
    public var isPackageLevel: Bool
}

/// A lexical block: the names it declares and the source range it covers.
public struct Scope: Sendable {
    public enum Kind: Sendable, Equatable { case universe, package, file, function, block }
    public var kind: Kind
    public var parent: Int?
    public var pos: Pos
    public var end: Pos
    /// A file scope with a dot import: unresolved names may come from that package.
    public var hasDotImport = false
    /// The names of a universe, package or file scope: many, so hashed.
    private var table: [String: Int] = [:]
    /// The names of a function or block scope, in order: a few, compared in place (a lookup
    /// goes through every scope around the use, and hashing the name in each cost more).
    private var list: [(name: String, id: Int)] = []

    public init(kind: Kind, parent: Int?, pos: Pos, end: Pos) {
        self.kind = kind
        self.parent = parent
        self.pos = pos
        self.end = end
    }

    private var isLocal: Bool { kind == .function || kind == .block }

    /// The object the scope itself declares `name` as, if any.
    public func id(of name: String) -> Int? {
        guard isLocal else { return table[name] }
        for entry in list where entry.name == name { return entry.id }
        return nil
    }

    /// Declares `name` as object `id` (a second declaration replaces the first).
    mutating func bind(_ name: String, _ id: Int) {
        guard isLocal else {
            table[name] = id
            return
        }
        if let k = list.firstIndex(where: { $0.name == name }) { list[k].id = id } else { list.append((name, id)) }
    }

    /// Room for `count` names at once.
    mutating func reserve(_ count: Int) {
        if isLocal { list.reserveCapacity(count) } else { table.reserveCapacity(count) }
    }

    /// Every name the scope declares.
    public var names: [String] { isLocal ? list.map(\.name) : Array(table.keys) }
}

/// The predeclared identifiers of Go 1.27.
public enum Universe {
    public static let types = ["any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32",
                        "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
                        "uint8", "uint16", "uint32", "uint64", "uintptr"]
    public static let constants = ["true", "false", "iota", "nil"]
    public static let functions = ["append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len",
                            "make", "max", "min", "new", "panic", "print", "println", "real", "recover"]
    public static var all: [String] { types + constants + functions }
}
