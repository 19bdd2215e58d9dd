import Foundation
import GoSyntax

/// Syntactic typing for one package: declared types of variables, parameters, fields and
/// results; results of calls to the package's own functions and methods; a reviewed table of
/// standard-library signatures (`StdlibFacts`). Thread-safe; answers are cached.
public final class TypeOracle: @unchecked Sendable {
    let files: [SourceUnit]
    let resolution: Resolution
    private let lock = NSLock()
    private var objectTypes: [Int: GoType?] = [:]
    private var inProgress = Set<Int>()
    private lazy var index = PackageIndex(files: files)

    init(files: [SourceUnit], resolution: Resolution) {
        self.files = files
        self.resolution = resolution
    }

    // MARK: - Declarations of the package

    /// Top-level functions, methods by receiver type, and type declarations.
    /// Read from the files' outlines: a function's body may be empty there (`whole` gives it).
    struct PackageIndex {
        var functions: [String: FuncDecl] = [:]
        var methods: [String: [String: FuncDecl]] = [:]
        var types: [String: TypeSpec] = [:]
        /// Where each function's declaration is: file and declaration index, by its position.
        var sites: [Pos: (file: Int, index: Int)] = [:]

        init(files: [SourceUnit]) {
            for (k, f) in files.enumerated() {
                for (j, d) in f.outline.decls.enumerated() {
                    switch d {
                    case .func(let fd):
                        sites[fd.type.funcPos] = (k, j)
                        if let recv = fd.recv?.list.first?.type {
                            if let base = PackageIndex.receiverBase(recv) { methods[base, default: [:]][fd.name.name] = fd }
                        } else {
                            functions[fd.name.name] = fd
                        }
                    case .gen(let g):
                        for case .type(let t) in g.specs { types[t.name.name] = t }
                    default:
                        break
                    }
                }
            }
        }

        static func receiverBase(_ e: Expr) -> String? {
            switch e.unparen {
            case .star(let s): return receiverBase(s.x)
            case .ident(let id): return id.name
            case .index(let i): return receiverBase(i.x)
            case .indexList(let i): return receiverBase(i.x)
            default: return nil
            }
        }
    }

    /// The package's own function declaration a call reaches (`f(…)`), if any.
    public func function(called call: CallExpr) -> FuncDecl? {
        guard case .ident(let id) = call.fun.unparen, let obj = resolution.object(at: id.pos),
              obj.kind == .function, obj.isPackageLevel else { return nil }
        return whole(lock.locked { index.functions[id.name] })
    }

    /// A function declaration of the index with its body (parsed now if its file's outline
    /// left it out); nil when that body does not parse (nothing may be concluded from it).
    func whole(_ fd: FuncDecl?) -> FuncDecl? {
        guard let fd, let site = lock.locked({ index.sites[fd.type.funcPos] }), files[site.file].left(site.index) else { return fd }
        if files[site.file].bodiesHaveErrors { return nil }
        guard case .func(let bodied) = files[site.file].whole(site.index) else { return fd }
        return bodied
    }

    /// The package's own method declaration a call reaches (`x.m(…)` with x of a type
    /// declared in the package), if any.
    public func method(called call: CallExpr) -> FuncDecl? {
        guard case .selector(let sel) = call.fun.unparen, let recv = type(of: sel.x),
              case .named("", let name) = recv.dereferenced else { return nil }
        return whole(lock.locked { index.methods[name]?[sel.sel.name] })
    }

    /// The package's own method `name` of type `type`.
    public func methodDecl(_ type: String, _ name: String) -> FuncDecl? { whole(lock.locked { index.methods[type]?[name] }) }

    /// The package's own type declaration of a defined type.
    public func typeSpec(_ name: String) -> TypeSpec? { lock.locked { index.types[name] } }

    // MARK: - Types of expressions

    /// The type a type expression denotes.
    public func typeExpr(_ e: Expr) -> GoType? {
        switch e.unparen {
        case .ident(let id):
            if let obj = resolution.object(at: id.pos) {
                switch obj.kind {
                case .builtin: return Universe.types.contains(id.name) ? .basic(id.name) : nil
                case .typeName: return obj.isPackageLevel ? .named("", id.name) : nil
                default: return nil
                }
            }
            return Universe.types.contains(id.name) ? .basic(id.name) : nil
        case .selector(let s):
            guard case .ident(let pkg) = s.x.unparen, case .packageName(let path)? = resolution.object(at: pkg.pos)?.kind
            else { return nil }
            return .named(path, s.sel.name)
        case .star(let s): return typeExpr(s.x).map { .pointer($0) }
        case .arrayType(let a):
            guard let elt = typeExpr(a.elt) else { return a.len == nil ? .slice(.basic("?")) : .array(.basic("?")) }
            return a.len == nil ? .slice(elt) : .array(elt)
        case .mapType(let m): return .map(typeExpr(m.key) ?? .basic("?"), typeExpr(m.value) ?? .basic("?"))
        case .chanType(let c): return .chan(typeExpr(c.value) ?? .basic("?"))
        case .funcType(let f): return .function(resultTypes(f))
        case .interfaceType: return .interface
        case .structType: return .structure
        case .index(let i): return typeExpr(i.x)          // a generic type's instance
        case .indexList(let i): return typeExpr(i.x)
        default: return nil
        }
    }

