import XCTest
import GoSyntax
@testable import GoAnalysis

final class ResolverTests: XCTestCase {
    /// Parses files into one file set and resolves them as a package.
    func resolve(_ sources: [String]) -> (Resolution, [ParsedFile]) {
        var fset = FileSet()
        let parsed = sources.enumerated().map { i, s -> ParsedFile in
            let bytes = Array(s.utf8)
            return GoParser.parse(name: "f\(i).go", bytes: bytes, base: fset.reserveBase(size: bytes.count))
        }
        for p in parsed { XCTAssertEqual(p.formattedErrors, []) }
        return (Resolution.resolve(parsed.map(\.file)), parsed)
    }

    /// The object of the n-th identifier `name` in file `i` (in source order).
    func object(_ r: Resolution, _ files: [ParsedFile], file i: Int = 0, _ name: String, _ n: Int = 0) -> Object? {
        var found: [Ident] = []
        Inspector.walk(files[i].file, pre: { node in
            if case .expr(.ident(let id)) = node, id.name == name { found.append(id) }
            return true
        })
        guard n < found.count else { return nil }
        return r.object(at: found[n].namePos)
    }

    func testImportsRenamesAndLocalShadows() {
        let (r, f) = resolve(["""
        package p

        import (
            "log"
            l2 "log"
            "math/rand/v2"
        )

        func a() { log.Fatal("x") }
        func b() { l2.Fatal("x") }
        func c() {
            log := struct{ Fatal func(string) }{}
            log.Fatal("not the package")
        }
        func d() int { return rand.N(3) }
        """])
        XCTAssertEqual(object(r, f, "log", 0)?.kind, .packageName(path: "log"), "the use in a()")
        XCTAssertEqual(object(r, f, "l2", 0)?.kind, .packageName(path: "log"))
        XCTAssertEqual(object(r, f, "log", 1)?.kind, .variable, "c() declares a local log")
        XCTAssertEqual(object(r, f, "log", 2)?.kind, .variable, "and uses it")
        XCTAssertEqual(object(r, f, "rand", 0)?.kind, .packageName(path: "math/rand/v2"), "major version suffix")
    }

    /// The name an import without a name gets: the last path element, as the go command's
    /// packages usually name themselves.
    func testDefaultImportNames() {
        let cases = ["os": "os", "net/http": "http", "example.com/mod/v2": "mod", "gopkg.in/yaml.v3": "yaml",
                     "github.com/mattn/go-sqlite3": "sqlite3", "github.com/x/client-go": "client",
                     "github.com/x/my-pkg": "my_pkg", "v2": "v2", "github.com/x/vfs": "vfs"]
        for (path, name) in cases { XCTAssertEqual(ImportNames.defaultName(path), name, path) }
    }

    /// Folders are made absolute for the go.mod lookup without Foundation's URLs.
    func testAbsoluteFolders() {
        XCTAssertEqual(LanguageVersionResolver.absolute("/a/./b/../c"), "/a/c")
        XCTAssertEqual(LanguageVersionResolver.absolute("//x//y/"), "/x/y")
        XCTAssertEqual(LanguageVersionResolver.absolute("/"), "/")
        XCTAssertEqual(LanguageVersionResolver.absolute("/.."), "/")
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(LanguageVersionResolver.absolute("a/b"), URL(fileURLWithPath: cwd + "/a/b").standardizedFileURL.path)
        XCTAssertEqual(LanguageVersionResolver.absolute("."), URL(fileURLWithPath: cwd).standardizedFileURL.path)
    }

    func testBlocksShadowingAndShortVarDecl() {
        let (r, f) = resolve(["""
        package p

        var x = 1

        func f() int {
            x := x + 1
            if x := 3; x > 2 {
                return x
            }
            for i := range 3 {
                x += i
            }
            return x
        }
        """])
        let pkgX = object(r, f, "x", 0)!
        XCTAssertTrue(pkgX.isPackageLevel)
        let localX = object(r, f, "x", 1)!
        XCTAssertFalse(localX.isPackageLevel)
        XCTAssertEqual(object(r, f, "x", 2), pkgX, "the right side of x := x + 1 is the outer x")
        let ifX = object(r, f, "x", 3)!
        XCTAssertNotEqual(ifX, localX)
        XCTAssertEqual(object(r, f, "x", 4), ifX)
        XCTAssertEqual(object(r, f, "x", 5), ifX)
        XCTAssertEqual(object(r, f, "x", 6), localX, "after the if, the function's x again")
        XCTAssertEqual(object(r, f, "x", 7), localX)
        XCTAssertEqual(object(r, f, "i", 1), object(r, f, "i", 0), "range variable")
    }

