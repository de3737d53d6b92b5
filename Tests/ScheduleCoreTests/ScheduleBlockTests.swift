import ScheduleCore
import Testing
import TestSupport

/// `ScheduleCursor.next(_:into:)` gives exactly the values and stop of calling `next()` once
/// per step, whatever the block size.
@Suite struct ScheduleBlockTests {
    static let specs = [
        #"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 500}"#,          // stops at 501
        #"{"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 37}"#,
        #"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 97, "eta_min": 0.001}"#,
        #"{"type": "torch.SequentialLR", "lr": 0.1, "schedulers": [{"type": "torch.LinearLR", "start_factor": 0.1, "total_iters": 50}, {"type": "torch.ExponentialLR", "gamma": 0.99}], "milestones": [50]}"#,
        #"{"type": "torch.ReduceLROnPlateau", "lr": 0.1, "patience": 3, "metrics": [\#((0..<10_000).map { String(1.0 / Double($0 % 40 + 1)) }.joined(separator: ", "))]}"#,
        #"{"type": "hf.cosine", "lr": 1, "num_warmup_steps": 10, "num_training_steps": 300}"#,
        #"{"type": "hf.linear", "lr": 1, "num_warmup_steps": 0, "num_training_steps": 0}"#,     // raises at once
        #"{"type": "exponential", "lr": 1, "gamma": 0.99}"#,
        #"{"type": "plateau", "lr": 0.1, "patience": 2, "metrics": [\#((0..<10_000).map { String(Double($0 % 7)) }.joined(separator: ", "))]}"#,
        #"{"type": "expr", "expr": "0.1 * 0.5 ** (step // 100)"}"#,
        #"{"type": "warmup", "warmup_steps": 20, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 400}}"#,
        // Momentum set by one part of a sequence only: nil at the other part's steps.
        #"{"type": "sequence", "boundaries": [300], "schedules": [{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 1000}, {"type": "cosine", "lr": 0.1, "total_steps": 500}]}"#,
        #"{"type": "sequence", "boundaries": [300], "schedules": [{"type": "cosine", "lr": 0.1, "total_steps": 500}, {"type": "torch.CyclicLR", "lr": 0.1, "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 50}]}"#,
        #"{"type": "timm.PlateauLRScheduler", "lr": 0.1, "patience_t": 2, "metrics": [\#((0..<10_000).map { String(Double($0 % 5)) }.joined(separator: ", "))]}"#,
    ]

    @Test(arguments: specs, [1, 3, 64, 1000])
    func blocksEqualSteps(_ spec: String, _ size: Int) throws {
        let schedule = try makeSchedule(spec)
        let steps = 777
        var one = try ScheduleCursor(schedule, steps: steps)
        var rates: [Double] = [], momenta: [Double?] = []
        while let (_, lr, m) = one.next() {
            rates.append(lr)
            momenta.append(m)
        }
        var many = try ScheduleCursor(schedule, steps: steps)
        var block = ScheduleBlock()
        var blockRates: [Double] = [], blockMomenta: [Double?] = []
        while many.next(size, into: &block) {
            #expect(block.firstStep == blockRates.count)
            #expect(block.count <= size)
            blockRates += block.learningRates
            blockMomenta += block.recordsMomenta ? block.momenta : Array(repeating: nil, count: block.count)
        }
        #expect(blockRates.map(\.bitPattern) == rates.map(\.bitPattern))
        #expect(blockMomenta.map { $0?.bitPattern } == momenta.map { $0?.bitPattern })
        #expect(many.stop == one.stop)
        #expect(many.step == one.step)
        #expect(!many.next(size, into: &block) && block.count == 0)
    }

    /// The streaming column sampler (which walks blocks) keeps each column's exact first,
    /// minimum, maximum and last, the momenta only where set at every step, and the stop.
    @Test(arguments: specs)
    func streamedColumnsEqualTheWalk(_ spec: String) throws {
        let schedule = try makeSchedule(spec)
        for (steps, columns) in [(9_000, 37), (777, 777), (5, 2)] {
            let walked = try schedule.evaluate(steps: steps)
            let sampler = ColumnSampler(steps: steps, columns: columns)
            let result = try sampler.sample(schedule)
            #expect(result.stop == walked.stop)
            #expect(result.learningRates.last?.range.upperBound ?? 0 == walked.learningRates.count)
            #expect(result.learningRates.count == (walked.learningRates.count > 0 ? (0..<columns).filter { sampler.start(ofColumn: $0) < walked.learningRates.count }.count : 0))
            #expect((result.momenta != nil) == (walked.momenta != nil && !walked.learningRates.isEmpty))
            for (summary, series) in [(result.learningRates, walked.learningRates)] + (result.momenta.map { [($0, walked.momenta ?? [])] } ?? []) {
                for column in summary {
                    let values = series[column.range]
                    #expect(column.first.value.bitPattern == values.first?.bitPattern)
                    #expect(column.last.value.bitPattern == values.last?.bitPattern)
                    #expect(column.minimum.value == values.min())
                    #expect(column.maximum.value == values.max())
                }
            }
        }
    }
}
