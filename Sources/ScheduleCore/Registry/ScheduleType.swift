/// One kind of schedule that a spec can name in `"type"`: its parameters, documentation and
/// the function that builds it.
///
/// Adding a type is one file that declares a `static let` of this type in an extension, plus
/// one line in its framework's list (for example `TorchTypes.all`).
public struct ScheduleType: Sendable {
    /// The spec name, `<framework>.<Name>` (e.g. `torch.StepLR`) or a generic family (`cosine`).
    public var name: String
    /// One line: what the schedule does.
    public var summary: String
    /// The exact formula, where boundaries take effect and what happens past the end.
    public var formula: String
    /// Declared parameters, in the framework's order.
    public var parameters: [ParameterSpec]
    /// Builds the schedule from validated parameters.
    public var make: @Sendable (Parameters) throws -> any Schedule

    public init(
        name: String, summary: String, formula: String, parameters: [ParameterSpec],
        make: @escaping @Sendable (Parameters) throws -> any Schedule
    ) {
        self.name = name
        self.summary = summary
        self.formula = formula
        self.parameters = parameters
        self.make = make
    }

    /// The part of ``name`` before the first dot (`torch`, `hf`, …), or `generic`.
    public var framework: String {
        guard let dot = name.firstIndex(of: ".") else { return "generic" }
        return String(name[..<dot])
    }
}
