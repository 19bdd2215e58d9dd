import GoAnalysis
import GoSyntax
import LabText

/// The value a variable holds when the call that set it failed — the zero value of its type —
/// and whether a deferred call surely goes wrong on it. Only types the source (or
/// `StdlibFacts`) tells are judged, and only failures that are certain: reading a field or
/// calling a dereferencing method through a nil pointer, a call on a nil interface or a nil
/// function, closing a nil channel, or a function of the package that dereferences its
/// argument without checking for nil.
struct NilValue {
    let pass: Pass
    let file: Int
    let object: Int
    let type: GoType?

    var name: String { pass.resolution.object(object).name }
    var types: TypeOracle { pass.types }

    /// What goes wrong when `d` runs on the zero value, or nil when nothing surely does.
    func failure(of d: DeferStmt) -> LocalizedText? {
        guard let t = type else { return nil }
        guard case .funcLit(let lit) = d.call.fun.unparen else { return failure(ofCall: d.call, t) }
        var found: LocalizedText?
        Inspector.walk(.stmt(.block(lit.body)), pre: { n in
            guard found == nil else { return false }
            if case .expr(.funcLit) = n { return false }
            if case .expr(.call(let c)) = n { found = failure(ofCall: c, t) }
            return found == nil
        })
        return found
    }

    func isValue(_ e: Expr) -> Bool { e.unparen.asIdent.flatMap(pass.objectID) == object }

    func failure(ofCall c: CallExpr, _ t: GoType) -> LocalizedText? {
        let call = pass.summary(file, c)
        if pass.isBuiltin(c.fun, "close"), let a = c.args.first, isValue(a) {
            if case .chan? = types.underlying(t) {
                return LocalizedText(zh: "被 defer 的 \(call) 会关闭一个 nil 通道而 panic",
                                     en: "the deferred \(call) closes a nil channel and panics")
            }
            return nil
        }
        // Arguments are evaluated first: a field read through the nil pointer panics there.
        for a in c.args {
            if case .selector(let sel) = a.unparen, let f = fieldThroughNil(sel, t, call: call) { return f }
        }
        switch c.fun.unparen {
        case .ident:
            if isValue(c.fun), case .function? = types.underlying(t) {
                return LocalizedText(zh: "被 defer 的 \(call) 会调用一个 nil 函数而 panic",
                                     en: "the deferred \(call) calls a nil function and panics")
            }
        case .selector(let sel):
            if let f = chainFailure(sel.x, method: sel.sel.name, t, call: call) { return f }
        default:
            break
        }
        // A function of the package given the value.
        guard types.canBeNil(t) == true, let k = c.args.firstIndex(where: isValue),
              let fd = types.function(called: c), let body = fd.body else { return nil }
        let params = fd.type.params.list.flatMap(\.names)
        guard k < params.count, let p = pass.resolution.defs[params[k].pos], nilSafety(body, p) == false else { return nil }
        return LocalizedText(
            zh: "被 defer 的 \(call) 中，\(fd.name.name) 不检查 nil 就通过参数读取字段，会 panic",
            en: "in the deferred \(call), \(fd.name.name) reads through its argument without checking for nil, and panics")
    }

    /// `x.f…` read where x is a nil pointer.
    func fieldThroughNil(_ sel: SelectorExpr, _ t: GoType, call: String) -> LocalizedText? {
        var e = sel.x.unparen
        var first = sel.sel.name
        while case .selector(let s) = e {
            first = s.sel.name
            e = s.x.unparen
        }
        guard isValue(e), case .pointer? = types.underlying(t), types.fieldType(t, first) != nil else { return nil }
        return LocalizedText(
            zh: "被 defer 的 \(call) 会通过 nil 指针读取 \(name).\(first) 而 panic",
            en: "the deferred \(call) reads \(name).\(first) through a nil pointer and panics")
    }

