import Foundation
import GoSyntax

/// Name resolution for one package (all its files): every declaring identifier and every
/// use is mapped to an `Object`, with block scopes, shadowing, labels, the universe scope
/// and imports (renamed, blank and dot imports).
///
/// Package-level names and imports are declared when the resolution is made; the bodies of
/// top-level declarations are resolved only when a question touches them (most code never
/// needs its names resolved, and a function body sees only the package, its file's imports
/// and its own scopes). Answers are the same as resolving everything at once. Thread-safe.
public final class Resolution: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: ResolutionTables
    private let files: [File]
    /// Top-level declaration `index` of file `file`, whole (bodies included).
    private let whole: (_ file: Int, _ index: Int) -> Decl
    private let fileScopes: [Int]
    private var resolvedDecls = Set<Int>()

    /// Identifier position → object index, for declarations and for uses.
    public struct Table: Sendable {
        fileprivate let owner: Resolution
        fileprivate let uses: Bool
        public subscript(_ pos: Pos) -> Int? { owner.lookup(pos, uses: uses) }
    }

    /// Declarations: identifier position → object.
    public var defs: Table { Table(owner: self, uses: false) }
    /// Uses that resolved: identifier position → object.
    public var uses: Table { Table(owner: self, uses: true) }

    /// Resolves the files of one package; they must come from one FileSet (distinct bases).
    public static func resolve(_ files: [File]) -> Resolution { Resolution(files: files) }

    public init(files: [File]) {
        self.files = files
        whole = { files[$0].decls[$1] }
        (tables, fileScopes) = ResolutionTables.prepare(files)
    }

    /// The package's units: names and imports come from their outlines; a declaration is
    /// resolved whole (a function of an outline is then parsed with its body).
    init(_ units: [SourceUnit]) {
        files = units.map(\.outline)
        whole = { units[$0].whole($1) }
        (tables, fileScopes) = ResolutionTables.prepare(files)
    }

    public func object(_ id: Int) -> Object {
        lock.lock()
        defer { lock.unlock() }
        return tables.objects[id]
    }

    /// The object an identifier (declaration or use) denotes, if it resolved.
    public func object(at pos: Pos) -> Object? {
        guard let id = uses[pos] ?? defs[pos] else { return nil }
        return object(id)
    }

    /// Whether the identifier at `pos` denotes the package `path` (through its import name,
    /// whatever it was renamed to).
    public func isPackage(_ pos: Pos, path: String) -> Bool {
        if case .packageName(let p)? = object(at: pos)?.kind { return p == path }
        return false
    }

    /// Names declared at package level (all files) and imported names of every file.
    public var packageAndImportNames: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let made = packageNames { return made }
        var names = Set(tables.scopes[tables.packageScope].names)
        for s in tables.scopes where s.kind == .file { names.formUnion(s.names) }
        packageNames = names
        return names
    }
    /// `packageAndImportNames`, made once (those scopes are complete when the resolution is made).
    private var packageNames: Set<String>?

    private func lookup(_ pos: Pos, uses: Bool) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        ensureResolved(pos)
        return uses ? tables.uses[pos] : tables.def(at: pos)
    }

    /// Resolves the top-level declaration containing `pos`, once.
    private func ensureResolved(_ pos: Pos) {
        guard let fi = files.firstIndex(where: { $0.fileStart <= pos && pos <= $0.fileEnd }) else { return }
        let decls = files[fi].decls
        var lo = 0, hi = decls.count - 1, found: Int?
        while lo <= hi {
            let mid = (lo + hi) / 2
            if pos < decls[mid].pos { hi = mid - 1 } else if pos >= decls[mid].end && decls[mid].end.isValid { lo = mid + 1 } else { found = mid; break }
        }
        guard let di = found, resolvedDecls.insert(decls[di].pos.raw).inserted else { return }
        // The walker owns the tables while it works: a second reference would make every
        // insertion copy them.
        var walker = ScopeWalker(r: tables, scope: fileScopes[fi])
        tables = ResolutionTables()
        walker.decl(whole(fi, di), topLevel: true)
        tables = walker.r
    }
}

