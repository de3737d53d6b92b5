import ScheduleCore

/// Trains `spec.problem` with `spec.optimizer` for up to `steps` steps, the learning rate
/// (and cycled momentum) of each step taken from `schedule`.
///
/// Step t = 0, 1, …:
/// 1. lr_t, momentum_t = the schedule state's values (after t rounds);
/// 2. loss_t = the loss of step t's batch at the current weights → `losses[t]`; when it is NaN
///    or infinite the run stops: `divergedAt = t`;
/// 3. validation (digits) of the same weights, where measured → `validationLoss[t]`;
/// 4. gradient, then one `optimizer.step()` with lr_t (and, if the schedule cycles momentum,
///    momentum/β₁ = momentum_t written into the optimizer as torch's schedulers do);
/// 5. the schedule advances (`scheduler.step()`). A metric-driven schedule (reduce-on-plateau)
///    is fed, in round t + 1, the metric of the weights after update t: the validation loss
///    for digits (the same value recorded as `validationLoss[t + 1]`), the full-batch training
///    loss for inline problems (= `losses[t + 1]`). The spec's own `metrics` are not used.
///
/// The schedule is walked by a closed-loop ``ScheduleCursor``. The run also ends early when
/// the schedule raises (``ScheduleStop``, e.g. torch's `OneCycleLR` past `total_steps`; `stop`
/// is set and the losses end at `stop.step`) or yields a non-finite learning rate
/// (`nonFiniteLearningRate` is set; no update is made with it).
///
/// Memory is O(steps) for the recorded series plus O(parameters).
///
/// - Parameter progress: called with the number of steps done, after every step.
/// - Throws: ``SimulationError`` when the schedule cycles momentum and the optimizer has none
///   (Adagrad; torch raises the same), when the run's estimated work is over
///   ``SimulationBudget/maximumWork`` and the spec does not allow a long run, or when the
///   digits data cannot be read.
public func simulate(
    schedule: any Schedule, spec: SimulationSpec, steps: Int, progress: ((Int) -> Void)? = nil
) throws(SimulationError) -> SimulationRun {
    var optimizer = spec.optimizer.optimizer
    if schedule.setsMomentum && !optimizer.supportsMomentumCycling {
        throw SimulationError(.unsupported, "\(optimizer.typeName) has no momentum or betas to cycle: optimizer must support momentum or beta1 with `cycle_momentum` option enabled (set \"cycle_momentum\": false)")
    }
    try spec.checkBudget(steps: steps, schedules: [schedule])
    switch spec.problem {
    case .inline(let problem):
        var objective = InlineObjective(problem: problem)
        return run(&objective, optimizer: &optimizer, schedule: schedule, steps: steps, evalEvery: nil, progress: progress)
    case .digits(let problem):
        let data: DigitsData
        switch DigitsData.bundled {
        case .success(let d): data = d
        case .failure(let error): throw SimulationError(.data, "\(error)")
        }
        var objective = DigitsObjective(problem: problem, data: data)
        return run(&objective, optimizer: &optimizer, schedule: schedule, steps: steps, evalEvery: problem.evalInterval(steps: steps), progress: progress)
    }
}

/// The training loop of ``simulate(schedule:spec:steps:progress:)``; `evalEvery` is `nil`
/// for problems without validation.
private func run<O: Objective>(
    _ objective: inout O, optimizer: inout any Optimizer, schedule: any Schedule, steps: Int, evalEvery: Int?,
    progress: ((Int) -> Void)?
) -> SimulationRun {
    let steps = max(steps, 0)
    var result = SimulationRun()
    result.losses.reserveCapacity(steps)
    result.learningRates.reserveCapacity(steps)
    let setsMomentum = schedule.setsMomentum
    if setsMomentum { result.momenta = [] }
    let metricDriven = schedule.usesMetrics
    var effective: EffectiveStepSeries? = optimizer.isAdaptive ? EffectiveStepSeries() : nil
    var w = objective.initialParameters
    var gradient = [Double](repeating: 0, count: w.count)
    var rates: [Double] = []
    var sorted = [Double](repeating: 0, count: w.count)
    // Parameters that have received a non-zero gradient so far: the others (weights of
    // pixels that are blank in every image seen) have v = 0 and an effective step of lr / eps,
    // which says nothing about training, so the percentiles leave them out.
    var touched = [Bool](repeating: false, count: w.count)
    var touchedCount = 0
    var pendingValidation: (loss: Double, accuracy: Double)?
    var cursor = ScheduleCursor(closedLoop: schedule, steps: steps)
    var metric: Double?
    for t in 0..<steps {
        guard let (_, lr, scheduled) = cursor.next(feeding: metric) else {
            result.stop = cursor.stop
            break
        }
        if let bad = cursor.nonFinite {
            result.nonFiniteLearningRate = bad
            break
        }
        let momentum = setsMomentum ? scheduled : nil
        let loss = objective.trainingLoss(w, gradient: &gradient)
        guard loss.isFinite else {
            result.divergedAt = t
            break
        }
        result.losses.append(loss)
        result.learningRates.append(lr)
        if setsMomentum { result.momenta?.append(momentum ?? .nan) }
        if let evalEvery {
            if metricDriven || t % evalEvery == 0 || t == steps - 1 {
                let v = pendingValidation ?? objective.validate(w)
                result.validationLoss.append(v?.loss)
                result.validationAccuracy.append(v?.accuracy)
            } else {
                result.validationLoss.append(nil)
                result.validationAccuracy.append(nil)
            }
        }
        pendingValidation = nil
        optimizer.step(parameters: &w, gradient: gradient, learningRate: lr, momentum: momentum, effectiveRates: &rates)
        if effective != nil, !rates.isEmpty {
            if touchedCount < touched.count {
                for i in gradient.indices where !touched[i] && gradient[i] != 0 {
                    touched[i] = true
                    touchedCount += 1
                }
            }
            let counted = touchedCount == rates.count ? rates.count : touchedCount
            sorted.withUnsafeMutableBufferPointer { all in
                if touchedCount == rates.count {
                    rates.withUnsafeBufferPointer { r in _ = all.initialize(from: r) }
                } else {
                    var k = 0
                    for i in rates.indices where i < touched.count && touched[i] {
                        all[k] = rates[i]
                        k += 1
                    }
                }
                let s = UnsafeMutableBufferPointer(rebasing: all[0..<counted])
                if s.isEmpty || s.contains(where: \.isNaN) {
                    effective?.median.append(.nan)
                    effective?.p10.append(.nan)
                    effective?.p90.append(.nan)
                } else {
                    effective?.median.append(Quantiles.linear(s, 0.5))
                    effective?.p10.append(Quantiles.linear(s, 0.1))
                    effective?.p90.append(Quantiles.linear(s, 0.9))
                }
            }
        }
        progress?(t + 1)
        guard t + 1 < steps else { break }
        if metricDriven {
            if evalEvery != nil, let v = objective.validate(w) {
                pendingValidation = v
                metric = v.loss
            } else {
                metric = objective.plateauMetric(w)
            }
        }
    }
    result.effectiveStep = effective
    return result
}