    func testPackageScopeAcrossFilesLabelsAndUniverse() {
        let (r, f) = resolve([
            "package p\n\nfunc f() int { return helper() + len(\"ab\") }\n",
            "package p\n\nfunc helper() int {\nouter:\n\tfor {\n\t\tbreak outer\n\t}\n\treturn 0\n}\n",
        ])
        XCTAssertEqual(object(r, f, file: 0, "helper")?.kind, .function)
        XCTAssertEqual(object(r, f, file: 0, "len")?.kind, .builtin)
        XCTAssertEqual(object(r, f, file: 1, "outer", 1)?.kind, .label)
        XCTAssertEqual(object(r, f, file: 1, "outer", 1), object(r, f, file: 1, "outer", 0))
        XCTAssertTrue(r.packageAndImportNames.isSuperset(of: ["f", "helper"]))
    }

    func testTypeSwitchClosuresAndGenerics() {
        let (r, f) = resolve(["""
        package p

        func f(v any) func() int {
            switch t := v.(type) {
            case int:
                return func() int { return t }
            }
            return nil
        }

        func g[T any](x T) T { var y T = x; return y }
        """])
        XCTAssertEqual(object(r, f, "t", 1)?.kind, .variable, "t in a clause")
        XCTAssertEqual(object(r, f, "T", 1)?.kind, .typeName, "type parameter")
        XCTAssertEqual(object(r, f, "x", 1), object(r, f, "x", 0))
    }
}

final class LanguageVersionTests: XCTestCase {
    func folder(_ test: XCTestCase, gomod: String?) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-ver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        if let gomod { try gomod.write(to: dir.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8) }
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir.path
    }

    func testGoModLineAndBuildConstraints() throws {
        let r = LanguageVersionResolver()
        let v121 = try folder(self, gomod: "module x\n\ngo 1.21.3\n")
        XCTAssertEqual(r.version(ofFileAt: v121 + "/sub/a.go", buildConstraint: nil), LanguageVersion(minor: 21))
        XCTAssertEqual(r.version(ofFileAt: v121 + "/a.go", buildConstraint: "//go:build go1.22 && linux"), LanguageVersion(minor: 22), "a constraint raises it")
        let v123 = try folder(self, gomod: "module x\ngo 1.23\n")
        XCTAssertEqual(r.version(ofFileAt: v123 + "/a.go", buildConstraint: "//go:build go1.21"), LanguageVersion(minor: 21), "a constraint lowers it")
        XCTAssertEqual(r.version(ofFileAt: v123 + "/a.go", buildConstraint: "//go:build go1.21 || linux"), LanguageVersion(minor: 23), "satisfiable without a version: no override")
        XCTAssertEqual(r.version(ofFileAt: v123 + "/a.go", buildConstraint: "//go:build !go1.25"), LanguageVersion(minor: 23))
        let noLine = try folder(self, gomod: "module x\n")
        XCTAssertEqual(r.version(ofFileAt: noLine + "/a.go", buildConstraint: nil), .goModWithoutGoLine)
        let none = try folder(self, gomod: nil)
        XCTAssertEqual(r.version(ofFileAt: none + "/sub/a.go", buildConstraint: nil), .latest, "no go.mod: the toolchain's default")
    }

    func testConstraintAlgebra() {
        XCTAssertEqual(BuildConstraint.goVersion("//go:build go1.21 && (go1.22 || go1.23)"), LanguageVersion(minor: 22))
        XCTAssertEqual(BuildConstraint.goVersion("//go:build (linux && go1.20) || (darwin && go1.21)"), LanguageVersion(minor: 20))
        XCTAssertNil(BuildConstraint.goVersion("//go:build linux"))
        XCTAssertNil(BuildConstraint.goVersion("//go:build go1.21 &&"), "malformed")
    }
}

