import GoAnalysis
import GoSyntax
import LabText

/// Where the values a moved defer releases come from: made in the iteration by a call that
/// creates them (a known constructor, or one named like one), or reached from outside it.
extension LoopSafety {

    /// Whether a variable is declared inside the loop body (each iteration has its own).
    func isIterationLocal(_ obj: Int) -> Bool {
        let o = pass.resolution.object(obj)
        guard o.kind == .variable, !o.isPackageLevel else { return false }
        return o.declPos > loop.body.lbrace && o.declPos < loop.body.rbrace
    }

    /// A variable of the wrapped loop's own header that every iteration has a copy of (Go
    /// 1.22 and later): read at the end of its iteration it holds what it holds at return.
    func isPerIterationLoopVariable(_ obj: Int) -> Bool {
        let o = pass.resolution.object(obj)
        guard o.kind == .variable, o.declPos >= loop.pos, o.declPos < loop.body.lbrace,
              pass.files[file].version >= .perIterationLoopVars else { return false }
        // Its address taken, or captured by a goroutine, it could still change afterwards.
        var shared = false
        Inspector.walk(.stmt(.block(loop.body)), pre: { n in
            switch n {
            case .expr(.unary(let u)) where u.op == .and:
                if rootIdent(u.x).flatMap(pass.objectID) == obj { shared = true }
            case .stmt(.go(let g)):
                if variables(in: .call(g.call)).contains(obj) { shared = true }
            default: break
            }
            return !shared
        })
        return !shared
    }

    /// The variables an expression reads (outside function literals' own declarations).
    func variables(in e: Expr) -> [Int] {
        var out: [Int] = []
        Inspector.walk(.expr(e), pre: { n in
            if case .expr(.ident(let id)) = n, let o = pass.resolution.uses[id.pos],
               pass.resolution.object(o).kind == .variable, !out.contains(o) { out.append(o) }
            return true
        })
        return out
    }

    /// Why the value behind `root` may not be the iteration's own, or nil.
    func originReason(_ root: Int, deferred d: DeferStmt, call: String, role: (benchmark: Bool, test: Bool)) -> LocalizedText? {
        let object = pass.resolution.object(root)
        let name = object.name
        guard isIterationLocal(root) else {
            let kind: (zh: String, en: String)
            if object.isPackageLevel {
                kind = ("包级变量", "a package variable")
            } else if object.declPos >= loop.pos && object.declPos < loop.body.lbrace {
                kind = ("循环变量，来自被遍历的集合或循环头", "a loop variable: an element of the ranged collection or the loop's own counter")
            } else {
                kind = ("在循环外声明", "declared outside the loop")
            }
            return LocalizedText(
                zh: "\(name) 不是在本次迭代里创建的（\(kind.zh)）：每次迭代结束就释放它，对后面的迭代或循环之后的代码可能太早",
                en: "\(name) is not created in the iteration (\(kind.en)): releasing it at the end of each iteration may be too early for later iterations or the code after the loop")
        }
        let isFuncValue: Bool
        if case .ident(let id) = d.call.fun.unparen, pass.objectID(id) == root { isFuncValue = true } else { isFuncValue = false }
        let isHTTPBody: Bool
        if case .selector(let m) = d.call.fun.unparen, m.sel.name == "Close", case .selector(let body) = m.x.unparen,
           body.sel.name == "Body", rootIdent(body.x).flatMap(pass.objectID) == root { isHTTPBody = true } else { isHTTPBody = false }
        for value in assignedValues(root, depth: 0) {
            switch value {
            case .fresh:
                continue
            case .outside(let text):
                return LocalizedText(
                    zh: "\(name) 保存的是 \(text)，这个值在本次迭代之外也存在：每次迭代结束就释放它，对后面的迭代或循环之后的代码可能太早",
                    en: "\(name) holds \(text), a value that exists outside the iteration: releasing it at the end of each iteration may be too early for later iterations or the code after the loop")
            case .call(let c):
                let callee = pass.summary(file, c)
                let known = isKnownConstructor(c)
                if isFuncValue && !known {
                    return LocalizedText(
                        zh: "\(name) 是 \(callee) 返回的清理函数：它可能撤销一个循环之后的代码仍然依赖的设置",
                        en: "\(name) is a clean-up function returned by \(callee): it may undo a set-up that the code after the loop relies on")
                }
                if role.test && !known {
                    return LocalizedText(
                        zh: "在测试里，\(callee) 创建的 \(name) 可能是循环之后仍要用到的测试夹具（服务器、容器……）：在测试返回前全部保留可能正是本意",
                        en: "in a test, \(name) made by \(callee) may be a fixture the code after the loop still uses (a server, a container): keeping them all until the test returns may be intended")
                }
                if let w = writesTo(c) {
                    return LocalizedText(
                        zh: "关闭 \(name) 会把数据写入 \(w)，而 \(w) 在本次迭代之后仍然存在：这些字节会在另一个时刻写入",
                        en: "closing \(name) writes to \(w), which outlives the iteration: those bytes would be written at another time")
                }
                if !known && !isHTTPBody && !looksLikeConstructor(c) {
                    return LocalizedText(
                        zh: "\(name) 来自 \(callee)，它可能返回一个与后面的迭代或循环之后的代码共享的值：无法证明可以提前释放",
                        en: "\(name) comes from \(callee), which may hand out a value shared with later iterations or the code after the loop: an earlier release cannot be proven harmless")
                }
            }
        }
        return nil
    }

