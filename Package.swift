// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Anjian",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Anjian", targets: ["Anjian"]),
        .executable(name: "anjian", targets: ["AnjianCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "AnjianCore"),
        .target(name: "AnjianYAML", dependencies: ["CYAML", "AnjianCore"]),
        .target(
            name: "Anjian",
            dependencies: ["AnjianCore", "AnjianYAML"],
            resources: [.copy("Resources/Rules")]
        ),
        .executableTarget(
            name: "AnjianCLI",
            dependencies: [
                "Anjian",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets: built with -sanitize=fuzzer by Fuzz/run.sh, otherwise a replay tool for the corpus.
        .executableTarget(name: "AnjianFuzz", dependencies: ["Anjian", "AnjianYAML"]),
        .testTarget(name: "AnjianYAMLTests", dependencies: ["AnjianYAML", "AnjianCore"], exclude: ["yaml-test-suite-differences.tsv"]),
        .testTarget(name: "AnjianTests", dependencies: ["Anjian"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnjianCLITests", dependencies: ["AnjianCLI", "AnjianFuzz"]),
    ],
    swiftLanguageModes: [.v6]
)
