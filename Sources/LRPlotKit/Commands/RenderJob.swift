import Foundation
import Plot

/// Renders a spec to its outputs: evaluate, draw every format in memory, then write the
/// files all or nothing (see ``AtomicFile/writeAll(_:refusing:)``). Nothing is written
/// unless everything rendered, and no output may overwrite the spec.
public enum RenderJob {
    /// What a render did.
    public struct Report: Sendable {
        /// Paths written, in order (`-` for standard output).
        public var written: [String]
        /// Warnings of the work (schedules that stopped where the framework would raise,
        /// simulated runs that diverged, texts shortened to fit).
        public var warnings: [LRPlotWarning]
        /// The chart drawn (for a terminal preview).
        public var chart: Chart?
    }

    /// The chart a decoded spec describes: a schedule chart, or with `"simulate"` the
    /// simulation's panels.
    ///
    /// - Parameter progress: (schedule index, steps done), for simulations and for
    ///   schedules walked step by step over a long run.
    public static func chart(
        for spec: Spec, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> ChartBuilder.Built {
        let builder = ChartBuilder(spec: spec)
        guard spec.simulation != nil else { return try builder.build(progress: progress) }
        return builder.build(simulation: try SimulationJob.run(spec, progress: progress))
    }

    /// The schedules that report progress while `spec` renders: every one with
    /// `"simulate"`, else those walked step by step over a long run.
    public static func progressUnits(for spec: Spec) -> [Int] {
        spec.simulation != nil ? Array(spec.schedules.indices) : ChartBuilder(spec: spec).walkedSchedules
    }

    /// The targets a render writes: `overrides` (from `-o`), else the spec's `"output"`, else
    /// `output/<spec name>.png`.
    ///
    /// - Throws: ``LRPlotError`` (`.arguments`) for an override with an unknown format.
    public static func targets(for spec: Spec, overrides: [String]) throws(LRPlotError) -> [OutputTarget] {
        try OutputRequest(paths: overrides).targets(for: spec)
    }

    /// Renders `spec` to the outputs `-o PATH…` names (see ``OutputRequest``).
    public static func run(
        spec: Spec, outputs overrides: [String], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> Report {
        try run(spec: spec, request: OutputRequest(paths: overrides), progress: progress)
    }

    /// Renders `spec` to the targets `request` gives (see ``OutputRequest/targets(for:)``);
    /// the default `output` directory is created if needed. An image for standard output is
    /// written first, then every file, all or nothing.
    ///
    /// - Throws: ``LRPlotError``: `.arguments` for outputs that cannot be (an unknown format,
    ///   the spec file itself, a file named twice), `.runtime` for a directory that does not
    ///   exist or a write that fails, and what evaluating the spec throws.
    public static func run(
        spec: Spec, request: OutputRequest, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> Report {
        let targets = try prepare(request, for: spec)
        return try write(try chart(for: spec, progress: progress), to: targets, of: spec)
    }

    /// The targets of `request`, checked before any work: a spec's default `output`
    /// directory is created, and every file must be writable and not one of the spec's inputs.
    ///
    /// - Throws: ``LRPlotError`` as ``run(spec:request:progress:)`` does for its outputs.
    public static func prepare(_ request: OutputRequest, for spec: Spec) throws(LRPlotError) -> [OutputTarget] {
        let targets = try request.targets(for: spec)
        if request.paths.isEmpty && spec.outputs.isEmpty {
            try? FileManager.default.createDirectory(atPath: "output", withIntermediateDirectories: true)
        }
        try AtomicFile.checkWritable(targets.filter { !$0.isStandardOutput }.map(\.path), refusing: spec.inputs)
        return targets
    }

    /// Renders `built` in each target's format, then writes the image for standard output
    /// and every file, all or nothing; the warnings are the chart's and its layout's.
    ///
    /// - Throws: ``LRPlotError`` (`.runtime`) when a format cannot be rendered or a write fails.
    public static func write(_ built: ChartBuilder.Built, to targets: [OutputTarget], of spec: Spec) throws(LRPlotError) -> Report {
        var rendered: [(target: OutputTarget, bytes: [UInt8])] = []
        var notices: [LayoutNotice] = []
        for target in targets {
            do {
                let output = try built.rendered(target.format)
                rendered.append((target, output.bytes))
                for notice in output.notices where !notices.contains(notice) { notices.append(notice) }
            } catch {
                throw LRPlotError(.runtime, file: target.path, "cannot render: \(error)")
            }
        }
        for (target, bytes) in rendered where target.isStandardOutput {
            try StandardOutput.write(bytes)
        }
        try AtomicFile.writeAll(rendered.filter { !$0.target.isStandardOutput }.map { ($0.target.path, $0.bytes) },
                                refusing: spec.inputs)
        return Report(written: targets.map(\.path), warnings: built.warnings + notices.map { LRPlotWarning($0, file: spec.file) },
                      chart: built.chart)
    }
}
