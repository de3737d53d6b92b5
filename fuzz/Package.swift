// swift-tools-version: 6.0
// The libFuzzer targets, a package of their own over lrplot's libraries (so the package
// itself never builds them): fuzz/run.sh builds them with
// `-sanitize=fuzzer,address -enable-testing`.
import PackageDescription

let package = Package(
    name: "lrplot-fuzz",
    dependencies: [
        .package(name: "lrplot", path: ".."),
    ],
    targets: [
        // libFuzzer's LLVMFuzzerRunDriver, declared for the targets' main.swift.
        .target(name: "FuzzDriver", path: "Driver"),
        // The spec decoder and schedule evaluation, with differential checks.
        .executableTarget(name: "fuzz-spec", dependencies: [
            "FuzzDriver",
            .product(name: "LRPlotKit", package: "lrplot"), .product(name: "ScheduleCore", package: "lrplot"),
        ], path: "Spec"),
        // The Python-expression parser and evaluator.
        .executableTarget(name: "fuzz-expression", dependencies: [
            "FuzzDriver",
            .product(name: "ScheduleCore", package: "lrplot"),
        ], path: "Expression"),
        // "simulate" specs: budget, training, the simulation chart.
        .executableTarget(name: "fuzz-simulate", dependencies: [
            "FuzzDriver",
            .product(name: "LRPlotKit", package: "lrplot"), .product(name: "ScheduleCore", package: "lrplot"),
            .product(name: "Simulation", package: "lrplot"), .product(name: "Plot", package: "lrplot"),
        ], path: "Simulate"),
        // Specs charted and rendered through Cairo.
        .executableTarget(name: "fuzz-render", dependencies: [
            "FuzzDriver",
            .product(name: "LRPlotKit", package: "lrplot"), .product(name: "ScheduleCore", package: "lrplot"),
            .product(name: "Plot", package: "lrplot"),
        ], path: "Render"),
    ]
)