    /// The declared result types of a function type.
    func resultTypes(_ f: FuncType) -> [GoType?] {
        guard let results = f.results else { return [] }
        var out: [GoType?] = []
        for field in results.list {
            let t = field.type.flatMap(typeExpr)
            for _ in 0..<max(1, field.names.count) { out.append(t) }
        }
        return out
    }

    /// Whether `e` names a type (so `e(x)` is a conversion).
    public func isType(_ e: Expr) -> Bool {
        switch e.unparen {
        case .ident(let id):
            guard let obj = resolution.object(at: id.pos) else { return Universe.types.contains(id.name) }
            if case .typeName = obj.kind { return true }
            return obj.kind == .builtin && Universe.types.contains(id.name)
        case .selector(let s):
            guard case .ident(let pkg) = s.x.unparen, case .packageName(let path)? = resolution.object(at: pkg.pos)?.kind
            else { return false }
            return StdlibFacts.isTypeName(path, s.sel.name)
        case .star(let s): return isType(s.x)
        case .arrayType, .mapType, .chanType, .funcType, .interfaceType, .structType: return true
        case .index(let i): return isType(i.x)
        default: return false
        }
    }

    /// The type of an expression, as far as the source says.
    public func type(of e: Expr) -> GoType? {
        switch e.unparen {
        case .ident(let id):
            guard let obj = resolution.uses[id.pos] ?? resolution.defs[id.pos] else {
                return id.name == "nil" ? nil : Universe.types.contains(id.name) ? nil : nil
            }
            let o = resolution.object(obj)
            switch o.kind {
            case .variable: return type(ofObject: obj)
            case .constant: return type(ofObject: obj) ?? .basic("untyped")
            case .function:
                return lock.locked { index.functions[o.name] }.map { .function(resultTypes($0.type)) }
            case .builtin:
                if o.name == "true" || o.name == "false" { return .basic("bool") }
                return nil
            default: return nil
            }
        case .basicLit(let l):
            switch l.kind {
            case .int: return .basic("int")
            case .float: return .basic("float64")
            case .imag: return .basic("complex128")
            case .char: return .basic("rune")
            case .string: return .basic("string")
            default: return nil
            }
        case .compositeLit(let c): return c.type.flatMap(typeExpr)
        case .funcLit(let f): return .function(resultTypes(f.type))
        case .unary(let u):
            switch u.op {
            case .and: return type(of: u.x).map { .pointer($0) }
            case .arrow:
                if case .chan(let t)? = type(of: u.x).flatMap(underlying) { return t }
                return nil
            case .not: return .basic("bool")
            default: return type(of: u.x)
            }
        case .binary(let b):
            switch b.op {
            case .eql, .neq, .lss, .leq, .gtr, .geq, .land, .lor: return .basic("bool")
            case .shl, .shr: return type(of: b.x)
            default: return type(of: b.x) ?? type(of: b.y)
            }
        case .star(let s):
            if case .pointer(let t)? = type(of: s.x) { return t }
            return nil
        case .typeAssert(let t): return t.type.flatMap(typeExpr)
        case .index(let i):
            guard let t = type(of: i.x).flatMap(underlying) else { return nil }
            switch t {
            case .slice(let e), .array(let e): return e
            case .pointer(let p):
                if case .array(let e)? = underlying(p) { return e }
                return nil
            case .map(_, let v): return v
            case .basic("string"): return .basic("byte")
            default: return nil
            }
        case .slice(let s): return type(of: s.x)
        case .selector(let s): return selectorType(s)
        case .call(let c):
            let r = results(of: c)
            if let r, r.count == 1 { return r[0] }
            return r.map { .tuple($0) }
        default:
            return nil
        }
    }