final class DriverTests: XCTestCase {
    func testWalksLikeTheGoCommandAndSuppresses() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deferlab-drv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let loop = "package p\n\nimport \"os\"\n\nfunc f(n []string) {\n\tfor _, s := range n {\n\t\tg, _ := os.Open(s)\n\t\tdefer g.Close()\n\t}\n}\n"
        for sub in ["a", "vendor/v", "testdata", ".hidden", "_skip", "b"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
            try loop.write(to: dir.appendingPathComponent(sub + "/x.go"), atomically: true, encoding: .utf8)
        }
        let ignored = loop.replacingOccurrences(of: "\t\tdefer g.Close()", with: "\t\tdefer g.Close() //deferlab:ignore loop-defer")
        try ignored.write(to: dir.appendingPathComponent("b/x.go"), atomically: true, encoding: .utf8)
        try loop.write(to: dir.appendingPathComponent("b/x_test.go"), atomically: true, encoding: .utf8)
        let analyzer = Analyzer(name: "loop-defer-like", title: .init(zh: "测", en: "t"), doc: .init(zh: "测", en: "t"), precedence: 1, diagnose: { pass in
            var out: [Diagnostic] = []
            for (i, f) in pass.files.enumerated() {
                Inspector.walk(f.file, pre: { n in
                    if case .stmt(.defer(let d)) = n {
                        out.append(Diagnostic(rule: "loop-defer", pass: pass, file: i, from: d.deferPos, to: d.deferPos + 5, message: .init(zh: "d", en: "d")))
                    }
                    return true
                })
            }
            return out
        })
        let report = Driver(analyzers: [analyzer]).run(paths: [dir.path + "/...", dir.path + "/testdata/x.go"])
        let seen = report.files.filter { !$0.diagnostics.isEmpty }.map { String($0.path.dropFirst(dir.path.count + 1)) }
        XCTAssertEqual(seen, ["a/x.go", "b/x_test.go", "testdata/x.go"], "vendor, testdata, hidden and _ folders are skipped unless named; ignore comments silence")
        XCTAssertEqual(report.files.map(\.path), report.files.map(\.path).sorted())
    }
}

final class PackagePathTests: XCTestCase {
    /// `Pass.packagePath(of:)` gives an import's path for a name its file imports (renamed or
    /// by default name), nil for a local that shadows it or a name no import of the file has
    /// (without resolving the package's names then).
    func testPackagePathsComeFromTheIdentifiersOwnFile() {
        let sources = [
            "package p\n\nimport (\n\tstr \"strings\"\n\t\"os\"\n)\n\nfunc f(os int) { _ = str.ToUpper; _ = os }\n\nfunc g() { os.Exit(0); f.x() }\n",
            "package p\n\nfunc h() { os.Exit(1) }\n",
        ]
        var fset = FileSet()
        let units = sources.enumerated().map { i, s -> SourceUnit in
            let bytes = Array(s.utf8)
            let parsed = GoParser.parse(name: "f\(i).go", bytes: bytes, base: fset.reserveBase(size: bytes.count))
            return SourceUnit(path: "f\(i).go", bytes: bytes, parsed: parsed, version: .perIterationLoopVars)
        }
        let pass = Pass(files: units)
        func idents(_ file: Int, _ name: String) -> [Ident] {
            var found: [Ident] = []
            Inspector.walk(units[file].file, pre: { n in
                if case .expr(.ident(let id)) = n, id.name == name { found.append(id) }
                return true
            })
            return found
        }
        // The import's own name, and its use.
        XCTAssertEqual(idents(0, "str").map { pass.packagePath(of: $0) }, ["strings", "strings"])
        // f's parameter os, its use, and os in g.
        XCTAssertEqual(idents(0, "os").map { pass.packagePath(of: $0) }, [nil, nil, "os"])
        XCTAssertEqual(idents(0, "f").map { pass.packagePath(of: $0) }, [nil, nil])
        // The other file does not import os.
        XCTAssertEqual(idents(1, "os").map { pass.packagePath(of: $0) }, [nil])
    }
}
