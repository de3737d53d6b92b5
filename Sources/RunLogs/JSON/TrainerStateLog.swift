import ScheduleCore

/// Hugging Face transformers' `trainer_state.json` (`TrainerState.save_to_json`).
///
/// `log_history` is a list of dicts: training logs (`loss`, `grad_norm`, `learning_rate`,
/// `epoch`, `step`), evaluation logs (`eval_loss`, …, `step`) and a final summary
/// (`train_runtime`, …). A key's series is the entries that have it, at their `step`
/// (`global_step`, optimizer steps). The state also records `max_steps`, `num_train_epochs`,
/// `logging_steps`, `train_batch_size` and `global_step` (read into ``RunInfo``).
///
/// Which step's rate `learning_rate` is depends on the transformers version, which the file
/// does not record: see ``StepConvention/transformersBefore451`` and
/// ``StepConvention/transformersSince451``. Values are Python floats printed by `json.dump`
/// (shortest round-trip decimals): ``ValuePrecision/float64``.
public struct TrainerStateLog: ScalarLog {
    public let file: String
    public var files: [String] { [file] }
    public var format: LogFormat { .trainerState }
    public let run: RunInfo
    private let entries: [[(key: String, value: JSONValue)]]
    private let keyOrder: [String]

    /// Parses the file's text.
    public init(file: String, text: String) throws(LogError) {
        self.file = file
        let root = try PythonJSON.parse(text[...], file: file)
        guard case .object = root else {
            throw .unexpected(file: file, location: .jsonPath("$"), expected: "a JSON object with \"log_history\"", found: root.kindDescription)
        }
        guard let history = root["log_history"] else {
            throw .unexpected(file: file, location: .jsonPath("$"), expected: "a \"log_history\" list", found: "no such member")
        }
        guard case .array(let items) = history else {
            throw .unexpected(file: file, location: .jsonPath("log_history"), expected: "a list", found: history.kindDescription)
        }
        var entries: [[(key: String, value: JSONValue)]] = []
        var order: [String] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            guard case .object(let members) = item else {
                throw .unexpected(file: file, location: .jsonPath("log_history[\(i)]"), expected: "an object", found: item.kindDescription)
            }
            entries.append(members)
            for m in members where m.key != "step" && m.key != "epoch" {
                let numeric = m.value.doubleValue != nil || PythonJSON.nonFinite(m.value) != nil
                if numeric && seen.insert(m.key).inserted { order.append(m.key) }
            }
        }
        self.entries = entries
        self.keyOrder = order
        func int(_ k: String) -> Int? { if case .integer(let v)? = root[k] { return v }; return nil }
        self.run = RunInfo(maxSteps: int("max_steps"), numTrainEpochs: root["num_train_epochs"]?.doubleValue,
                           loggingSteps: int("logging_steps"), trainBatchSize: int("train_batch_size"),
                           globalStep: int("global_step"))
    }

    public func keys() throws(LogError) -> [String] { keyOrder }

    public func traits(of key: String) -> SeriesTraits {
        SeriesTraits(unit: .step, conventions: [.transformersSince451, .transformersBefore451])
    }

    public func forEachPoint(key: String, _ body: (RawLoggedPoint) throws -> Void) throws {
        for (i, members) in entries.enumerated() {
            guard let value = members.first(where: { $0.key == key })?.value else { continue }
            let path = "log_history[\(i)]"
            guard let stepValue = members.first(where: { $0.key == "step" })?.value else {
                throw LogError.unexpected(file: file, location: .jsonPath(path), expected: "a \"step\" next to \"\(key)\"", found: "none")
            }
            guard case .integer(let step) = stepValue else {
                throw LogError.unexpected(file: file, location: .jsonPath("\(path).step"), expected: "a whole number", found: stepValue.kindDescription)
            }
            if let text = PythonJSON.nonFinite(value) {
                throw LogError.nonFiniteValue(file: file, location: .jsonPath("\(path).\(key)"), key: key, step: step, text: text)
            }
            guard let v = value.doubleValue else {
                throw LogError.unexpected(file: file, location: .jsonPath("\(path).\(key)"), expected: "a number", found: value.kindDescription)
            }
            try body(RawLoggedPoint(step: step, value: v, location: .jsonPath("\(path).\(key)"), precision: .float64))
        }
    }
}
