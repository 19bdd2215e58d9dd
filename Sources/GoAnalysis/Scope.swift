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
    public var names: [String: Int] = [:]
    public var pos: Pos
    public var end: Pos
    /// A file scope with a dot import: unresolved names may come from that package.
    public var hasDotImport = false
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
