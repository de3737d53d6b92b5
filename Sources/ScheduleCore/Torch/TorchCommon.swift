/// Parameters and helpers shared by the torch types.
enum TorchCommon {
    /// The `lr` parameter: the SGD optimizer's learning rate, or one per parameter group.
    static let lrSpec = ParameterSpec(
        "lr", .numberPerGroup, .required,
        "The optimizer's initial learning rate (torch.optim.SGD, momentum 0.9); a list gives one parameter group per entry.")

    /// The `last_epoch` parameter: only a fresh scheduler (-1) is supported.
    static let lastEpochSpec = ParameterSpec.integer("last_epoch", default: -1, "The index of the last epoch; only -1 (a fresh scheduler) is supported.")

    /// The learning rate of each parameter group: `lr` as a number (one group) or a list.
    ///
    /// As `torch.optim.SGD([{"params": …, "lr": lr[g]}, …], lr=lr[0])`: SGD checks only its
    /// default lr (`Invalid learning rate`), which is the first group's; an empty list is
    /// torch's `optimizer got an empty parameter list`. Also checks `last_epoch`.
    static func learningRates(_ p: Parameters) throws -> [Double] {
        let lrs = try p.perGroupNumbers("lr")
        guard let first = lrs.values.first else {
            throw p.error("lr", "needs at least one learning rate (torch: optimizer got an empty parameter list)")
        }
        try p.check(first >= 0, "lr", "must be ≥ 0 (torch.optim.SGD raises \"Invalid learning rate: \(JSONWriter.format(first))\")")
        if p.isGiven("last_epoch") {
            let last = try p.integer("last_epoch")
            try p.check(last == -1, "last_epoch", "only -1 (a fresh scheduler) is supported, found \(last); resuming needs the optimizer's saved state")
        }
        return lrs.values
    }

    /// torch's `_format_param(name, optimizer, param)`: a list must have one value per
    /// parameter group ("`name` must have the same length as optimizer.param_groups. …"); a
    /// number applies to every group.
    static func perGroup(_ p: Parameters, _ name: String, groups: Int) throws -> [Double] {
        let given = try p.perGroupNumbers(name)
        guard given.isList else { return Array(repeating: given.values[0], count: groups) }
        try p.check(given.values.count == groups, name,
                    "\(name) must have the same length as optimizer.param_groups. \(name) has \(given.values.count) values, param_groups has \(groups).")
        return given.values
    }

    /// `ReduceLROnPlateau`'s `min_lr`: one for every group, or a list with one per group
    /// (torch: "expected N min_lrs, got M").
    static func minLRs(_ p: Parameters, groups: Int) throws -> [Double] {
        let given = try p.perGroupNumbers("min_lr")
        guard given.isList else { return Array(repeating: given.values[0], count: groups) }
        try p.check(given.values.count == groups, "min_lr", "expected \(groups) min_lrs, got \(given.values.count)")
        return given.values
    }

    /// `lr_lambda` of LambdaLR / MultiplicativeLR: one expression for every group, or a list
    /// with one per group (torch: "Expected N lr_lambdas, but got M").
    static func lambdas(_ p: Parameters, groups: Int) throws -> [Expression] {
        let given = try p.perGroupExpressions("lr_lambda")
        guard given.isList else { return Array(repeating: given.expressions[0], count: groups) }
        try p.check(given.expressions.count == groups, "lr_lambda", "Expected \(groups) lr_lambdas, but got \(given.expressions.count)")
        return given.expressions
    }

    /// A parameter torch checks with `isinstance(value, int)`: a number written with a
    /// fraction or an exponent (`10.0`) is a Python float and fails the check, with torch's
    /// `message(value as Python prints it)`.
    static func pythonInt(_ p: Parameters, _ name: String, _ message: (String) -> String) throws -> Int? {
        guard let raw = try p.raw(name) else { return nil }
        switch raw {
        case .integer(let i): return i
        case .number(let d): throw p.error(name, message(PythonFormat.float(d)) + " (torch checks isinstance(\(name), int); write it without a decimal point)")
        default: return try Parameters.integer(raw, at: p.path(of: name))
        }
    }

    /// The declaration of a parameter torch types as `int` but does not check.
    static func intInSignature(_ name: String, default value: Int? = nil, _ summary: String) -> ParameterSpec {
        ParameterSpec(name, .number, value.map { .value(.integer($0)) } ?? .required,
                      summary + " An int in torch's signature, unchecked: a float works as in Python.")
    }

    /// A parameter torch declares as `int` but does not check: a float works too, with
    /// Python's arithmetic (`int` and `float` differ only in the words of a division by zero).
    static func number(_ p: Parameters, _ name: String) throws -> PythonNumber {
        try PythonNumber(p, name)
    }

    /// Python's `bisect.bisect_right(sorted, x)`: how many elements are ≤ `x`.
    static func bisectRight(_ sorted: [Double], _ x: Double) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x < sorted[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// `k·n` for k ≥ 1 below `steps`, at most `limit` of them (`|n|` for a negative `n`,
    /// which decays at the same steps in torch's `%`); the first step at or past each multiple
    /// of a fractional `n`.
    static func multiples(of n: Double, below steps: Int, limit: Int = 1000) -> [Int] {
        let n = abs(n)
        guard n > 0, n.isFinite else { return [] }
        var out: [Int] = []
        var k = 1.0
        while out.count < limit {
            let step = Int(saturating: (k * n).rounded(.up))
            guard step < steps else { break }
            if out.last != step { out.append(step) }
            // On to the first multiple past this step: with a tiny n (5e-324) many multiples
            // share a step, and counting them one by one would not end.
            k = Swift.max(k + 1, (Double(step) / n).rounded(.down) + 1)
        }
        return out
    }

    /// The nested `schedulers` of SequentialLR / ChainedScheduler, per parameter group:
    /// `result[g][i]` is child `i`'s spec for group `g`. The children are torch objects
    /// without an `lr` of their own, built on the parent's optimizer (its groups).
    static func children(_ p: Parameters, groups: Int) throws -> [[any TorchScheduler]] {
        let objects = try p.objectList("schedulers")
        for (path, members) in objects {
            if members.contains(where: { $0.key == "lr" }) {
                throw ScheduleError(path: "\(path).lr", "nested schedulers share the optimizer of \(p.typeName): give \"lr\" once, on \(p.typeName) itself")
            }
            if case .string(let type)? = members.first(where: { $0.key == "type" })?.value, !type.hasPrefix("torch.") {
                throw ScheduleError(path: path, "\(p.typeName) chains torch schedulers only (types \"torch.…\"), found \"\(type)\"")
            }
        }
        guard let inherited = try p.raw("lr") else { throw p.error("lr", "expected a number, found null") }
        let built = try p.scheduleGroupsList("schedulers", inherit: ["lr": inherited])
        return try (0..<groups).map { g in
            try built.enumerated().map { i, schedules in
                guard g < schedules.count, let torch = TorchGroups.spec(schedules[g], group: g) else {
                    throw ScheduleError(path: "\(p.path(of: "schedulers"))[\(i)]", "\(p.typeName) chains torch schedulers only (types \"torch.…\")")
                }
                return torch
            }
        }
    }
}
