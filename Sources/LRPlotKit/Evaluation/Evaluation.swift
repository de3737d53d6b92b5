import ScheduleCore

/// The evaluation stage between a decoded ``Spec`` and its sinks (chart, values, simulation
/// table): walks each schedule once, in the form its sink needs, and applies the one policy
/// for what a walk can find.
///
/// Every walk goes through ``ScheduleCursor`` (which feeds `metrics[t − 1]`, ends a series
/// where the framework raises, and notes the first non-finite value) or, for charts of long
/// runs, ``ColumnSampler`` (closed-form columns, or the cursor's walk reduced per column).
/// What a walk found becomes an ``EvaluationDiagnostic``; ``apply(_:to:)`` is the policy:
/// a stop or a divergence is a warning, a NaN or infinite learning rate an error.
public enum Evaluation {
    /// One schedule's learning rates (and momenta) for a chart.
    public enum ChartValues: Sendable {
        /// The value at every step `0 ..< count` (a shorter array when the schedule stopped);
        /// `momenta` when the schedule set one at every step.
        case steps(learningRates: [Double], momenta: [Double]?)
        /// Per-column first/min/max/last summaries of a long run (see ``ColumnSampler``).
        case columns(learningRates: [ColumnSummary], momenta: [ColumnSummary]?)
    }

    /// Evaluates every schedule of `spec` for a chart `columns` columns wide: the full series
    /// when it has at most `decimationFactor × columns` steps, per-column summaries otherwise.
    ///
    /// - Parameter progress: (schedule index, steps walked) for long runs of schedules that
    ///   are walked step by step, from the thread walking each.
    /// - Returns: one value per schedule, in order, and the warnings.
    /// - Throws: ``LRPlotError`` (`.spec`) when a schedule lacks metrics or yields NaN or
    ///   infinity.
    public static func forChart(
        _ spec: Spec, columns: Int, decimationFactor: Int, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(LRPlotError) -> (values: [ChartValues], warnings: [LRPlotWarning]) {
        var values: [ChartValues] = []
        var diagnostics: [EvaluationDiagnostic] = []
        if spec.steps > decimationFactor * columns {
            let sampler = ColumnSampler(steps: spec.steps, columns: columns)
            for (index, result) in sampler.sampleAll(spec.schedules.map(\.schedule), progress: progress).enumerated() {
                let reduced: ColumnSampler.Result
                do {
                    reduced = try result.get()
                } catch {
                    throw failure(error, entry: spec.schedules[index], spec: spec)
                }
                diagnostics += found(in: index, stop: reduced.stop, nonFinite: reduced.nonFinite)
                values.append(.columns(learningRates: reduced.learningRates, momenta: reduced.momenta))
            }
        } else {
            for (index, entry) in spec.schedules.enumerated() {
                var cursor = try self.cursor(for: entry, in: spec)
                var block = ScheduleBlock()
                var rates: [Double] = []
                var momenta: [Double] = []
                rates.reserveCapacity(spec.steps)
                var momentumEverywhere = entry.schedule.setsMomentum
                while cursor.next(4_096, into: &block) {
                    rates += block.learningRates
                    if momentumEverywhere {
                        for m in block.momenta {
                            guard let m else { momentumEverywhere = false; break }
                            momenta.append(m)
                        }
                    }
                }
                diagnostics += found(in: index, stop: cursor.stop, nonFinite: cursor.nonFinite)
                values.append(.steps(learningRates: rates, momenta: momentumEverywhere && !momenta.isEmpty ? momenta : nil))
            }
        }
        return (values, try apply(diagnostics, to: spec))
    }

    /// A cursor over `entry`'s steps `0 ..< spec.steps`, for sinks that stream.
    ///
    /// - Throws: ``LRPlotError`` (`.spec`) when a metric-driven schedule has too few metrics.
    public static func cursor(for entry: ScheduleEntry, in spec: Spec) throws(LRPlotError) -> ScheduleCursor {
        do {
            return try ScheduleCursor(entry.schedule, steps: spec.steps)
        } catch {
            throw failure(error, entry: entry, spec: spec)
        }
    }

    /// What a walk of schedule `index` found: its stop and its first non-finite value.
    public static func found(in index: Int, stop: ScheduleStop?, nonFinite: SamplePoint?) -> [EvaluationDiagnostic] {
        var out: [EvaluationDiagnostic] = []
        if let nonFinite { out.append(.nonFinite(schedule: index, step: nonFinite.step, value: nonFinite.value)) }
        if let stop { out.append(.stopped(schedule: index, step: stop.step, reason: stop.message)) }
        return out
    }

    /// The policy: the earliest non-finite learning rate (then the leftmost schedule) is an
    /// error; stops and divergences are warnings, in schedule order.
    ///
    /// - Throws: ``LRPlotError`` (`.spec`): "LABEL produced NaN at step N; check its parameters".
    public static func apply(_ diagnostics: [EvaluationDiagnostic], to spec: Spec) throws(LRPlotError) -> [LRPlotWarning] {
        var firstBad: (step: Int, schedule: Int, value: Double)?
        var warnings: [LRPlotWarning] = []
        for diagnostic in diagnostics {
            switch diagnostic {
            case let .nonFinite(schedule, step, value):
                if firstBad.map({ (step, schedule) < ($0.step, $0.schedule) }) ?? true { firstBad = (step, schedule, value) }
            case let .stopped(schedule, step, reason):
                warnings.append(warning(.scheduleStopped(step: step, reason: reason), schedule: schedule, spec: spec))
            case let .diverged(schedule, step):
                warnings.append(warning(.diverged(step: step), schedule: schedule, spec: spec))
            }
        }
        if let bad = firstBad {
            let entry = spec.schedules[bad.schedule]
            throw LRPlotError(.spec, file: spec.file, path: entry.path,
                              "\(entry.label) produced \(bad.value.isNaN ? "NaN" : "infinity") at step \(bad.step); check its parameters")
        }
        return warnings
    }

    static func warning(_ kind: LRPlotWarning.Kind, schedule: Int, spec: Spec) -> LRPlotWarning {
        let entry = spec.schedules[schedule]
        return LRPlotWarning(kind, location: SourceLocation(file: spec.file, path: entry.path), label: entry.label)
    }

    /// An evaluation that cannot start (too few metrics), as a spec error at the entry.
    static func failure(_ error: any Error, entry: ScheduleEntry, spec: Spec) -> LRPlotError {
        LRPlotError(.spec, file: spec.file, path: entry.path, "\(error)")
    }
}

/// What walking one schedule found, before the policy (``Evaluation/apply(_:to:)``) decides
/// what it means for the user. `schedule` is the index in the spec's `schedules`.
public enum EvaluationDiagnostic: Sendable, Equatable {
    /// The framework would raise at `step`; the series ends there.
    case stopped(schedule: Int, step: Int, reason: String)
    /// The learning rate at `step` is NaN or infinite (the first such step).
    case nonFinite(schedule: Int, step: Int, value: Double)
    /// A simulated run's loss became NaN or infinite at `step`.
    case diverged(schedule: Int, step: Int)
}