    enum Origin {
        case fresh
        case call(CallExpr)
        case outside(String)
    }

    /// Every value assigned to an iteration-local variable, by where it comes from.
    func assignedValues(_ obj: Int, depth: Int) -> [Origin] {
        var out: [Origin] = []
        func classify(_ e: Expr?, tuple: Bool) {
            guard let e else { out.append(.outside("a value")); return }
            switch e.unparen {
            case .call(let c):
                if types.isType(c.fun) {
                    out.append(.outside(pass.text(file, e).oneLine))
                } else if pass.isBuiltin(c.fun, "new") || pass.isBuiltin(c.fun, "make") {
                    out.append(.fresh)
                } else {
                    out.append(.call(c))
                }
            case .compositeLit, .funcLit, .basicLit:
                out.append(.fresh)
            case .unary(let u) where u.op == .and:
                if case .compositeLit = u.x.unparen { out.append(.fresh) } else { out.append(.outside(pass.text(file, e).oneLine)) }
            case .ident(let id):
                if let o = pass.objectID(id), o != obj, isIterationLocal(o), depth < 3 {
                    out.append(contentsOf: assignedValues(o, depth: depth + 1))
                } else if pass.isBuiltin(e, "nil") {
                    out.append(.fresh)
                } else {
                    out.append(.outside(id.name))
                }
            default:
                out.append(.outside(pass.text(file, e).oneLine))
            }
        }
        Inspector.walk(.stmt(.block(loop.body)), pre: { n in
            switch n {
            case .stmt(.assign(let a)):
                guard let k = a.lhs.firstIndex(where: { $0.unparen.asIdent.flatMap(pass.objectID) == obj }) else { break }
                if a.tok != .define && a.tok != .assign { break }  // x += …: numbers and strings
                if a.lhs.count == a.rhs.count { classify(a.rhs[k], tuple: false) } else { classify(a.rhs.first, tuple: true) }
            case .spec(.value(let v)):
                guard let k = v.names.firstIndex(where: { pass.resolution.defs[$0.pos] == obj }) else { break }
                if v.values.isEmpty { out.append(.fresh) } else if v.values.count == v.names.count { classify(v.values[k], tuple: false) } else { classify(v.values.first, tuple: true) }
            case .stmt(.range(let r)):
                if [r.key, r.value].contains(where: { $0?.unparen.asIdent.flatMap(pass.objectID) == obj }) {
                    out.append(.outside(pass.text(file, r.x).oneLine))
                }
            case .field(let f):
                // A parameter of a function literal inside the loop.
                if f.names.contains(where: { pass.resolution.defs[$0.pos] == obj }) { out.append(.outside("a parameter")) }
            default:
                break
            }
            return true
        })
        return out
    }

    func isKnownConstructor(_ c: CallExpr) -> Bool {
        guard case .selector(let sel) = c.fun.unparen else { return false }
        if case .ident(let pkg) = sel.x.unparen, let path = pass.packagePath(of: pkg) {
            return StdlibFacts.isConstructor(path, sel.sel.name)
        }
        if let recv = types.type(of: sel.x), case .named(let path, let type) = recv.dereferenced, !path.isEmpty {
            return StdlibFacts.isConstructor(method: path, type, sel.sel.name)
        }
        return false
    }

    /// Whether a call's name says it makes something new.
    func looksLikeConstructor(_ c: CallExpr) -> Bool {
        guard let name = calleeName(c.fun) else { return false }
        let verbs = ["new", "open", "create", "dial", "connect", "listen", "accept", "start", "begin", "query", "make",
                     "build", "spawn", "launch", "mkdir", "tempdir", "tempfile"]
        let lower = name.lowercased()
        return verbs.contains { lower.hasPrefix($0) }
    }

    /// The outer writer a writer-making call wraps (`gzip.NewWriter(out)`), whose bytes its
    /// Close would write.
    func writesTo(_ c: CallExpr) -> String? {
        guard let name = calleeName(c.fun) else { return nil }
        guard name.contains("Writer") || name.contains("Encoder") || name.contains("Compressor") else { return nil }
        for arg in c.args {
            if let t = types.type(of: arg), types.isScalar(t) { continue }
            if let r = rootIdent(arg), let o = pass.objectID(r), pass.resolution.object(o).kind == .variable, !isIterationLocal(o) {
                return r.name
            }
        }
        return nil
    }
}
