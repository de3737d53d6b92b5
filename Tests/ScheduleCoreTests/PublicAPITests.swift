import ScheduleCore
import Testing

/// The README's "Using ScheduleCore from Swift" example, compiled and checked.
@Suite struct PublicAPITests {
    @Test func readmeExampleWorks() throws {
        let schedule = try ScheduleCatalog.standard.make(
            try JSONParser.parse(#"{"type": "torch.OneCycleLR", "lr": 0.01, "max_lr": 0.1, "total_steps": 1000}"#),
            path: "")
        var cursor = try ScheduleCursor(schedule, steps: 1000)
        var seen = 0
        var peak = 0.0
        while let (step, lr, momentum) = cursor.next() {
            #expect(step == seen)
            #expect(momentum != nil)
            peak = max(peak, lr)
            seen += 1
        }
        #expect(seen == 1000 && cursor.stop == nil)
        #expect(abs(peak - 0.1) < 1e-12)
        var blocks = try ScheduleCursor(schedule, steps: 1000)
        var block = ScheduleBlock()
        var blockRates: [Double] = []
        while blocks.next(256, into: &block) {
            #expect(block.firstStep == blockRates.count && block.momenta.count == block.count)
            blockRates += block.learningRates
        }
        #expect(blockRates.count == 1000)
        let series = try schedule.evaluate(steps: 1000)
        #expect(blockRates == series.learningRates)
        #expect(series.learningRates.count == 1000)
        #expect(series.momenta?.count == 1000)
        // torch's OneCycleLR starts at max_lr / div_factor, computed through its cosine anneal
        // (0.0040000000000000036 in torch too).
        #expect(abs(series.learningRates[0] - 0.1 / 25) < 1e-15)

        let cosine = try ScheduleCatalog.standard.make(
            try JSONParser.parse(#"{"type": "cosine", "lr": 0.1, "total_steps": 100}"#), path: "")
        let closed = try #require(cosine as? any ClosedFormSchedule)
        #expect(closed.value(at: 12_345) == 0)
        #expect(closed.value(at: 50) == (try cosine.evaluate(steps: 51)).learningRates[50])
    }

    /// Parameter groups: one schedule per group, stopping together where torch raises for any.
    @Test func parameterGroupsGiveOneSchedulePerGroup() throws {
        let groups = try ScheduleCatalog.standard.makeGroups(
            try JSONParser.parse(#"{"type": "torch.LambdaLR", "lr": [0.1, 0.01], "lr_lambda": ["0.5 ** epoch", "1 / (3 - epoch)"]}"#),
            path: "")
        #expect(groups.count == 2)
        let first = try groups[0].evaluate(steps: 10), second = try groups[1].evaluate(steps: 10)
        #expect(first.learningRates == [0.1, 0.05, 0.025])
        #expect(second.learningRates.count == 3)
        #expect(first.stop == ScheduleStop(step: 3, "ZeroDivisionError: division by zero"))
        #expect(second.stop == first.stop)
        // The README's backbone and head.
        let net = try ScheduleCatalog.standard.makeGroups(
            try JSONParser.parse(#"{"type": "torch.OneCycleLR", "lr": [0.001, 0.01], "max_lr": [0.004, 0.04], "total_steps": 1000}"#),
            path: "")
        #expect(try net[1].evaluate(steps: 1000).learningRates[299] == 0.04)
        #expect(try net[0].evaluate(steps: 1000).learningRates[299] == 0.004)
        // One group: the same schedule `make` builds.
        let single = try ScheduleCatalog.standard.makeGroups(
            try JSONParser.parse(#"{"type": "torch.StepLR", "lr": 0.1, "step_size": 2}"#), path: "")
        #expect(single.count == 1)
        // `make` refuses several groups rather than dropping some.
        #expect(throws: ScheduleError.self) {
            try ScheduleCatalog.standard.make(try JSONParser.parse(#"{"type": "torch.StepLR", "lr": [0.1, 0.2], "step_size": 2}"#), path: "")
        }
    }
}
