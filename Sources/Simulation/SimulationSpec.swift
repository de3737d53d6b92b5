import ScheduleCore

/// The `"simulate"` object of a spec: which optimizer trains which problem.
///
/// ```json
/// "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1, "momentum": 0.9},
///              "problem": "digits", "model": "mlp", "batch_size": 32, "seed": 0}
/// "simulate": {"optimizer": {"type": "torch.Adam", "lr": 0.01},
///              "problem": {"loss": "logistic", "features": [[…]], "targets": […], "initial_weights": […]}}
/// ```
/// Keys beside `"problem"`: `model` (`linear` | `mlp`, default `mlp`), `hidden` (32),
/// `activation` (`tanh` | `relu`, default `tanh`), `batch_size` (32), `seed` (0) and
/// `eval_every` (min(one epoch, steps / 100)) — digits only; see ``DigitsProblem``; and
/// `allow_long` (false): run even past ``SimulationBudget/maximumWork``.
public struct SimulationSpec: Sendable, Equatable {
    public var optimizer: OptimizerSpec
    public var problem: Problem
    /// `"allow_long"`: run even past ``SimulationBudget/maximumWork`` (default `false`).
    public var allowLong: Bool

    public init(optimizer: OptimizerSpec, problem: Problem, allowLong: Bool = false) {
        self.optimizer = optimizer
        self.problem = problem
        self.allowLong = allowLong
    }

    public static let parameters: [ParameterSpec] = [
        ParameterSpec("optimizer", .json, .required, "The optimizer: {\"type\": \"torch.SGD\" | \"torch.Adam\" | \"torch.AdamW\" | \"torch.RMSprop\" | \"torch.Adagrad\", …}."),
        ParameterSpec("problem", .json, .required, "\"digits\", or an inline problem {\"loss\", \"features\", \"targets\", \"initial_weights\"}."),
        .bool("allow_long", default: false, "Run even when the estimated work is over the budget (10¹² multiply-adds, about a quarter of an hour); see README \"Resource limits\"."),
    ] + DigitsProblem.parameters

    /// Decodes the `"simulate"` object found at `path` (e.g. `simulate`).
    ///
    /// - Throws: ``ScheduleError`` at the offending key's path (`simulate.optimizer.betas`),
    ///   with a suggestion for misspelt keys and types.
    public static func decode(_ value: JSONValue, path: String) throws(ScheduleError) -> SimulationSpec {
        guard case .object(let members) = value else {
            throw ScheduleError(path: path, "expected an object like {\"optimizer\": {…}, \"problem\": \"digits\"}, found \(value.kindDescription)")
        }
        do {
            let p = try Parameters(validating: members, typeName: "simulate", path: path, specs: parameters)
            guard let optimizerValue = try p.raw("optimizer") else { throw p.error("optimizer", "expected an optimizer object, found null") }
            let optimizer = try OptimizerSpec.decode(optimizerValue, path: p.path(of: "optimizer"))
            let problemPath = p.path(of: "problem")
            let problem: Problem
            switch try p.raw("problem") {
            case .string("digits"):
                problem = .digits(try DigitsProblem.decode(p))
            case .string(let name):
                var message = "unknown problem \"\(name)\"; expected \"digits\" or an inline problem object"
                if Suggestion.closest(to: name, in: ["digits"]) != nil { message += "; did you mean \"digits\"?" }
                throw ScheduleError(path: problemPath, message)
            case .object(let problemMembers):
                for spec in DigitsProblem.parameters where p.isGiven(spec.name) {
                    throw p.error(spec.name, "only used with \"problem\": \"digits\"")
                }
                problem = .inline(try InlineProblem.decode(problemMembers, path: problemPath))
            case let other:
                throw ScheduleError(path: problemPath,
                                    "expected \"digits\" or an inline problem object, found \((other ?? .null).kindDescription)")
            }
            return SimulationSpec(optimizer: optimizer, problem: problem, allowLong: try p.bool("allow_long"))
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(path: path, "\(error)")
        }
    }

    /// Builds a schedule to drive this simulation's optimizer: a schedule object without an
    /// `lr` of its own takes the optimizer's (as a torch scheduler starts from the group's lr).
    public func makeSchedule(_ value: JSONValue, path: String, catalog: ScheduleCatalog = .standard) throws(ScheduleError) -> any Schedule {
        do {
            return try catalog.make(value, path: path, inherited: optimizer.inheritedScheduleValues)
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(path: path, "\(error)")
        }
    }
}
