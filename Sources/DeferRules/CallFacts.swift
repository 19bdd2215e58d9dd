import GoAnalysis
import GoSyntax

/// What names and calls mean, as the rules ask it: a standard-library call through this file's
/// imports, a predeclared function, the object an identifier denotes, calls that never return,
/// statement lists that always leave the function.
extension Pass {
    /// Whether `call` calls the standard-library function `pkg.name` (through this file's
    /// imports: renamed imports count, a local variable named like the package does not).
    func isCall(_ call: CallExpr, to pkg: String, _ names: [String]) -> Bool {
        guard case .selector(let sel) = call.fun.unparen, names.contains(sel.sel.name),
              case .ident(let x) = sel.x else { return false }
        // In a file that does not import the package, nothing need be resolved to say no.
        if let i = file(holding: x.pos), !imports(i, pkg) {
            return false
        }
        return resolution.isPackage(x.pos, path: pkg)
    }

    /// Whether the identifier denotes the predeclared (universe) function `name`.
    func isBuiltin(_ fun: Expr, _ name: String) -> Bool {
        guard case .ident(let id) = fun.unparen, id.name == name else { return false }
        if case .builtin? = resolution.object(at: id.pos)?.kind { return true }
        return resolution.object(at: id.pos) == nil && id.name == name
    }

    /// The object an identifier denotes, as an index (declaration or use).
    func objectID(_ id: Ident) -> Int? { resolution.uses[id.pos] ?? resolution.defs[id.pos] }

    /// Whether any identifier in `node` (function literals included) denotes object `obj`.
    func mentions(_ node: Node, _ obj: Int) -> Bool {
        var found = false
        Inspector.walk(node, pre: { n in
            if case .expr(.ident(let id)) = n, objectID(id) == obj { found = true }
            return !found
        })
        return found
    }

    /// Whether file `i` imports the package `path` (under any name).
    func imports(_ i: Int, _ path: String) -> Bool {
        // The literal without its quotes ("os" or `os`), compared in place.
        files[i].imports.contains { imp in
            let v = imp.path.value.utf8
            return v.count == path.utf8.count + 2 && v.first == v.last && (v.first == 0x22 || v.first == 0x60)
                && v.dropFirst().dropLast().elementsEqual(path.utf8)
        }
    }

    /// Calls that never return: panic, os.Exit, log.Fatal*, log.Panic*, runtime.Goexit.
    func isNoReturn(_ c: CallExpr) -> Bool {
        isBuiltin(c.fun, "panic")
            || isCall(c, to: "os", ["Exit"])
            || isCall(c, to: "log", ["Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"])
            || isCall(c, to: "runtime", ["Goexit"])
    }

    /// `t.Fatal(…)`, `b.FailNow()`, `t.Skip(…)`…: methods that end a test's goroutine
    /// (runtime.Goexit), on a parameter declared as `*testing.T`, `*testing.B`, `*testing.F`
    /// or `testing.TB`.
    func stopsTest(_ c: CallExpr) -> Bool {
        // (Asked of every call statement a control-flow question meets: the names are compared
        // in place, not made into a set each time.)
        // The parameter's type names the testing package, so its file imports it (asked
        // first: the object needs the package's names resolved).
        guard case .selector(let sel) = c.fun.unparen,
              ["Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"].contains(sel.sel.name),
              case .ident(let x) = sel.x.unparen,
              file(holding: x.pos).map({ imports($0, "testing") }) ?? true,
              let obj = resolution.object(at: x.pos),
              obj.kind == .variable, !obj.isPackageLevel,
              let declFile = file(holding: obj.declPos)
        else { return false }
        var type: Expr?
        guard let decl = files[declFile].decl(holding: obj.declPos) else { return false }
        Inspector.walk(.decl(decl), pre: { n in
            guard type == nil else { return false }
            if case .field(let f) = n, f.names.contains(where: { $0.pos == obj.declPos }) { type = f.type }
            return n.pos <= obj.declPos && obj.declPos < n.end
        })
        guard var t = type else { return false }
        var pointer = false
        if case .star(let s) = t { t = s.x; pointer = true }
        guard case .selector(let ts) = t, case .ident(let pkg) = ts.x, resolution.isPackage(pkg.pos, path: "testing")
        else { return false }
        return pointer ? ["T", "B", "F"].contains(ts.sel.name) : ts.sel.name == "TB"
    }

    /// Whether running `list` always leaves the function (a syntactic subset of Go's
    /// terminating statements: return, a call that never returns, or a block or if/else whose
    /// branches all do).
    func alwaysLeavesFunction(_ list: [Stmt]) -> Bool {
        guard let last = list.last(where: { if case .empty = $0 { return false }; return true }) else { return false }
        switch last {
        case .return: return true
        case .expr(let e):
            if case .call(let c) = e.x.unparen { return isNoReturn(c) || stopsTest(c) }
            return false
        case .block(let b): return alwaysLeavesFunction(b.list)
        case .labeled(let l): return alwaysLeavesFunction([l.stmt])
        case .if(let s):
            guard let e = s.elseStmt else { return false }
            return alwaysLeavesFunction(s.body.list) && alwaysLeavesFunction([e])
        default: return false
        }
    }
}
