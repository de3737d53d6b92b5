import Foundation
import ScheduleCore

/// Renders a spec to its output files: decode, evaluate, draw every format in memory, then
/// write each file atomically. Nothing is written unless everything rendered.
public enum RenderJob {
    /// What a render did.
    public struct Report: Sendable {
        /// Paths written, in order.
        public var written: [String]
        /// Warnings for stderr (schedules that stopped where the framework would raise).
        public var warnings: [String]
    }

    /// Renders the spec at `specPath` to `outputs`, or to the spec's `"output"`, or to
    /// `output/<spec name>.png`.
    ///
    /// - Parameter progress: for specs with `"simulate"`: (schedule index, steps done).
    public static func run(
        specPath: String, outputs overrides: [String], progress: ((Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> Report {
        try run(spec: try SpecFile.load(specPath), specPath: specPath, outputs: overrides, progress: progress)
    }

    /// The chart a decoded spec describes: a schedule chart, or with `"simulate"` the
    /// simulation's panels.
    public static func chart(
        for spec: Spec, file: String, progress: ((Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> ChartBuilder.Built {
        if spec.simulation != nil {
            let results = try SimulationJob.run(spec, file: file, progress: progress)
            return try SimulationChartBuilder(spec: spec, file: file, results: results).build()
        }
        return try ChartBuilder(spec: spec, file: file).build()
    }

    /// Renders an already decoded spec (read from `specPath`).
    public static func run(
        spec: Spec, specPath: String, outputs overrides: [String], progress: ((Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> Report {
        var outputs = overrides.isEmpty ? spec.outputs : overrides
        var createDefaultDirectory = false
        if outputs.isEmpty {
            outputs = [SpecFile.defaultOutput(for: specPath)]
            createDefaultDirectory = true
        }
        var formats: [OutputFormat] = []
        for path in outputs {
            guard let format = OutputFormat(path: path) else {
                throw LRPlotError(.badInput, file: path, "unknown output format; use a .png, .svg or .pdf file name")
            }
            formats.append(format)
        }
        if createDefaultDirectory {
            try? FileManager.default.createDirectory(atPath: "output", withIntermediateDirectories: true)
        }
        for path in outputs { try AtomicFile.checkWritable(path) }

        let chart = try chart(for: spec, file: specPath, progress: progress)
        var rendered: [[UInt8]] = []
        for (path, format) in zip(outputs, formats) {
            do {
                rendered.append(try chart.render(format))
            } catch {
                throw LRPlotError(.runtime, file: path, "cannot render: \(error)")
            }
        }
        for (path, bytes) in zip(outputs, rendered) {
            try AtomicFile.write(bytes, to: path)
        }
        return Report(written: outputs, warnings: chart.warnings)
    }
}