    /// Follows `x.f1.f2…` from the zero value of x's type, then the call of `method`.
    func chainFailure(_ recv: Expr, method: String, _ t: GoType, call: String) -> LocalizedText? {
        var fields: [String] = []
        var e = recv.unparen
        while case .selector(let s) = e {
            fields.insert(s.sel.name, at: 0)
            e = s.x.unparen
        }
        guard isValue(e) else { return nil }
        var current = t
        var text = name
        for field in fields {
            guard let u = types.underlying(current) else { return nil }
            switch u {
            case .pointer:
                return LocalizedText(
                    zh: "被 defer 的 \(call) 会通过 nil 指针读取 \(text).\(field) 而 panic",
                    en: "the deferred \(call) reads \(text).\(field) through a nil pointer and panics")
            case .structure:
                guard let f = types.fieldType(current, field) else { return nil }
                current = f
                text += "." + field
            default:
                return nil
            }
        }
        guard let u = types.underlying(current) else { return nil }
        switch u {
        case .interface, .basic("error"), .basic("any"):
            return LocalizedText(
                zh: "被 defer 的 \(call) 会在 nil 接口（\(text)）上调用 \(method) 而 panic",
                en: "the deferred \(call) calls \(method) on a nil interface (\(text)) and panics")
        case .pointer:
            guard case .named(let path, let typeName) = current.dereferenced else { return nil }
            if !path.isEmpty {
                guard StdlibFacts.nilReceiverIsSafe(path, typeName, method) == false else { return nil }
                return LocalizedText(
                    zh: "被 defer 的 \(call) 中 (*\(typeName)).\(method) 会解引用 nil 接收者而 panic",
                    en: "in the deferred \(call), (*\(typeName)).\(method) dereferences its nil receiver and panics")
            }
            guard let fd = types.methodDecl(typeName, method), let body = fd.body,
                  let recvName = fd.recv?.list.first?.names.first, let r = pass.resolution.defs[recvName.pos],
                  nilSafety(body, r) == false else { return nil }
            return LocalizedText(
                zh: "被 defer 的 \(call) 中 (*\(typeName)).\(method) 不检查 nil 就读取接收者的字段，会 panic",
                en: "in the deferred \(call), (*\(typeName)).\(method) reads its receiver's fields without checking for nil, and panics")
        default:
            return nil
        }
    }

    /// How a function body treats a parameter that may be nil: true when it compares it with
    /// nil before anything else, or never uses it; false when its first use reads through it
    /// (a field, `*p`, an index); nil when the first use is anything else.
    func nilSafety(_ body: BlockStmt, _ p: Int) -> Bool? {
        var verdict: Bool??
        Inspector.walk(.stmt(.block(body)), pre: { n in
            guard verdict == nil else { return false }
            switch n {
            case .expr(.binary(let b)) where b.op == .eql || b.op == .neq:
                let sides = [b.x.unparen, b.y.unparen]
                if sides.contains(where: { $0.asIdent.flatMap(pass.objectID) == p }),
                   sides.contains(where: { pass.isBuiltin($0, "nil") }) {
                    verdict = .some(true)
                    return false
                }
            case .expr(.selector(let s)):
                if s.x.unparen.asIdent.flatMap(pass.objectID) == p {
                    if let t = types.type(ofObject: p), types.fieldType(t, s.sel.name) != nil {
                        verdict = .some(false)
                    } else {
                        verdict = .some(nil)
                    }
                    return false
                }
            case .expr(.star(let s)):
                if s.x.unparen.asIdent.flatMap(pass.objectID) == p { verdict = .some(false); return false }
            case .expr(.index(let i)):
                if i.x.unparen.asIdent.flatMap(pass.objectID) == p { verdict = .some(false); return false }
            case .expr(.ident(let id)):
                if pass.resolution.uses[id.pos] == p { verdict = .some(nil); return false }
            default:
                break
            }
            return true
        })
        guard let v = verdict else { return true }  // never used
        return v
    }
}
