import Foundation
import ScheduleCore

/// Schedule objects with one numeric parameter set to an extreme value, and the checks that
/// every one of them gives values or a clear error — never a trap.
///
/// A *variant* is a base object (a reference case's schedule, or one of ``genericBases``)
/// with one numeric leaf replaced by one of ``values``. The leaves are every number in the
/// object (nested schedules, lists and free-form JSON parameters included; of a long list,
/// the first two and the last element) and every declared number or whole-number parameter
/// of every schedule object in it that the base leaves at its default.
public enum ExtremeValues {
    /// 0, ±1, 2⁶², Int64 min/max, ±1e308 and the smallest subnormal, as JSON numbers.
    public static let values: [JSONValue] = [
        .integer(0), .integer(1), .integer(-1), .integer(1 << 62), .integer(.min), .integer(.max),
        .number(1e308), .number(-1e308), .number(.leastNonzeroMagnitude),
    ]

    /// One base object with one leaf replaced.
    public struct Variant: CustomStringConvertible, Sendable {
        /// The schedule type of the base.
        public var typeName: String
        /// The replaced leaf, as a JSON path (`schedulers[1].T_max`).
        public var leaf: String
        /// The value put there.
        public var value: JSONValue
        /// The whole schedule object.
        public var object: JSONValue

        public var description: String { "\(typeName) with \(leaf) = \(JSONWriter.write(value)): \(JSONWriter.write(object))" }
    }

    /// A schedule object for each type that the reference fixtures lack, and for the modes
    /// of the generic families that change their arithmetic.
    public static let genericBases: [String] = [
        #"{"type": "constant", "lr": 0.1}"#,
        #"{"type": "cosine", "lr": 0.1, "min_lr": 0.001, "total_steps": 100}"#,
        #"{"type": "cosine_restarts", "lr": 0.1, "period": 10}"#,
        #"{"type": "cosine_restarts", "lr": 0.1, "period": 10, "t_mult": 2, "decay": 0.5, "min_lr": 0.001}"#,
        #"{"type": "cyclic", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10}"#,
        #"{"type": "cyclic", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10, "step_size_down": 5, "mode": "triangular2"}"#,
        #"{"type": "cyclic", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10, "mode": "exp_range", "gamma": 0.99}"#,
        #"{"type": "exponential", "lr": 0.1, "gamma": 0.9}"#,
        #"{"type": "expr", "expr": "0.1 * 0.5 ** (step // 3)"}"#,
        // Expressions have no numeric parameters: extreme numbers inside them instead.
        #"{"type": "expr", "expr": "1e-300 * (step * 9223372036854775807 + 4611686018427387904 * step ** 3 - (-9223372036854775808) // (step - 3)) % 1e308"}"#,
        #"{"type": "torch.LambdaLR", "lr": 0.1, "lr_lambda": "1 / (1 + epoch * 9223372036854775807 * 9223372036854775807)"}"#,
        #"{"type": "torch.MultiplicativeLR", "lr": 0.1, "lr_lambda": "min(1.0, 9223372036854775807 / (epoch + 1) ** 40)"}"#,
        #"{"type": "inverse_sqrt", "lr": 0.1, "warmup_steps": 10}"#,
        #"{"type": "inverse_sqrt", "d_model": 512, "warmup_steps": 10, "scale": 2}"#,
        #"{"type": "linear", "lr": 0.1, "end_lr": 0.01, "total_steps": 100}"#,
        #"{"type": "multistep", "lr": 0.1, "milestones": [3, 10], "gamma": 0.5}"#,
        #"{"type": "one_cycle", "max_lr": 0.1, "total_steps": 100}"#,
        #"{"type": "one_cycle", "max_lr": 0.1, "total_steps": 100, "pct_start": 0.25, "div_factor": 10, "final_div_factor": 100, "anneal": "linear", "three_phase": true}"#,
        #"{"type": "piecewise", "knots": [[0, 0.1], [10, 0.01], [20, 0.05]]}"#,
        #"{"type": "piecewise", "knots": [[2, 0.1], [10, 0.01]], "interpolation": "cosine"}"#,
        #"{"type": "piecewise", "knots": [[0, 0.1], [10, 0.01]], "interpolation": "step"}"#,
        #"{"type": "plateau", "lr": 0.1, "metrics": [1, 1, 1, 1, 0.5, 0.5, 0.5], "patience": 1, "cooldown": 1}"#,
        #"{"type": "plateau", "lr": 0.1, "metrics": [1, 2, 2, 2, 2, 3], "mode": "max", "threshold_mode": "abs", "patience": 1, "factor": 0.5, "min_lr": 0.01, "eps": 0}"#,
        #"{"type": "polynomial", "lr": 0.1, "end_lr": 0.001, "total_steps": 100, "power": 2}"#,
        #"{"type": "product", "schedules": [{"type": "step", "lr": 0.1, "step_size": 3}, {"type": "linear", "lr": 1, "total_steps": 10}]}"#,
        #"{"type": "product", "schedules": [{"type": "exponential", "lr": 0.1, "gamma": 0.9}, {"type": "plateau", "lr": 1, "metrics": [1, 1, 1, 1], "patience": 0}]}"#,
        #"{"type": "rex", "lr": 0.1, "min_lr": 0.001, "total_steps": 100}"#,
        #"{"type": "sequence", "schedules": [{"type": "linear", "lr": 0.01, "end_lr": 0.1, "total_steps": 5}, {"type": "cosine", "lr": 0.1, "total_steps": 20}], "boundaries": [5]}"#,
        #"{"type": "sequence", "lr": 0.1, "schedules": [{"type": "constant"}, {"type": "torch.StepLR", "step_size": 2}], "boundaries": [3]}"#,
        #"{"type": "step", "lr": 0.1, "step_size": 3, "gamma": 0.5}"#,
        #"{"type": "tanh", "lr": 0.1, "min_lr": 0.001, "total_steps": 100}"#,
        #"{"type": "time_based", "lr": 0.1, "decay": 0.5}"#,
        #"{"type": "time_based", "lr": 0.1, "decay": 0.5, "decay_steps": 4, "staircase": true}"#,
        #"{"type": "warmup", "warmup_steps": 5, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 50}}"#,
        #"{"type": "warmup", "warmup_steps": 5, "warmup": "exponential", "start_factor": 0.01, "child_steps": "global", "schedule": {"type": "step", "lr": 0.1, "step_size": 7}}"#,
        #"{"type": "warmup", "warmup_steps": 4, "warmup": "cosine", "start_lr": 0.001, "lr": 0.1, "schedule": {"type": "torch.ExponentialLR", "gamma": 0.9}}"#,
        #"{"type": "warmup", "warmup_steps": 4, "warmup": "constant", "child_steps": "global", "schedule": {"type": "plateau", "lr": 0.1, "metrics": [1, 1, 1, 1, 1, 1], "patience": 0}}"#,
        #"{"type": "wsd", "lr": 0.1, "total_steps": 100, "warmup_steps": 10}"#,
        #"{"type": "wsd", "lr": 0.1, "warmup_steps": 10, "stable_steps": 50, "decay_steps": 20, "decay_shape": "cosine", "min_lr": 0.001}"#,
        #"{"type": "wsd", "lr": 0.1, "total_steps": 100, "warmup_steps": 10, "stable_steps": 70, "decay_fraction": 0.2, "decay_shape": "sqrt"}"#,
    ]

