// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way (see ../shared/STYLE.md):
//   GoSyntax (front end, no dependencies)
//   GoToolchain (finds and runs Go; no dependencies)
//   GoAnalysis (scopes, language versions, analyzers, the driver) -> GoSyntax
//   DeferRules (one file per rule) -> GoAnalysis
//   LabContent (the example catalog: Content/ manifests, located and validated; Foundation only)
//   LabLessons (Lessons/: bilingual sections, located like Content/, validated against it) -> LabContent
//   LabRunner (build and run a program with the measuring probe) -> GoToolchain, GoSyntax, LabContent
//   CLibEdit (system library for the learning shell)
//   DeferLabCore (language choice, text catalog, source walking, commands' logic)
//   LabShell (the learning shell: REPL, rendering, libedit) -> everything above
//   deferlab (argument parsing only)
let package = Package(
    name: "DeferLab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deferlab", targets: ["deferlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "GoSyntax"),
        .target(name: "GoToolchain"),
        .target(name: "GoAnalysis", dependencies: ["GoSyntax"]),
        .target(name: "DeferRules", dependencies: ["GoAnalysis", "GoSyntax"]),
        .target(name: "LabContent"),
        .target(name: "LabLessons", dependencies: ["LabContent"]),
        .target(name: "LabRunner", dependencies: ["GoToolchain", "GoSyntax", "LabContent"]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "DeferLabCore",
            dependencies: ["GoSyntax", "GoAnalysis", "DeferRules", "GoToolchain", "LabContent", "LabRunner"]
        ),
        .target(
            name: "LabWorkshop",
            dependencies: ["DeferLabCore", "DeferRules", "LabContent", "LabRunner", "GoToolchain"]
        ),
        .target(
            name: "LabShell",
            dependencies: ["DeferLabCore", "LabWorkshop", "LabLessons", "LabContent", "LabRunner", "GoToolchain", "GoSyntax",
                           "GoAnalysis", "DeferRules", "CLibEdit"]
        ),
        .executableTarget(
            name: "deferlab",
            dependencies: [
                "DeferLabCore", "LabShell", "LabWorkshop", "GoSyntax", "GoToolchain", "LabContent", "LabRunner", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GoSyntaxTests", dependencies: ["GoSyntax", "GoToolchain", "GoAnalysis", "DeferLabCore"]),
        .testTarget(
            name: "DeferRulesTests",
            dependencies: ["DeferRules", "GoAnalysis", "GoSyntax", "GoToolchain", "DeferLabCore"],
            exclude: ["testdata", "trace"]
        ),
        .testTarget(name: "GoToolchainTests", dependencies: ["GoToolchain"]),
        .testTarget(name: "LabContentTests", dependencies: ["LabContent", "GoToolchain"]),
        .testTarget(name: "LabLessonsTests", dependencies: ["LabLessons", "LabContent", "DeferRules"]),
        .testTarget(name: "LabRunnerTests", dependencies: ["LabRunner", "LabContent", "GoToolchain"],
                    exclude: ["programs"]),
        .testTarget(name: "GoAnalysisTests", dependencies: ["GoAnalysis", "GoSyntax"]),
        .testTarget(name: "LabShellTests", dependencies: ["LabShell", "LabLessons", "LabContent", "DeferLabCore"]),
        .testTarget(name: "LabWorkshopTests", dependencies: ["LabWorkshop", "LabRunner", "LabContent", "GoToolchain", "DeferLabCore"]),
        .testTarget(name: "DeferLabCLITests", dependencies: ["DeferLabCore", "GoToolchain", "CLibEdit", "LabRunner"]),
    ],
    swiftLanguageModes: [.v6]
)
