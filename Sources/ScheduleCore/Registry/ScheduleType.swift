/// One kind of schedule that a spec can name in `"type"`: its parameters, documentation and
/// the function that builds it.
///
/// Adding a type is one file that declares a `static let` of this type in an extension, plus
/// one line in its framework's list (for example `TorchTypes.all`).
///
/// Types whose framework drives an optimizer with several parameter groups (torch,
/// transformers, timm) build one schedule per group: ``makeGroups`` gives them all, and
/// ``make`` the single one of a one-group spec.
public struct ScheduleType: Sendable {
    /// The spec name, `<framework>.<Name>` (e.g. `torch.StepLR`) or a generic family (`cosine`).
    public var name: String
    /// One line: what the schedule does.
    public var summary: String
    /// The exact formula, where boundaries take effect and what happens past the end.
    public var formula: String
    /// Declared parameters, in the framework's order.
    public var parameters: [ParameterSpec]
    /// Builds the schedule of a one-group spec from validated parameters.
    ///
    /// - Throws: ``ScheduleError`` for invalid parameters, and for a spec with several
    ///   parameter groups (build those with ``makeGroups``).
    public var make: @Sendable (Parameters) throws -> any Schedule
    /// Builds one schedule per parameter group, group 0 first (one for a one-group spec, and
    /// always one for types without parameter groups).
    ///
    /// The schedules are those of one scheduler driving all the groups: where the framework
    /// raises while computing any group's value, every group's schedule stops at that step, and
    /// where it couples the groups (transformers' `GreedyLR` resets them together) each
    /// schedule follows the coupled computation.
    public var makeGroups: @Sendable (Parameters) throws -> [any Schedule]

    /// A type without parameter groups (or with one): `makeGroups` gives `[make(p)]`.
    public init(
        name: String, summary: String, formula: String, parameters: [ParameterSpec],
        make: @escaping @Sendable (Parameters) throws -> any Schedule
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
        self.make = make
        self.makeGroups = { [try make($0)] }
    }

    /// A type whose specs can give several parameter groups (`"lr": [0.1, 0.01]`): `make`
    /// accepts one-group specs only.
    public init(
        name: String, summary: String, formula: String, parameters: [ParameterSpec],
        makeGroups: @escaping @Sendable (Parameters) throws -> [any Schedule]
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
        self.makeGroups = makeGroups
        self.make = { p in
            let groups = try makeGroups(p)
            guard groups.count == 1, let only = groups.first else {
                throw p.error("lr", "gives \(groups.count) parameter groups (one per learning rate) where one schedule is expected (ScheduleCatalog.makeGroups builds one schedule per group)")
            }
            return only
        }
    }

    /// The part of ``name`` before the first dot (`torch`, `hf`, …), or `generic`.
    public var framework: String {
        guard let dot = name.firstIndex(of: ".") else { return "generic" }
        return String(name[..<dot])
    }
}