    /// The result types of a call, or nil when unknown. Conversions have one result.
    public func results(of c: CallExpr) -> [GoType?]? {
        let fun = c.fun.unparen
        if isType(fun) { return [typeExpr(fun)] }
        switch fun {
        case .ident(let id):
            if let obj = resolution.object(at: id.pos) {
                switch obj.kind {
                case .builtin: return builtinResult(id.name, c)
                case .function:
                    guard let fd = lock.locked({ index.functions[id.name] }) else { return nil }
                    return resultTypes(fd.type)
                case .variable:
                    if case .function(let rs)? = type(ofObject: resolution.uses[id.pos] ?? -1) { return rs }
                    return nil
                default: return nil
                }
            }
            return nil
        case .selector(let s):
            // A package function: pkg.F(…).
            if case .ident(let pkg) = s.x.unparen, case .packageName(let path)? = resolution.object(at: pkg.pos)?.kind {
                return StdlibFacts.functionResults(path, s.sel.name)?.map { GoType.parse($0) }
            }
            // A method: x.M(…).
            if let recv = type(of: s.x), let rs = methodResults(recv, s.sel.name) { return rs }
            // The http.Client and http.RoundTripper convention: Do(req) and RoundTrip(req)
            // on a *http.Request answer with (*http.Response, error), whatever the receiver.
            if s.sel.name == "Do" || s.sel.name == "RoundTrip", c.args.count == 1,
               case .pointer(.named("net/http", "Request"))? = type(of: c.args[0]) {
                return [.pointer(.named("net/http", "Response")), .basic("error")]
            }
            return nil
        case .funcLit(let f):
            return resultTypes(f.type)
        default:
            return nil
        }
    }

    func builtinResult(_ name: String, _ c: CallExpr) -> [GoType?]? {
        switch name {
        case "len", "cap", "copy": return [.basic("int")]
        case "new": return [c.args.first.flatMap(typeExpr).map { .pointer($0) }]
        case "make": return [c.args.first.flatMap(typeExpr)]
        case "append": return [c.args.first.flatMap { type(of: $0) }]
        case "recover": return [.interface]
        case "real", "imag": return [.basic("float64")]
        case "complex": return [.basic("complex128")]
        case "min", "max": return [c.args.first.flatMap { type(of: $0) }]
        default: return []
        }
    }

    /// Results of method `name` on a value of type `recv`.
    public func methodResults(_ recv: GoType, _ name: String) -> [GoType?]? {
        switch recv.dereferenced {
        case .named("", let type):
            if let fd = lock.locked({ index.methods[type]?[name] }) { return resultTypes(fd.type) }
            // An interface declared in the package: its method's signature.
            if let spec = typeSpec(type), case .interfaceType(let it) = spec.type.unparen {
                for m in it.methods.list where m.names.contains(where: { $0.name == name }) {
                    if case .funcType(let ft)? = m.type { return resultTypes(ft) }
                }
            }
            return nil
        case .named(let path, let type):
            return StdlibFacts.methodResults(path, type, name)?.map { GoType.parse($0) }
        case .basic("error") where name == "Error":
            return [.basic("string")]
        default:
            return nil
        }
    }

    func selectorType(_ s: SelectorExpr) -> GoType? {
        if case .ident(let pkg) = s.x.unparen, case .packageName(let path)? = resolution.object(at: pkg.pos)?.kind {
            return StdlibFacts.variableType(path, s.sel.name).map { GoType.parse($0) }
        }
        guard let recv = type(of: s.x) else { return nil }
        if let f = fieldType(recv, s.sel.name) { return f }
        // A method value.
        if let rs = methodResults(recv, s.sel.name) { return .function(rs) }
        return nil
    }

    /// The type of field `name` of a struct type (or a pointer to one).
    public func fieldType(_ t: GoType, _ name: String) -> GoType? {
        switch t.dereferenced {
        case .named("", let type):
            guard let spec = typeSpec(type), case .structType(let st) = spec.type.unparen else { return nil }
            for f in st.fields.list where f.names.contains(where: { $0.name == name }) { return f.type.flatMap(typeExpr) }
            return nil
        case .named(let path, let type):
            return StdlibFacts.fieldType(path, type, name).map { GoType.parse($0) }
        default:
            return nil
        }
    }

    /// The underlying type: a defined type's declaration, a predeclared type itself.
    public func underlying(_ t: GoType) -> GoType? {
        guard case .named(let path, let name) = t else { return t }
        if path.isEmpty {
            guard let spec = typeSpec(name) else { return nil }
            guard let u = typeExpr(spec.type) else { return nil }
            if case .named(let p2, let n2) = u, p2.isEmpty, n2 == name { return nil }
            if case .named = u { return underlying(u) }
            return u
        }
        switch StdlibFacts.kind(path, name) {
        case .interface?: return .interface
        case .structure?: return .structure
        case .function?: return .function([])
        case .basic?: return .basic(name)
        case .pointer?: return .pointer(.basic("?"))
        case .slice?: return .slice(.basic("?"))
        case .map?: return .map(.basic("?"), .basic("?"))
        case .chan?: return .chan(.basic("?"))
        case .array?: return .array(.basic("?"))
        case nil: return nil
        }
    }

    /// Whether a value of type `t` can be nil; nil when the source does not say.
    public func canBeNil(_ t: GoType) -> Bool? {
        switch t {
        case .basic(let n): return n == "error" || n == "any"
        case .pointer, .slice, .map, .chan, .function, .interface: return true
        case .array, .structure, .tuple: return false
        case .named: return underlying(t).flatMap(canBeNil)
        }
    }

