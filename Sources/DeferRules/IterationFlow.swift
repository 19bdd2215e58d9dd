import GoAnalysis
import GoSyntax
import LabText

/// Follows the values a deferred call releases through one loop body, and everything that
/// shares them: fields and elements, values derived by calls on them, the other results of
/// the call that made them (a context and its cancel function), closures that capture them.
/// Finds the first way any of them can outlive the iteration: stored in a variable declared
/// outside it (map keys too), returned, sent, used by a goroutine, or passed to a call that
/// may keep it. Numbers, booleans and errors carry nothing; strings do, because a name or an
/// address (a server's URL, a temporary file's name) reaches the resource as well as a pointer.
struct IterationFlow {
    let safety: LoopSafety
    let rootName: String
    var tracked: Set<Int>

    var pass: Pass { safety.pass }
    var types: TypeOracle { safety.types }

    /// The defer being judged: its own call is the release, not a use.
    let deferred: DeferStmt?

    init(safety: LoopSafety, roots: [Int], deferred: DeferStmt? = nil) {
        self.deferred = deferred
        self.safety = safety
        self.rootName = roots.first.map { safety.pass.resolution.object($0).name } ?? "?"
        self.tracked = Set(roots)
        for r in roots { tracked.formUnion(siblings(of: r)) }
        for r in roots { tracked.formUnion(sources(of: r, depth: 0)) }
    }

    /// Iteration-local variables whose value was copied into `root` (`r := f`): they are the
    /// same value.
    func sources(of root: Int, depth: Int) -> [Int] {
        guard depth < 4 else { return [] }
        var out: [Int] = []
        Inspector.walk(.stmt(.block(safety.loop.body)), pre: { n in
            guard case .stmt(.assign(let a)) = n, a.lhs.count == a.rhs.count else { return true }
            for (l, r) in zip(a.lhs, a.rhs) where l.unparen.asIdent.flatMap(pass.objectID) == root {
                if let id = r.unparen.asIdent, let o = pass.objectID(id), o != root, safety.isIterationLocal(o) { out.append(o) }
            }
            return true
        })
        return out + out.flatMap { sources(of: $0, depth: depth + 1) }
    }

    /// The other results of the call that made `root` (`ctx` for `cancel` in
    /// `ctx, cancel := context.WithTimeout(…)`), except errors and plain values.
    func siblings(of root: Int) -> [Int] {
        var out: [Int] = []
        Inspector.walk(.stmt(.block(safety.loop.body)), pre: { n in
            guard case .stmt(.assign(let a)) = n, a.lhs.count > 1, a.rhs.count == 1,
                  a.lhs.contains(where: { $0.unparen.asIdent.flatMap(pass.objectID) == root }) else { return true }
            for (k, l) in a.lhs.enumerated() {
                guard let id = l.unparen.asIdent, id.name != "_", let o = pass.objectID(id), o != root else { continue }
                if k == a.lhs.count - 1 && isErrorName(id.name) { continue }
                if let t = types.type(ofObject: o), carriesNothing(t) { continue }
                out.append(o)
            }
            return true
        })
        return out
    }

    /// Why a released value can be reached after the iteration, or nil.
    mutating func escape() -> LocalizedText? {
        for _ in 0..<8 {
            let before = tracked
            if let reason = walk() { return reason }
            if tracked == before { return nil }
        }
        return nil
    }

    func describe(_ name: String, _ how: (zh: String, en: String)) -> LocalizedText {
        let sharing = name == rootName ? ("", "") : ("（与 \(rootName) 共享）", " (sharing \(rootName))")
        return LocalizedText(
            zh: "\(name)\(sharing.0)\(how.zh)，迭代之后仍可能被使用：在迭代结束时释放 \(rootName) 会改变程序的行为",
            en: "\(name)\(sharing.1) \(how.en), so it can still be used after the iteration: releasing \(rootName) at the end of the iteration would change what the program does")
    }

    /// One pass over the body; grows `tracked` and returns the first escape.
    mutating func walk() -> LocalizedText? {
        var reason: LocalizedText?
        var me = self
        Inspector.walk(.stmt(.block(safety.loop.body)), pre: { n in
            guard reason == nil else { return false }
            switch n {
            case .stmt(.defer(let d)) where d.deferPos == me.deferred?.deferPos:
                return false
            case .stmt(.assign(let a)) where a.tok == .define || a.tok == .assign:
                reason = me.assign(a.lhs, a.rhs)
            case .spec(.value(let v)):
                reason = me.assign(v.names.map { Expr.ident($0) }, v.values)
            case .stmt(.range(let r)):
                if let carried = me.carries(r.x) {
                    for target in [r.key, r.value].compactMap({ $0 }) where reason == nil {
                        reason = me.flow(carried, into: target)
                    }
                }
            case .stmt(.return(let r)):
                if let carried = r.results.lazy.compactMap({ me.carries($0) }).first {
                    reason = me.describe(carried, ("被 return 返回", "is returned"))
                }
            case .stmt(.send(let s)):
                if let carried = me.carries(s.value),
                   !(rootIdent(s.chan).flatMap(me.pass.objectID).map(me.tracked.contains) ?? false) {
                    reason = me.describe(carried, ("被发送到通道上", "is sent on a channel"))
                }
            case .stmt(.go(let g)):
                if let carried = me.carriesCall(g.call, includingFunction: true) {
                    reason = me.describe(carried, ("被一个 goroutine 使用", "is used by a goroutine"))
                }
            case .expr(.call(let c)):
                reason = me.callArguments(c)
            default:
                break
            }
            return reason == nil
        })
        self = me
        return reason
    }

