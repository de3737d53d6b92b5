import ScheduleCore

/// The schedule a logged series is compared with: a ScheduleCore schedule built from its JSON
/// object through ``ScheduleCatalog``, evaluated exactly, with how it is stepped.
///
/// The object is a spec schedule object: `{"type": "hf.cosine", "lr": 1e-3, …}`, optionally
/// with `"interval": "epoch"` (the schedule is stepped once per epoch and each epoch's value
/// holds for `steps_per_epoch` steps) and `"metrics"` for plateau schedules. `label`, `color`,
/// `dash` and `draw` are accepted and ignored (they belong to charts).
public struct CheckPlan: @unchecked Sendable {
    /// The schedule over steps (wrapped per epoch when ``interval`` is `.epoch`).
    public let schedule: any Schedule
    /// The schedule object as given (without `interval`), for refitting one parameter.
    public let object: [(key: String, value: JSONValue)]
    /// The schedule type's name.
    public let typeName: String
    /// How the plan is stepped.
    public let interval: Interval
    /// Steps per epoch, when known.
    public let stepsPerEpoch: Int?
    private let catalog: ScheduleCatalog

    /// How the plan's schedule is stepped.
    public enum Interval: String, Sendable {
        case step
        case epoch
    }

    /// Keys of a spec schedule object that are not the schedule's.
    static let presentationKeys: Set<String> = ["label", "color", "dash", "draw", "interval", "plan", "optimizer"]

    /// Builds the plan from a schedule object.
    ///
    /// - Throws: ``CheckError/plan(path:message:)`` with the JSON path (`path` names the
    ///   object), ``CheckError/needsStepsPerEpoch(reason:)`` for `"interval": "epoch"` without
    ///   `stepsPerEpoch`.
    public init(_ value: JSONValue, path: String = "plan", stepsPerEpoch: Int? = nil,
                catalog: ScheduleCatalog = .standard) throws(CheckError) {
        guard case .object(let members) = value else {
            throw .plan(path: path, message: "expected a schedule object like {\"type\": \"hf.cosine\", …}, found \(value.kindDescription)")
        }
        var interval = Interval.step
        if let given = members.first(where: { $0.key == "interval" })?.value {
            guard case .string(let s) = given, let parsed = Interval(rawValue: s) else {
                throw .plan(path: "\(path).interval", message: "expected \"step\" or \"epoch\", found \(given.kindDescription)")
            }
            interval = parsed
        }
        if interval == .epoch && stepsPerEpoch == nil {
            throw .needsStepsPerEpoch(reason: "the plan has \"interval\": \"epoch\"")
        }
        let own = members.filter { !Self.presentationKeys.contains($0.key) }
        let inner: any Schedule
        do {
            inner = try catalog.make(.object(own), path: path)
        } catch let error as ScheduleError {
            throw .plan(path: error.path, message: error.message)
        } catch {
            throw .plan(path: path, message: "\(error)")
        }
        guard case .string(let typeName)? = value["type"] else {
            throw .plan(path: "\(path).type", message: "missing \"type\"")
        }
        self.object = own
        self.typeName = typeName
        self.interval = interval
        self.stepsPerEpoch = stepsPerEpoch
        self.catalog = catalog
        self.schedule = interval == .epoch ? EpochIntervalSchedule.wrap(inner, stepsPerEpoch: stepsPerEpoch ?? 1) : inner
    }

    private init(schedule: any Schedule, object: [(key: String, value: JSONValue)], typeName: String,
                 interval: Interval, stepsPerEpoch: Int?, catalog: ScheduleCatalog) {
        self.schedule = schedule
        self.object = object
        self.typeName = typeName
        self.interval = interval
        self.stepsPerEpoch = stepsPerEpoch
        self.catalog = catalog
    }

    /// The parameters the plan's type declares.
    public var declaredParameters: [ParameterSpec] {
        catalog.type(named: typeName)?.parameters ?? []
    }

    /// The value of `name` in the object, or the type's default.
    public func value(of name: String) -> JSONValue? {
        if let given = object.first(where: { $0.key == name })?.value { return given }
        guard let spec = declaredParameters.first(where: { $0.name == name }) else { return nil }
        switch spec.defaultValue {
        case .value(let v): return v
        default: return nil
        }
    }

    /// The same plan with `name` set to `value`, or `nil` when the schedule cannot be built so.
    public func with(_ name: String, _ value: JSONValue) -> CheckPlan? {
        var members = object
        if let i = members.firstIndex(where: { $0.key == name }) { members[i].value = value } else { members.append((name, value)) }
        guard let inner = try? catalog.make(.object(members), path: "plan") else { return nil }
        let schedule = interval == .epoch ? EpochIntervalSchedule.wrap(inner, stepsPerEpoch: stepsPerEpoch ?? 1) : inner
        return CheckPlan(schedule: schedule, object: members, typeName: typeName, interval: interval,
                         stepsPerEpoch: stepsPerEpoch, catalog: catalog)
    }

    /// The inner schedule stepped per step instead of per epoch (for "stepped per step
    /// instead of per epoch"), or `nil` when the plan is per step.
    public var steppedPerStep: CheckPlan? {
        guard interval == .epoch, let inner = try? catalog.make(.object(object), path: "plan") else { return nil }
        return CheckPlan(schedule: inner, object: object, typeName: typeName, interval: .step,
                         stepsPerEpoch: stepsPerEpoch, catalog: catalog)
    }
}