    /// Whether values of type `t` can hold no reference to anything else (numbers, strings,
    /// booleans and defined types over them): storing one can never keep a resource alive.
    public func isScalar(_ t: GoType) -> Bool {
        switch t {
        case .basic(let n): return n != "error" && n != "any" && n != "?"
        case .named: return underlying(t).map { if case .basic(let n) = $0 { return n != "error" && n != "any" && n != "?" }; return false } ?? false
        default: return false
        }
    }

    /// Whether `t` is the predeclared `error` (or a package interface named like one).
    public func isError(_ t: GoType) -> Bool {
        if case .basic("error") = t { return true }
        return false
    }

    // MARK: - Variables

    /// The type of a variable, from its declaration.
    public func type(ofObject obj: Int) -> GoType? {
        let cached: GoType?? = lock.locked {
            if let t = objectTypes[obj] { return .some(t) }
            if inProgress.contains(obj) { return .some(nil) }  // a cycle: x := f(x)
            inProgress.insert(obj)
            return nil
        }
        if let cached { return cached }
        let t = computeType(ofObject: obj)
        lock.locked {
            objectTypes[obj] = t
            inProgress.remove(obj)
        }
        return t
    }

    func computeType(ofObject obj: Int) -> GoType? {
        guard let site = declaration(of: obj) else { return nil }
        switch site {
        case .field(let f): return f.type.flatMap(typeExpr)
        case .value(let spec, let k):
            if let t = spec.type { return typeExpr(t) }
            return element(k, of: spec.values)
        case .define(let a, let k):
            return element(k, of: a.rhs)
        case .range(let r, let isKey):
            guard let x = type(of: r.x).flatMap(underlying) else { return nil }
            switch x {
            case .slice(let e), .array(let e): return isKey ? .basic("int") : e
            case .map(let k, let v): return isKey ? k : v
            case .basic("string"): return isKey ? .basic("int") : .basic("rune")
            case .basic(let n) where n.hasPrefix("int") || n.hasPrefix("uint"): return isKey ? x : nil
            case .chan(let e): return isKey ? e : nil
            default: return nil
            }
        }
    }

    /// The type of the k-th value of an assignment's right-hand side: one value per name, or
    /// one call (or comma-ok expression) giving them all.
    func element(_ k: Int, of rhs: [Expr]) -> GoType? {
        if rhs.count > 1 { return k < rhs.count ? type(of: rhs[k]) : nil }
        guard let only = rhs.first else { return nil }
        if k == 0 {
            if case .call(let c) = only.unparen, let rs = results(of: c) { return rs.first ?? nil }
            return type(of: only)
        }
        switch only.unparen {
        case .call(let c): return results(of: c).flatMap { k < $0.count ? $0[k] : nil }
        case .index, .typeAssert, .unary: return k == 1 ? .basic("bool") : nil  // comma-ok
        default: return nil
        }
    }

    /// Whether `p` lies in the body of function declaration `d`.
    static func inBody(_ p: Pos, of d: Decl) -> Bool {
        guard case .func(let fd) = d, let body = fd.body else { return false }
        return body.lbrace <= p
    }

    enum DeclSite {
        case field(Field)
        case value(ValueSpec, Int)
        case define(AssignStmt, Int)
        case range(RangeStmt, isKey: Bool)
    }

    /// Where a variable is declared.
    func declaration(of obj: Int) -> DeclSite? {
        let p = resolution.object(obj).declPos
        guard p.isValid, let unit = files.first(where: { $0.contains(p) }) else { return nil }
        var site: DeclSite?
        for (j, d) in unit.outline.decls.enumerated() where d.pos <= p && p < d.end {
            // A variable of a function's body needs the body.
            let d = TypeOracle.inBody(p, of: d) ? unit.whole(j) : d
            Inspector.walk(.decl(d), pre: { n in
                guard site == nil, n.pos <= p, p < n.end || n.end == .none else { return false }
                switch n {
                case .field(let f):
                    if f.names.contains(where: { $0.pos == p }) { site = .field(f) }
                case .spec(.value(let v)):
                    if let k = v.names.firstIndex(where: { $0.pos == p }) { site = .value(v, k) }
                case .stmt(.assign(let a)) where a.tok == .define:
                    if let k = a.lhs.firstIndex(where: { $0.asIdent?.pos == p }) { site = .define(a, k) }
                case .stmt(.range(let r)):
                    if r.key?.asIdent?.pos == p { site = .range(r, isKey: true) }
                    if r.value?.asIdent?.pos == p { site = .range(r, isKey: false) }
                default:
                    break
                }
                return site == nil
            })
        }
        return site
    }
}

extension NSLock {
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}