    mutating func assign(_ lhs: [Expr], _ rhs: [Expr]) -> LocalizedText? {
        // A value used as a map key or index is kept by the container.
        for l in lhs {
            if case .index(let ix) = l.unparen, let carried = carries(ix.index), let r = flow(carried, into: ix.x) { return r }
        }
        if lhs.count == rhs.count {
            for (l, r) in zip(lhs, rhs) {
                if let carried = carries(r), let reason = flow(carried, into: l) { return reason }
            }
            return nil
        }
        guard let only = rhs.first, let carried = carries(only) else { return nil }
        for (k, l) in lhs.enumerated() {
            if k == lhs.count - 1, lhs.count > 1, let id = l.unparen.asIdent, isErrorName(id.name) { continue }
            if case .call(let c) = only.unparen, let rs = types.results(of: c), k < rs.count, let t = rs[k],
               carriesNothing(t) { continue }
            if let reason = flow(carried, into: l) { return reason }
        }
        return nil
    }

    /// A tracked value reaches `target`: an iteration-local variable joins the tracked
    /// values; anything else lets it out.
    mutating func flow(_ carried: String, into target: Expr) -> LocalizedText? {
        if case .ident(let id) = target.unparen, id.name == "_" { return nil }
        if let t = types.type(of: target), carriesNothing(t) { return nil }
        guard let r = rootIdent(target), let o = pass.objectID(r), pass.resolution.object(o).kind == .variable else {
            return describe(carried, ("被保存到 \(pass.text(safety.file, target).oneLine)", "is stored in \(pass.text(safety.file, target).oneLine)"))
        }
        if safety.isIterationLocal(o) {
            tracked.insert(o)
            return nil
        }
        let text = pass.text(safety.file, target).oneLine
        return describe(carried, ("被保存到在本次迭代之外声明的 \(text)", "is stored in \(text), declared outside the iteration"))
    }

    /// Arguments of a call that carry a tracked value, when the call may keep them.
    mutating func callArguments(_ c: CallExpr) -> LocalizedText? {
        let carriedArgs = c.args.compactMap { a in carries(a).map { (a, $0) } }
        guard let (firstArg, carried) = carriedArgs.first else { return nil }
        let fun = c.fun.unparen
        if types.isType(fun) { return nil }
        if case .ident(let id) = fun, let o = pass.resolution.object(at: id.pos), o.kind == .builtin {
            switch id.name {
            case "copy":
                if c.args.count == 2, carries(c.args[1]) != nil { return flow(carried, into: c.args[0]) }
                return nil
            case "panic":
                return describe(carried, ("被传给 panic", "is passed to panic"))
            default:
                return nil
            }
        }
        if case .funcLit(let lit) = fun {
            // Called on the spot: its parameters take the values.
            var params: [Ident] = []
            for f in lit.type.params.list { params.append(contentsOf: f.names) }
            for (k, a) in c.args.enumerated() where k < params.count && carries(a) != nil {
                if let o = pass.resolution.defs[params[k].pos] { tracked.insert(o) }
            }
            return nil
        }
        if case .selector(let s) = fun {
            if case .ident(let pkg) = s.x.unparen, let path = pass.packagePath(of: pkg) {
                if StdlibFacts.isNonRetaining(path, s.sel.name) || StdlibFacts.isWrapping(path, s.sel.name) { return nil }
            } else if carries(s.x) != nil {
                return nil  // a method of the tracked value itself
            } else if let t = types.type(of: s.x), case .named(let path, let type) = t.dereferenced, !path.isEmpty,
                      StdlibFacts.isNonRetaining(method: path, type, s.sel.name) {
                return nil
            }
        }
        // Package context: "Do not store Contexts inside a struct type; instead, pass a
        // Context explicitly to each function that needs it." A context passed to a call is
        // that call's, unless the call's name says it starts work that goes on afterwards.
        if carriedArgs.allSatisfy({ isContext($0.0) }) && !startsBackgroundWork(fun) { return nil }
        let callee = calleeName(fun) ?? pass.text(safety.file, fun).oneLine
        _ = firstArg
        return describe(carried, ("被传给 \(callee)，它可能保留这个值", "is passed to \(callee), which may keep it"))
    }

