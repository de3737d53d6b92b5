/// The set of schedule types a spec may name, and the builder that turns a schedule object
/// into a ``Schedule``.
public struct ScheduleCatalog: Sendable {
    /// Every type, in listing order.
    public let types: [ScheduleType]
    private let byName: [String: Int]

    public init(types: [ScheduleType]) {
        self.types = types
        var index: [String: Int] = [:]
        for (i, t) in types.enumerated() where index[t.name] == nil { index[t.name] = i }
        self.byName = index
    }

    /// All built-in types: PyTorch, transformers, timm, optax, Keras, DeepSpeed, mmengine and the generic families.
    public static let standard = ScheduleCatalog(
        types: GenericTypes.all + TorchTypes.all + HFTypes.all + TimmTypes.all + OptaxTypes.all + KerasTypes.all + DeepSpeedTypes.all + MMEngineTypes.all)

    /// The type named `name`, if any.
    public func type(named name: String) -> ScheduleType? {
        byName[name].map { types[$0] }
    }

    /// Builds the schedule described by the JSON object `value`.
    ///
    /// - Parameters:
    ///   - path: the object's JSON path, for error messages (e.g. `schedules[0]`).
    ///   - ignoring: keys that belong to the caller (label, colour, …) rather than the schedule.
    ///   - inherited: values used for parameters the object does not give.
    /// - Throws: ``ScheduleError`` naming the offending path; for a spec with several parameter
    ///   groups (`"lr": [0.1, 0.01]`), use ``makeGroups(_:path:ignoring:inherited:)``.
    public func make(
        _ value: JSONValue, path: String, ignoring: Set<String> = [], inherited: [String: JSONValue] = [:]
    ) throws -> any Schedule {
        let (type, parameters) = try resolve(value, path: path, ignoring: ignoring, inherited: inherited)
        return try Self.rethrowing(path) { try type.make(parameters) }
    }

    /// Builds one schedule per parameter group of the schedule described by `value`, group 0
    /// first: several for a torch, transformers or timm spec whose `lr` is a list (with the
    /// per-group lists the framework accepts, such as `OneCycleLR`'s `max_lr`), one otherwise.
    ///
    /// The groups' schedules are those of one scheduler driving all of them (see
    /// ``ScheduleType/makeGroups``): they stop together where the framework raises for any
    /// group, and follow the framework where it couples groups. Each is an ordinary
    /// ``Schedule``, with the closed forms and fast paths of its type.
    ///
    /// - Throws: ``ScheduleError`` naming the offending path, including the framework's own
    ///   errors for per-group lists of the wrong length.
    public func makeGroups(
        _ value: JSONValue, path: String, ignoring: Set<String> = [], inherited: [String: JSONValue] = [:]
    ) throws -> [any Schedule] {
        let (type, parameters) = try resolve(value, path: path, ignoring: ignoring, inherited: inherited)
        return try Self.rethrowing(path) { try type.makeGroups(parameters) }
    }

    /// The type named by `value` and its validated parameters.
    private func resolve(
        _ value: JSONValue, path: String, ignoring: Set<String>, inherited: [String: JSONValue]
    ) throws -> (ScheduleType, Parameters) {
        guard case .object(let members) = value else {
            throw ScheduleError(path: path, "expected a schedule object like {\"type\": \"torch.StepLR\", …}, found \(value.kindDescription)")
        }
        guard let typeValue = members.first(where: { $0.key == "type" })?.value else {
            throw ScheduleError(path: path, "missing \"type\" (for example \"torch.StepLR\"; `lrplot list` shows every type)")
        }
        let typePath = path.isEmpty ? "type" : "\(path).type"
        guard case .string(let typeName) = typeValue else {
            throw ScheduleError(path: typePath, "expected a schedule type name (a string), found \(typeValue.kindDescription)")
        }
        guard let type = type(named: typeName) else {
            var message = "unknown schedule type \"\(typeName)\""
            if let close = suggestType(for: typeName) { message += "; did you mean \"\(close)\"?" }
            message += " (`lrplot list` shows every type)"
            throw ScheduleError(path: typePath, message)
        }
        let declared = type.parameters.map(\.name)
        try UnknownKey.reject(members.lazy.map(\.key), allowed: declared, ignoring: ignoring.union(["type"]),
                              path: path, noun: .parameter(of: typeName))
        let own = members.filter { $0.key != "type" && !ignoring.contains($0.key) }
        let parameters = Parameters(
            typeName: typeName, path: path, specs: type.parameters, members: own,
            inherited: inherited.filter { declared.contains($0.key) }, catalog: self)
        return (type, parameters)
    }

    /// Runs `build`, turning any error but a ``ScheduleError`` into one at `path`.
    private static func rethrowing<T>(_ path: String, _ build: () throws -> T) throws -> T {
        do {
            return try build()
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(path: path, "\(error)")
        }
    }

    /// The type name `name` most likely means: the same name in another case; a framework's
    /// own spelling (`torch.optim.lr_scheduler.StepLR`, `tf.keras.optimizers.schedules.CosineDecay`,
    /// `optax.schedules.cosine_decay_schedule`, `transformers.linear`,
    /// `get_linear_schedule_with_warmup`; see ``FrameworkSpelling``); a class name without its
    /// prefix (`OneCycleLR`); else the closest name by edit distance, over full names and then
    /// over the part after the dot.
    public func suggestType(for name: String) -> String? {
        let names = types.map(\.name)
        func exact(_ candidate: String) -> String? {
            names.first { $0.lowercased() == candidate.lowercased() }
        }
        if let match = exact(name) { return match }
        let spelled = FrameworkSpelling.canonical(name)
        if let spelled, let match = exact(spelled) { return match }
        // A framework class name without its prefix ("OneCycleLR") means that framework's type.
        if let match = names.first(where: { $0.lowercased().hasSuffix("." + name.lowercased()) }) { return match }
        let wanted = spelled ?? name
        if let close = Suggestion.closest(to: wanted, in: names) { return close }
        let short = wanted.split(separator: ".").last.map(String.init) ?? wanted
        let tails = types.map { $0.name.split(separator: ".").last.map(String.init) ?? $0.name }
        // Within the framework the spelling names, when it names one.
        if let spelled, let dot = spelled.firstIndex(of: ".") {
            let framework = String(spelled[..<dot])
            let own = types.indices.filter { types[$0].framework == framework }
            if let close = Suggestion.closest(to: short, in: own.map { tails[$0] }),
               let i = own.first(where: { tails[$0] == close }) { return names[i] }
        }
        if let close = Suggestion.closest(to: short, in: tails), let i = tails.firstIndex(of: close) { return names[i] }
        return nil
    }
}
