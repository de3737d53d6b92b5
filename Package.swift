// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "lrplot",
    products: [
        .library(name: "ScheduleCore", targets: ["ScheduleCore"]),
        .library(name: "Plot", targets: ["Plot"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "RunLogs", targets: ["RunLogs"]),
        .library(name: "RunCheck", targets: ["RunCheck"]),
        // For fuzz/Package.swift (the libFuzzer targets); the executable is its one client.
        .library(name: "LRPlotKit", targets: ["LRPlotKit"]),
        .library(name: "ConfigImport", targets: ["ConfigImport"]),
        .executable(name: "lrplot", targets: ["lrplot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // TensorBoard's Event protobufs (generated code committed under Sources/RunLogs/TensorBoard/Generated).
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // CSV logs (Lightning, timm, W&B): streamed RFC 4180 parsing.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Schedules and their evaluation: pure Swift, no Cairo, no CLI.
        .target(name: "ScheduleCore"),
        // Training simulations: torch optimizers driven by schedules on small problems (the digits
        // data compiled in, Data/DigitsCSV.swift, so the binary needs no resource files).
        .target(name: "Simulation", dependencies: ["ScheduleCore"], exclude: ["Data/README.md"]),
        // Training configs (transformers, timm, Keras, DeepSpeed, LightningCLI, mmengine) -> lrplot specs.
        .target(name: "ConfigImport", dependencies: ["ScheduleCore", .product(name: "Yams", package: "Yams")]),
        // libcairo through pkg-config; a project-specific module name avoids clashes with other `CCairo`s.
        .systemLibrary(
            name: "CLRPlotCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        // Multi-series line charts rendered through Cairo; knows nothing about schedules.
        .target(name: "Plot", dependencies: ["CLRPlotCairo"]),
        // Logged training histories (TensorBoard, trainer_state.json, CSV, MLflow, JSON lines) -> typed series.
        .target(
            name: "RunLogs",
            dependencies: [
                "ScheduleCore",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // A logged series compared with its planned schedule, and the named explanations of a departure.
        .target(name: "RunCheck", dependencies: ["ScheduleCore", "RunLogs"]),
        // Spec decoding, orchestration and errors: everything the executable does, testable.
        .target(name: "LRPlotKit", dependencies: ["ScheduleCore", "Plot", "Simulation", "RunLogs", "RunCheck", "ConfigImport"]),
        .executableTarget(
            name: "lrplot",
            dependencies: [
                "LRPlotKit", "ConfigImport", "ScheduleCore", "Plot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["ScheduleCore"], path: "Tests/TestSupport"),
        .testTarget(name: "ScheduleCoreTests", dependencies: ["ScheduleCore", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "ScheduleCore", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        // Test-only image code: PNG decoding and pixel comparisons.
        .target(name: "PlotTestSupport", dependencies: ["Plot", "CLRPlotCairo"], path: "Tests/PlotTestSupport"),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "PlotTestSupport"]),
        // Both read the logs under Tests/RunFixtures (written by tools/runlogs/make_fixtures.py and copied from shared/real-runs).
        .testTarget(name: "RunLogsTests", dependencies: ["RunLogs", "ScheduleCore", "TestSupport"]),
        .testTarget(name: "RunCheckTests", dependencies: ["RunCheck", "RunLogs", "ScheduleCore", "TestSupport"]),
        .testTarget(name: "ConfigImportTests", dependencies: ["ConfigImport", "ScheduleCore", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LRPlotKitTests", dependencies: ["LRPlotKit", "ScheduleCore", "RunCheck", "Plot", "PlotTestSupport", "TestSupport"],
                    exclude: ["FuzzRegressions"]),
        .testTarget(name: "EndToEndTests", dependencies: ["lrplot", "LRPlotKit", "Plot", "PlotTestSupport", "TestSupport"],
                    exclude: ["Malformed"]),
    ]
)
