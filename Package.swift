// swift-tools-version:6.0
import PackageDescription

// DeferLab runs on Linux only: it reads /proc, uses inotify and posix_spawn through Glibc
// (Sources/LabText/Platform.swift stops a build anywhere else with a clear message).
//
// The pipeline, bottom to top; every arrow is an import, and scripts/check-deps (run by the
// tests) checks that each target declares exactly what it imports:
//
//   LabText       language, the one bilingual text type, message catalogs, display width,
//                 JSON output                                                   (no dependencies)
//   GoSyntax      Go front end: tokens, scanner, AST, parser, inspector, text edits
//                                                                               (no dependencies)
//   GoToolchain   find the project and Go, run processes                        (no dependencies)
//   GoAnalysis    scopes, syntactic types, analyzers, the driver, finding formats
//                                                              -> GoSyntax, LabText
//   DeferRules    one file per rule, with its fix and its criteria
//                                                              -> GoAnalysis, GoSyntax, LabText
//   LabContent    the example catalog (Content/)                              -> GoToolchain, LabText
//   LabLessons    the bilingual lessons (Lessons/)                            -> LabContent, LabText
//   LabRunner     build and measure Go programs with the probe                -> GoToolchain, GoSyntax, LabContent
//   LabCommands   each command's logic, returning values and their renderings
//                                                              -> everything above but LabLessons
//   LabWorkshop   exercises: load, check by measurement, state, watch         -> LabCommands and below
//   LabLSP        `deferlab lsp`: the language server (JSON-RPC over stdio)   -> LabCommands, GoAnalysis,
//                                                                                 GoSyntax, LabText
//   CLibEdit      the libedit shim (system library)
//   LabShell      the learning shell: terminal I/O, pages, charts             -> all of the above
//   deferlab      the executable: argument parsing only (swift-argument-parser)
let package = Package(
    name: "DeferLab",
    products: [
        .executable(name: "deferlab", targets: ["deferlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "LabText"),
        .target(name: "GoSyntax"),
        .target(name: "GoToolchain"),
        .target(name: "GoAnalysis", dependencies: ["GoSyntax", "LabText"]),
        .target(name: "DeferRules", dependencies: ["GoAnalysis", "GoSyntax", "LabText"]),
        .target(name: "LabContent", dependencies: ["GoToolchain", "LabText"]),
        .target(name: "LabLessons", dependencies: ["LabContent", "GoToolchain", "LabText"]),
        .target(name: "LabRunner", dependencies: ["GoToolchain", "GoSyntax", "LabContent"]),
        .target(
            name: "LabCommands",
            dependencies: ["LabText", "GoSyntax", "GoAnalysis", "DeferRules", "GoToolchain", "LabContent", "LabRunner"]
        ),
        .target(name: "LabWorkshop", dependencies: ["LabCommands", "DeferRules", "LabContent", "LabRunner", "GoToolchain", "LabText"]),
        .target(name: "LabLSP", dependencies: ["LabCommands", "GoAnalysis", "GoSyntax", "LabText"]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "LabShell",
            dependencies: ["LabCommands", "LabWorkshop", "LabLessons", "LabContent", "LabRunner", "LabText", "GoToolchain",
                           "GoSyntax", "GoAnalysis", "DeferRules", "CLibEdit"]
        ),
        .executableTarget(
            name: "deferlab",
            dependencies: [
                "LabCommands", "LabShell", "LabWorkshop", "LabLSP", "LabText", "GoAnalysis", "GoToolchain", "LabContent",
                "LabRunner", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests: one target per source target, and the helpers they share.
        .target(name: "TestSupport", dependencies: ["GoToolchain", "LabText"], path: "Tests/TestSupport"),
        .testTarget(name: "LabTextTests", dependencies: ["LabText", "TestSupport"]),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax", "TestSupport"]),
        .testTarget(name: "GoToolchainTests", dependencies: ["GoToolchain", "TestSupport"]),
        .testTarget(name: "GoAnalysisTests", dependencies: ["GoAnalysis", "GoSyntax", "TestSupport"]),
        .testTarget(
            name: "DeferRulesTests",
            dependencies: ["DeferRules", "GoAnalysis", "GoSyntax", "GoToolchain", "TestSupport"],
            exclude: ["testdata", "trace"]
        ),
        .testTarget(name: "LabContentTests", dependencies: ["LabContent", "GoToolchain", "TestSupport"]),
        .testTarget(name: "LabLessonsTests", dependencies: ["LabLessons", "LabContent", "DeferRules", "GoToolchain", "LabText", "LabRunner", "TestSupport"]),
        .testTarget(name: "LabRunnerTests", dependencies: ["LabRunner", "LabContent", "GoToolchain"],
                    exclude: ["programs"]),
        .testTarget(name: "LabCommandsTests",
                    dependencies: ["LabCommands", "LabRunner", "GoAnalysis", "DeferRules", "GoSyntax", "GoToolchain", "LabText", "TestSupport"]),
        .testTarget(name: "LabWorkshopTests",
                    dependencies: ["LabWorkshop", "LabRunner", "LabCommands", "LabText", "DeferRules", "GoToolchain", "TestSupport"]),
        .testTarget(name: "LabShellTests", dependencies: ["LabShell", "LabText", "CLibEdit", "LabRunner", "LabLessons"]),
        .testTarget(name: "LabLSPTests", dependencies: ["LabLSP", "LabCommands", "GoSyntax", "TestSupport"], exclude: ["fixtures"]),
        .testTarget(name: "DeferLabCLITests", dependencies: ["TestSupport", "GoToolchain", "LabCommands"],
                    exclude: ["lsp-clients"]),
    ],
    swiftLanguageModes: [.v6]
)