    func isContext(_ e: Expr) -> Bool {
        if let t = types.type(of: e), case .named("context", "Context") = t { return true }
        return false
    }

    func startsBackgroundWork(_ fun: Expr) -> Bool {
        guard let name = calleeName(fun)?.lowercased() else { return true }
        return ["start", "run", "serve", "go", "watch", "spawn", "launch", "listen", "background", "async", "schedule",
                "register", "add", "set", "store", "put", "push", "append", "keep", "track", "save"].contains { name.hasPrefix($0) }
    }

    // MARK: - What carries a tracked value

    /// The tracked variable an expression's value shares, or nil.
    func carries(_ e: Expr) -> String? {
        switch e.unparen {
        case .ident(let id):
            guard let o = pass.objectID(id), tracked.contains(o) else { return nil }
            if let t = types.type(ofObject: o), carriesNothing(t) { return nil }
            return id.name
        case .basicLit, .binary, .funcType, .arrayType, .mapType, .chanType, .structType, .interfaceType:
            return nil
        default:
            break
        }
        if let t = types.type(of: e), carriesNothing(t) { return nil }
        switch e.unparen {
        case .selector(let s):
            if case .ident(let pkg) = s.x.unparen, pass.packagePath(of: pkg) != nil { return nil }
            return carries(s.x)
        case .index(let i): return carries(i.x)
        case .indexList(let i): return carries(i.x)
        case .slice(let s): return carries(s.x)
        case .star(let s): return carries(s.x)
        case .typeAssert(let t): return carries(t.x)
        case .unary(let u): return u.op == .and || u.op == .arrow ? carries(u.x) : nil
        case .compositeLit(let c): return c.elts.lazy.compactMap { carries($0) }.first
        case .keyValue(let kv): return carries(kv.key) ?? carries(kv.value)
        case .call(let c): return carriesCall(c, includingFunction: false)
        case .funcLit(let f): return mentioned(in: .stmt(.block(f.body)))
        default: return nil
        }
    }

    /// Values of this type cannot keep a released value alive or lead back to it: numbers,
    /// booleans, errors. (Strings can: a URL, an address, a file name.)
    func carriesNothing(_ t: GoType) -> Bool {
        if types.isError(t) { return true }
        if case .basic("string") = t { return false }
        if case .named = t, case .basic("string")? = types.underlying(t) { return false }
        return types.isScalar(t)
    }

    /// What a call's result (or, for `go`, the call itself) shares with the tracked values.
    func carriesCall(_ c: CallExpr, includingFunction: Bool) -> String? {
        let fun = c.fun.unparen
        if types.isType(fun) { return c.args.lazy.compactMap { carries($0) }.first }
        if case .ident(let id) = fun, let o = pass.resolution.object(at: id.pos), o.kind == .builtin {
            return id.name == "append" || id.name == "min" || id.name == "max" ? c.args.lazy.compactMap { carries($0) }.first : nil
        }
        if case .funcLit(let f) = fun, let name = mentioned(in: .stmt(.block(f.body))) { return name }
        if case .selector(let s) = fun, let name = carries(s.x) {
            // A snapshot or copy of the contents shares nothing with the receiver.
            if let t = types.type(of: s.x), case .named(let path, let type) = t.dereferenced, !path.isEmpty,
               StdlibFacts.hasFreshResults(method: path, type, s.sel.name) { return nil }
            return name
        }
        if includingFunction, case .ident = fun, let name = carries(fun) { return name }
        guard let name = c.args.lazy.compactMap({ carries($0) }).first else { return nil }
        // What a reader reads is content, not the resource; anything else (a formatted
        // string, say) may carry its name or address.
        if case .selector(let s) = fun, case .ident(let pkg) = s.x.unparen,
           let path = pass.packagePath(of: pkg), StdlibFacts.readsContent(path, s.sel.name) {
            return nil
        }
        return name
    }

    /// Whether the iteration uses a tracked value other than to make it, release it (in a
    /// defer) or compare it with nil.
    func usedInIteration() -> Bool {
        var used = false
        Inspector.walk(.stmt(.block(safety.loop.body)), pre: { n in
            switch n {
            case .stmt(.defer): return false
            case .expr(.binary(let b)) where b.op == .eql || b.op == .neq:
                if pass.isBuiltin(b.x, "nil") || pass.isBuiltin(b.y, "nil") { return false }
            case .expr(.ident(let id)):
                if let o = pass.resolution.uses[id.pos], tracked.contains(o) { used = true }
            default: break
            }
            return !used
        })
        return used
    }

    /// The first tracked variable mentioned anywhere in a node.
    func mentioned(in node: Node) -> String? {
        var found: String?
        Inspector.walk(node, pre: { n in
            if case .expr(.ident(let id)) = n, let o = pass.resolution.uses[id.pos], tracked.contains(o) { found = id.name }
            return found == nil
        })
        return found
    }
}
