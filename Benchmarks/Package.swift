// swift-tools-version: 6.1
import Foundation
import PackageDescription

// NOTE: a path dependency is identified by its folder's name, which is the checkout's name.
let anjian = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// Benchmarks live in their own package so that `swift test` at the top stays lean.
let package = Package(
    name: "AnjianBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AnjianBenchmarks",
            dependencies: [
                .product(name: "Anjian", package: anjian),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AnjianBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Speaks the peer kit's SWIFT_ENGINE_CMD protocol (../shared/bench/README.md, section 4).
        .executableTarget(
            name: "AnjianBenchEngine",
            dependencies: [.product(name: "Anjian", package: anjian)],
            path: "Sources/AnjianBenchEngine"
        ),
    ],
    swiftLanguageModes: [.v6]
)
