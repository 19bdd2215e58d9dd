import Foundation
import GoSyntax

/// Name resolution for one package (all its files): every declaring identifier and every
/// use is mapped to an `Object`, with block scopes, shadowing, labels, the universe scope
/// and imports (renamed, blank and dot imports).
///
/// It reuses the shared `Inspector`: nodes whose names must be declared in a particular
/// order (`x := x`, `var v = v`, function signatures, switch clauses) are handled in the
/// visitor and their children walked explicitly.
public struct Resolution: Sendable {
    public private(set) var objects: [Object] = []
    public private(set) var scopes: [Scope] = []
    /// Identifier position → object, for declarations.
    public private(set) var defs: [Pos: Int] = [:]
    /// Identifier position → object, for uses that resolved.
    public private(set) var uses: [Pos: Int] = [:]
    /// Package scope index.
    public let packageScope = 1

    public func object(_ id: Int) -> Object { objects[id] }

    /// The object an identifier (declaration or use) denotes, if it resolved.
    public func object(at pos: Pos) -> Object? {
        if let id = uses[pos] ?? defs[pos] { return objects[id] }
        return nil
    }

    /// Whether the identifier at `pos` denotes the standard library package `path`
    /// (through its import name, whatever it was renamed to).
    public func isPackage(_ pos: Pos, path: String) -> Bool {
        if case .packageName(let p)? = object(at: pos)?.kind { return p == path }
        return false
    }

    /// Names declared at package level (all files) and imported names of every file.
    public var packageAndImportNames: Set<String> {
        var names = Set(scopes[packageScope].names.keys)
        for s in scopes where s.kind == .file { names.formUnion(s.names.keys) }
        return names
    }

    // MARK: - Building

    mutating func addScope(_ kind: Scope.Kind, parent: Int?, pos: Pos, end: Pos) -> Int {
        scopes.append(Scope(kind: kind, parent: parent, pos: pos, end: end))
        return scopes.count - 1
    }

    @discardableResult
    mutating func declare(_ name: String, _ kind: ObjectKind, at pos: Pos, in scope: Int) -> Int? {
        guard name != "_" else { return nil }
        let id = objects.count
        objects.append(Object(kind: kind, name: name, declPos: pos, scope: scope,
                              isPackageLevel: scopes[scope].kind == .package))
        scopes[scope].names[name] = id
        if pos.isValid { defs[pos] = id }
        return id
    }

    mutating func recordDef(_ pos: Pos, _ id: Int) { defs[pos] = id }
    mutating func recordUse(_ pos: Pos, _ id: Int) { uses[pos] = id }

    func lookup(_ name: String, from scope: Int) -> Int? {
        var s: Int? = scope
        while let i = s {
            if let id = scopes[i].names[name] { return id }
            s = scopes[i].parent
        }
        return nil
    }

    /// Resolves all files of one package. `files` must come from one FileSet (distinct bases).
    public static func resolve(_ files: [File]) -> Resolution {
        var r = Resolution()
        let universe = r.addScope(.universe, parent: nil, pos: .none, end: .none)
        for n in Universe.types { r.declare(n, .builtin, at: .none, in: universe) }
        for n in Universe.constants { r.declare(n, .builtin, at: .none, in: universe) }
        for n in Universe.functions { r.declare(n, .builtin, at: .none, in: universe) }
        let pkg = r.addScope(.package, parent: universe, pos: .none, end: .none)
        precondition(pkg == r.packageScope, "package scope index")
        // Package-level declarations first: they are visible in every file, in any order.
        for f in files {
            for d in f.decls {
                switch d {
                case .func(let fd) where fd.recv == nil:
                    if fd.name.name != "init" { r.declare(fd.name.name, .function, at: fd.name.pos, in: pkg) }
                case .gen(let g):
                    for s in g.specs {
                        switch s {
                        case .value(let v):
                            for n in v.names { r.declare(n.name, g.tok == .const ? .constant : .variable, at: n.pos, in: pkg) }
                        case .type(let t):
                            r.declare(t.name.name, .typeName, at: t.name.pos, in: pkg)
                        case .import:
                            break
                        }
                    }
                default:
                    break
                }
            }
        }
        // One walker owns the resolution from here on: a second reference to its storage would
        // make every insertion copy the tables (quadratic in the package's size).
        var walker = ScopeWalker(r: r, scope: pkg)
        r = Resolution()
        for f in files {
            let fileScope = walker.r.addScope(.file, parent: pkg, pos: f.fileStart, end: f.fileEnd)
            for imp in f.imports {
                let path = imp.path.value.count >= 2 ? String(imp.path.value.dropFirst().dropLast()) : ""
                if let name = imp.name {
                    if name.name == "." {
                        walker.r.scopes[fileScope].hasDotImport = true
                    } else {
                        walker.r.declare(name.name, .packageName(path: path), at: name.pos, in: fileScope)
                    }
                } else {
                    // The package name is usually the last path element (gopkg.in/yaml.v3 → yaml).
                    walker.r.declare(ImportNames.defaultName(path), .packageName(path: path), at: .none, in: fileScope)
                }
            }
            walker.scope = fileScope
            walker.file(f)
        }
        return walker.r
    }
}

/// Default import names: the last path element, without a `.vN`/`-go` decoration.
public enum ImportNames {
    public static func defaultName(_ path: String) -> String {
        var last = String(path.split(separator: "/").last ?? Substring(path))
        if last.hasPrefix("v"), Int(last.dropFirst()) != nil, let parent = path.split(separator: "/").dropLast().last {
            last = String(parent)  // example.com/mod/v2 → mod
        }
        if let dot = last.firstIndex(of: ".") { last = String(last[..<dot]) }
        if last.hasPrefix("go-") { last = String(last.dropFirst(3)) }
        if last.hasSuffix("-go") { last = String(last.dropLast(3)) }
        return last.replacingOccurrences(of: "-", with: "_")
    }
}