/// The tables behind a `Resolution`: objects, scopes, and identifier → object maps.
struct ResolutionTables: Sendable {
    var objects: [Object] = []
    var scopes: [Scope] = []
    /// Declarations below the package scope (identifier position → object).
    var defs: [Pos: Int] = [:]
    /// Package-level declarations, in source order (the files' bases ascend): most packages
    /// that are resolved at all have one declaration's names looked up, so a sorted list
    /// costs far less than hashing every package-level name.
    var packageDefs: [(pos: Pos, id: Int)] = []
    var uses: [Pos: Int] = [:]
    let packageScope = 1

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
        scopes[scope].bind(name, id)
        if pos.isValid {
            if scope == packageScope, packageDefs.last.map({ $0.pos < pos }) ?? true {
                packageDefs.append((pos, id))
            } else {
                defs[pos] = id
            }
        }
        return id
    }

    mutating func recordDef(_ pos: Pos, _ id: Int) { defs[pos] = id }

    /// The object declared at `pos`, if any.
    func def(at pos: Pos) -> Int? {
        if let id = defs[pos] { return id }
        var lo = 0, hi = packageDefs.count
        while lo < hi {
            let m = (lo + hi) / 2
            if packageDefs[m].pos < pos { lo = m + 1 } else { hi = m }
        }
        return lo < packageDefs.count && packageDefs[lo].pos == pos ? packageDefs[lo].id : nil
    }
    mutating func recordUse(_ pos: Pos, _ id: Int) { uses[pos] = id }

    func lookup(_ name: String, from scope: Int) -> Int? {
        var s: Int? = scope
        while let i = s {
            if let id = scopes[i].id(of: name) { return id }
            s = scopes[i].parent
        }
        return nil
    }

    /// The universe, the package scope with every package-level name, and one scope per
    /// file with its imports.
    static func prepare(_ files: [File]) -> (ResolutionTables, [Int]) {
        var r = ResolutionTables()
        let universe = r.addScope(.universe, parent: nil, pos: .none, end: .none)
        for n in Universe.types { r.declare(n, .builtin, at: .none, in: universe) }
        for n in Universe.constants { r.declare(n, .builtin, at: .none, in: universe) }
        for n in Universe.functions { r.declare(n, .builtin, at: .none, in: universe) }
        let pkg = r.addScope(.package, parent: universe, pos: .none, end: .none)
        precondition(pkg == r.packageScope, "package scope index")
        // Room for every package-level name at once (growing the tables rehashes them).
        var names = 0
        for f in files {
            for d in f.decls {
                switch d {
                case .func(let fd) where fd.recv == nil: names += 1
                case .gen(let g):
                    for s in g.specs {
                        if case .value(let v) = s { names += v.names.count } else { names += 1 }
                    }
                default: break
                }
            }
        }
        r.scopes[pkg].reserve(names)
        r.packageDefs.reserveCapacity(names)
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
        var fileScopes: [Int] = []
        // The files of a package import much the same packages: each default name once.
        var defaultNames: [String: String] = [:]
        for f in files {
            let fileScope = r.addScope(.file, parent: pkg, pos: f.fileStart, end: f.fileEnd)
            for imp in f.imports {
                let path = ImportNames.path(of: imp)
                if let name = imp.name {
                    if name.name == "." {
                        r.scopes[fileScope].hasDotImport = true
                    } else {
                        r.declare(name.name, .packageName(path: path), at: name.pos, in: fileScope)
                    }
                } else {
                    // The package name is usually the last path element (gopkg.in/yaml.v3 → yaml).
                    let name = defaultNames[path] ?? ImportNames.defaultName(path)
                    defaultNames[path] = name
                    r.declare(name, .packageName(path: path), at: .none, in: fileScope)
                }
            }
            fileScopes.append(fileScope)
        }
        return (r, fileScopes)
    }
}

/// Default import names: the last path element, without a `.vN`/`-go` decoration.
public enum ImportNames {
    /// An import's path, without its quotes.
    public static func path(of imp: ImportSpec) -> String {
        let v = imp.path.value
        return v.count >= 2 ? String(v.dropFirst().dropLast()) : ""
    }

    /// The name an import declares in its file (its own or the package's default name, as the
    /// resolution declares it); nil for a dot or blank import.
    public static func name(of imp: ImportSpec) -> String? {
        if let name = imp.name { return name.name == "." || name.name == "_" ? nil : name.name }
        return defaultName(path(of: imp))
    }

    public static func defaultName(_ path: String) -> String {
        let parts = path.split(separator: "/")
        var last = String(parts.last ?? Substring(path))
        if last.hasPrefix("v"), Int(last.dropFirst()) != nil, parts.count >= 2 {
            last = String(parts[parts.count - 2])  // example.com/mod/v2 → mod
        }
        if let dot = last.firstIndex(of: ".") { last = String(last[..<dot]) }
        if last.hasPrefix("go-") { last = String(last.dropFirst(3)) }
        if last.hasSuffix("-go") { last = String(last.dropLast(3)) }
        // The standard library's own names (no dash) are the common case: no copy.
        return last.contains("-") ? String(last.map { $0 == "-" ? "_" : $0 }) : last
    }
}
