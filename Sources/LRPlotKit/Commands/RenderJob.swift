import Foundation
import Plot

/// Renders a spec to its output files: evaluate, draw every format in memory, then write
/// each file atomically. Nothing is written unless everything rendered.
public enum RenderJob {
    /// What a render did.
    public struct Report: Sendable {
        /// Paths written, in order.
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
    /// - Parameter progress: for specs with `"simulate"`: (schedule index, steps done).
    public static func chart(
        for spec: Spec, progress: ((Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> ChartBuilder.Built {
        let builder = ChartBuilder(spec: spec)
        guard spec.simulation != nil else { return try builder.build() }
        return builder.build(simulation: try SimulationJob.run(spec, progress: progress))
    }

    /// The targets a render writes: `overrides` (from `-o`), else the spec's `"output"`, else
    /// `output/<spec name>.png`.
    ///
    /// - Throws: ``LRPlotError`` (`.arguments`) for an override with an unknown format.
    public static func targets(for spec: Spec, overrides: [String]) throws(LRPlotError) -> [OutputTarget] {
        if !overrides.isEmpty {
            return try overrides.map { (path) throws(LRPlotError) -> OutputTarget in
                guard let target = OutputTarget(path: path) else {
                    throw LRPlotError(.arguments, file: path, "unknown output format; use a .png, .svg, .pdf or .html file name")
                }
                return target
            }
        }
        if !spec.outputs.isEmpty { return spec.outputs }
        return [OutputTarget(path: SpecFile.defaultOutput(for: spec.file), format: .png)]
    }

    /// Renders `spec` to its ``targets(for:overrides:)``; the default `output` directory is
    /// created if needed.
    public static func run(
        spec: Spec, outputs overrides: [String], progress: ((Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> Report {
        let targets = try targets(for: spec, overrides: overrides)
        if overrides.isEmpty && spec.outputs.isEmpty {
            try? FileManager.default.createDirectory(atPath: "output", withIntermediateDirectories: true)
        }
        for target in targets { try AtomicFile.checkWritable(target.path) }
        let built = try chart(for: spec, progress: progress)
        var rendered: [[UInt8]] = []
        var notices: [LayoutNotice] = []
        for target in targets {
            do {
                let output = try built.rendered(target.format)
                rendered.append(output.bytes)
                for notice in output.notices where !notices.contains(notice) { notices.append(notice) }
            } catch {
                throw LRPlotError(.runtime, file: target.path, "cannot render: \(error)")
            }
        }
        for (target, bytes) in zip(targets, rendered) {
            try AtomicFile.write(bytes, to: target.path)
        }
        return Report(written: targets.map(\.path), warnings: built.warnings + notices.map { LRPlotWarning($0, file: spec.file) },
                      chart: built.chart)
    }
}