    /// The base objects: ``genericBases`` and, from each reference fixture file, one schedule
    /// for each combination of type, keys and string or boolean values (the modes).
    public static func bases(fixtures: [URL]) throws -> [JSONValue] {
        var out = try genericBases.map { try JSONParser.parse($0) }
        var seen: Set<String> = []
        for url in fixtures {
            let document = try JSONParser.parse(try String(contentsOf: url, encoding: .utf8))
            guard case .array(let cases)? = document["cases"] else { continue }
            for c in cases {
                guard let schedule = c["schedule"] else { continue }
                let key = signature(schedule)
                if seen.insert(key).inserted { out.append(schedule) }
            }
        }
        return out
    }

    /// The reference fixtures of ScheduleCoreTests, read from the package's source tree.
    public static func fixtureFiles(root: URL = PackagePaths.root()) -> [URL] {
        ["frameworks.json", "torch_extra.json", "deepspeed.json", "mmengine.json", "timm_factory.json"].map {
            root.appendingPathComponent("Tests/ScheduleCoreTests/Fixtures").appendingPathComponent($0)
        }
    }

    /// The type, the keys, and the string and boolean values of an object, recursively.
    static func signature(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            return "{" + members.map { "\($0.key):\(signature($0.value))" }.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + items.map(signature).joined(separator: ",") + "]"
        case .string(let s): return JSONWriter.quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .integer, .number: return "#"
        }
    }

    /// A step into a JSON value: an object key or an array index.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// Every variant of `base`: each leaf set to each of `values`.
    public static func variants(of base: JSONValue, values: [JSONValue] = values,
                                catalog: ScheduleCatalog = .standard) -> [Variant] {
        var leaves: [[Step]] = []
        var seen: Set<[Step]> = []
        collectLeaves(base, at: [], catalog: catalog, into: &leaves, seen: &seen)
        let typeName: String
        if case .string(let s)? = base["type"] { typeName = s } else { typeName = "?" }
        return leaves.flatMap { leaf in
            values.map { v in
                Variant(typeName: typeName, leaf: describe(leaf), value: v, object: replacing(base, at: leaf[...], with: v))
            }
        }
    }

    /// Every variant of `base` with two leaves set at once, each pair to each of `values`
    /// (both the same value, and each with its negation), for sums and products of two
    /// extreme parameters.
    public static func pairVariants(of base: JSONValue, values: [JSONValue], catalog: ScheduleCatalog = .standard) -> [Variant] {
        var leaves: [[Step]] = []
        var seen: Set<[Step]> = []
        collectLeaves(base, at: [], catalog: catalog, into: &leaves, seen: &seen)
        let typeName: String
        if case .string(let s)? = base["type"] { typeName = s } else { typeName = "?" }
        var out: [Variant] = []
        for i in leaves.indices {
            for j in leaves.indices where j > i {
                for v in values {
                    for w in [v, negated(v)] {
                        let object = replacing(replacing(base, at: leaves[i][...], with: v), at: leaves[j][...], with: w)
                        out.append(Variant(typeName: typeName, leaf: describe(leaves[i]) + " & " + describe(leaves[j]),
                                           value: .array([v, w]), object: object))
                    }
                }
            }
        }
        return out
    }

    static func negated(_ v: JSONValue) -> JSONValue {
        switch v {
        case .integer(let i): return i == .min ? .integer(.max) : .integer(-i)
        case .number(let d): return .number(-d)
        default: return v
        }
    }

    static func collectLeaves(_ value: JSONValue, at path: [Step], catalog: ScheduleCatalog,
                              into leaves: inout [[Step]], seen: inout Set<[Step]>) {
        func add(_ p: [Step]) { if seen.insert(p).inserted { leaves.append(p) } }
        switch value {
        case .integer, .number:
            add(path)
        case .array(let items):
            for (i, item) in items.enumerated() where i < 2 || i == items.count - 1 {
                collectLeaves(item, at: path + [.index(i)], catalog: catalog, into: &leaves, seen: &seen)
            }
        case .object(let members):
            for m in members {
                collectLeaves(m.value, at: path + [.key(m.key)], catalog: catalog, into: &leaves, seen: &seen)
            }
            if case .string(let name)? = value["type"], let type = catalog.type(named: name) {
                for spec in type.parameters where spec.kind == .number || spec.kind == .integer {
                    if !members.contains(where: { $0.key == spec.name }) { add(path + [.key(spec.name)]) }
                }
            }
        default:
            break
        }
    }

    static func describe(_ path: [Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    static func replacing(_ value: JSONValue, at path: ArraySlice<Step>, with new: JSONValue) -> JSONValue {
        guard let first = path.first else { return new }
        let rest = path.dropFirst()
        switch (first, value) {
        case let (.key(k), .object(members)):
            var members = members
            if let i = members.firstIndex(where: { $0.key == k }) {
                members[i].value = replacing(members[i].value, at: rest, with: new)
            } else {
                members.append((k, replacing(.null, at: rest, with: new)))
            }
            return .object(members)
        case let (.index(i), .array(items)) where items.indices.contains(i):
            var items = items
            items[i] = replacing(items[i], at: rest, with: new)
            return .array(items)
        default:
            return value
        }
    }
}

extension ExtremeValues {
    /// What building and evaluating one schedule object gave.
    public enum Outcome: Sendable {
        /// The catalog refused it with this message.
        case refused(String)
        /// It built; `problems` lists every check that failed (empty when all passed).
        case evaluated(problems: [String])
    }

    /// Builds `object` and, when it builds, ``exercise(_:steps:)``s it.
    public static func check(_ object: JSONValue, catalog: ScheduleCatalog = .standard) -> Outcome {
        let schedule: any Schedule
        do {
            schedule = try catalog.make(object, path: "s")
        } catch {
            return .refused("\(error)")
        }
        return .evaluated(problems: exercise(schedule))
    }

    /// Steps probed around values where integer arithmetic on steps overflows or loses
    /// precision: 2³¹, 2⁵³, 2⁶² and `Int.max`.
    public static let probeRanges: [Range<Int>] = [
        0..<64, (1 << 31) - 32..<(1 << 31) + 32, (1 << 53) - 32..<(1 << 53) + 32,
        (1 << 62) - 32..<(1 << 62) + 32, Int.max - 64..<Int.max,
    ]

    /// Walks `schedule` one step and one block at a time, samples it in columns, and — when it
    /// is closed-form — evaluates it and its critical steps near `Int.max`. Returns the
    /// failed checks: differences between the walks, a column whose extremes differ from
    /// the steps', critical steps outside their range or missing an extreme, and
    /// breakpoints out of order.
    public static func exercise(_ schedule: any Schedule, steps: Int = 48) -> [String] {
        var problems: [String] = []
        // Step by step.
        var rates: [Double] = [], momenta: [Double?] = []
        var stop: ScheduleStop?
        do {
            var cursor = try ScheduleCursor(schedule, steps: steps)
            while let (_, lr, m) = cursor.next() {
                rates.append(lr)
                momenta.append(m)
            }
            stop = cursor.stop
            // A cursor over every step there is starts the same way.
            if !schedule.usesMetrics {
                var long = try ScheduleCursor(schedule, steps: .max)
                for t in 0..<min(rates.count, 4) {
                    guard let (_, lr, _) = long.next() else { problems.append("a cursor over Int.max steps stops at \(t)"); break }
                    if lr.bitPattern != rates[t].bitPattern { problems.append("a cursor over Int.max steps differs at \(t)") }
                }
            }
        } catch {
            // A clear refusal (too few metrics) is an answer.
            return "\(error)".isEmpty ? ["an evaluation error without a message"] : []
        }
        // A block at a time.
        if var blocks = try? ScheduleCursor(schedule, steps: steps) {
            var block = ScheduleBlock()
            var blockRates: [Double] = [], blockMomenta: [Double?] = []
            while blocks.next(5, into: &block) {
                blockRates += block.learningRates
                blockMomenta += block.recordsMomenta ? block.momenta : Array(repeating: nil, count: block.count)
            }
            if blockRates.map(\.bitPattern) != rates.map(\.bitPattern) { problems.append("the block walk differs") }
            if blockMomenta.map({ $0?.bitPattern }) != momenta.map({ $0?.bitPattern }) { problems.append("the block walk's momenta differ") }
            if blocks.stop != stop { problems.append("the block walk stops differently: \(String(describing: blocks.stop)) vs \(String(describing: stop))") }
        }
        if let stop, stop.message.isEmpty { problems.append("a stop without a message at \(stop.step)") }
        // Columns.
        if let sampled = try? ColumnSampler(steps: steps, columns: 7).sample(schedule) {
            for column in sampled.learningRates where column.range.upperBound <= rates.count {
                let values = rates[column.range]
                if column.first.value.bitPattern != values.first?.bitPattern || column.last.value.bitPattern != values.last?.bitPattern {
                    problems.append("column \(column.range) ends differ from the walk")
                }
                if !values.contains(where: \.isNaN), column.minimum.value != values.min() || column.maximum.value != values.max() {
                    problems.append("column \(column.range) extremes \(column.minimum.value)…\(column.maximum.value) differ from the walk's \(values.min()!)…\(values.max()!)")
                }
            }
        }
        // Breakpoints.
        for below in [steps, Int.max] {
            let points = schedule.breakpoints(below: below)
            if points != points.sorted() || points.contains(where: { $0 >= below || $0 < 0 }) {
                problems.append("breakpoints(below: \(below)) out of order or range")
            }
        }
        // Closed form far out.
        guard let closed = schedule as? any ClosedFormSchedule else { return problems }
        for range in probeRanges {
            let values = range.map { closed.value(at: $0) }
            guard let extrema = schedule as? any RangeExtrema, !schedule.usesMetrics, !schedule.setsMomentum,
                  let critical = extrema.criticalSteps(in: range) else { continue }
            if let outside = critical.first(where: { !range.contains($0) }) {
                problems.append("critical step \(outside) outside \(range)")
                continue
            }
            guard !values.contains(where: \.isNaN) else { continue }
            let candidates = critical + [range.lowerBound, range.upperBound - 1]
            let candidateValues = candidates.map { closed.value(at: $0) }
            if candidateValues.min() != values.min() || candidateValues.max() != values.max() {
                problems.append("critical steps in \(range) miss an extreme: \(candidateValues.min()!)…\(candidateValues.max()!) vs \(values.min()!)…\(values.max()!)")
            }
        }
        if let extrema = schedule as? any RangeExtrema {
            for range in [0..<Int.max, Int.max / 2..<Int.max, (1 << 62)..<Int.max] {
                if let critical = extrema.criticalSteps(in: range) {
                    if critical.contains(where: { !range.contains($0) }) { problems.append("a critical step outside \(range)") }
                    for s in critical.prefix(64) { _ = closed.value(at: s) }
                }
            }
        }
        return problems
    }
}
