/// Which steps `lrplot values` prints a row for.
public enum RowSelection: Sendable, Equatable {
    /// Every step `0 ..< steps`.
    case all
    /// Steps `0, n, 2n, …` below `steps` (`--every n`).
    case every(Int)
    /// The steps listed (`--at 0,100,5000`), printed in step order, each once.
    case at([Int])
    /// The first step of each epoch, `0, spe, 2·spe, …` (`--per-epoch`); needs
    /// `steps_per_epoch`.
    case perEpoch

    /// The steps selected in `spec`, in increasing order; `nil` for every step.
    ///
    /// - Throws: ``LRPlotError`` (`.arguments`): a step outside `0 ..< steps`, a stride below
    ///   1, `--per-epoch` without `steps_per_epoch`.
    func steps(in spec: Spec) throws(LRPlotError) -> SelectedSteps? {
        switch self {
        case .all:
            return nil
        case .every(let n):
            guard n >= 1 else { throw LRPlotError(.arguments, "--every \(n): give a whole number of steps ≥ 1") }
            return n == 1 ? nil : .stride(n)
        case .at(let list):
            for step in list where !(0..<spec.steps).contains(step) {
                throw LRPlotError(.arguments, "--at \(step): the spec covers steps 0 … \(spec.steps - 1) (\"steps\": \(spec.steps))")
            }
            return .list(Array(Set(list)).sorted())
        case .perEpoch:
            guard let spe = spec.stepsPerEpoch else {
                throw LRPlotError(.arguments, file: spec.file, "--per-epoch needs a top-level \"steps_per_epoch\" in the spec")
            }
            return spe == 1 ? nil : .stride(spe)
        }
    }
}

/// The steps of a ``RowSelection`` other than `.all`, without holding a stride's steps in
/// memory.
enum SelectedSteps: Sendable, Equatable {
    /// `0, n, 2n, …` below the spec's steps.
    case stride(Int)
    /// These steps, increasing.
    case list([Int])

    /// The selected steps below `steps`, in order.
    func steps(below steps: Int) -> AnySequence<Int> {
        switch self {
        case .stride(let n): return AnySequence(Swift.stride(from: 0, to: steps, by: n))
        case .list(let list): return AnySequence(list.lazy.filter { $0 < steps })
        }
    }
}
