import ScheduleCore

/// A log of one JSON object per line with a step field.
///
/// - detectron2 `metrics.json` (`JSONWriter`): `iteration` is the 0-based iteration; the
///   `LRScheduler` hook's `after_step` stores `lr` = the rate that iteration used and then
///   steps the scheduler, so iteration i logs plan step i (``StepConvention/nextStepRate``).
/// - mmengine `scalars.json` (`LocalVisBackend.add_scalars`): `step` is `runner.iter + 1`
///   for training lines, and `lr` is what `RuntimeInfoHook.before_train_iter` read before
///   iteration `runner.iter` ran: plan step s − 1 (``StepConvention/mmengine``). Validation
///   lines carry `step` = epoch but no `lr`.
/// - LLaMA-Factory `trainer_log.jsonl`: `current_steps` and `lr` copied from the transformers
///   Trainer's log, with its conventions.
///
/// The step field is the first of `iteration`, `current_steps`, `step`, `global_step` that the
/// lines holding the key have. Values are `json.dumps` floats: ``ValuePrecision/float64``.
public struct JSONLinesLog: ScalarLog {
    public let file: String
    public var files: [String] { [file] }
    public var format: LogFormat { .jsonLines }
    public var run: RunInfo { RunInfo() }
    /// The parsed lines with their 1-based line numbers.
    private let lines: [(line: Int, members: [(key: String, value: JSONValue)])]
    private let keyOrder: [String]

    /// Step fields, most specific first.
    static let stepFields = ["iteration", "current_steps", "step", "global_step"]

    public init(file: String, text: String) throws(LogError) {
        self.file = file
        var lines: [(Int, [(key: String, value: JSONValue)])] = []
        var order: [String] = []
        var seen = Set<String>()
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = raw.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if trimmed.isEmpty { continue }
            let value = try PythonJSON.parse(raw, file: file, firstLine: number)
            guard case .object(let members) = value else {
                throw .unexpected(file: file, location: .line(number, column: 1), expected: "a JSON object", found: value.kindDescription)
            }
            lines.append((number, members))
            for m in members where !Self.stepFields.contains(m.key) {
                let numeric = m.value.doubleValue != nil || PythonJSON.nonFinite(m.value) != nil
                if numeric && seen.insert(m.key).inserted { order.append(m.key) }
            }
        }
        self.lines = lines
        self.keyOrder = order
    }

    public func keys() throws(LogError) -> [String] { keyOrder }

    /// The step field used for `key`.
    public func stepField(for key: String) -> String? {
        for field in Self.stepFields {
            if lines.contains(where: { l in l.members.contains { $0.key == key } && l.members.contains { $0.key == field } }) {
                return field
            }
        }
        return nil
    }

    public func traits(of key: String) -> SeriesTraits {
        switch stepField(for: key) {
        case "iteration": return SeriesTraits(unit: .iteration, conventions: [.nextStepRate])
        case "current_steps": return SeriesTraits(unit: .step, conventions: [.transformersSince451, .transformersBefore451])
        case "step": return SeriesTraits(unit: .step, conventions: [.mmengine])
        default: return SeriesTraits(unit: .step, conventions: [.nextStepRate])
        }
    }

    public func forEachPoint(key: String, _ body: (RawLoggedPoint) throws -> Void) throws {
        guard let field = stepField(for: key) else {
            if let first = lines.first(where: { l in l.members.contains { $0.key == key } }) {
                throw LogError.unexpected(file: file, location: .line(first.line, column: nil),
                                          expected: "a step field (\(Self.stepFields.joined(separator: ", "))) next to \"\(key)\"", found: "none")
            }
            return
        }
        for (line, members) in lines {
            guard let value = members.first(where: { $0.key == key })?.value,
                  let stepValue = members.first(where: { $0.key == field })?.value else { continue }
            guard case .integer(let step) = stepValue else {
                throw LogError.unexpected(file: file, location: .line(line, column: nil), expected: "a whole number in \"\(field)\"", found: stepValue.kindDescription)
            }
            if let text = PythonJSON.nonFinite(value) {
                throw LogError.nonFiniteValue(file: file, location: .line(line, column: nil), key: key, step: step, text: text)
            }
            guard let v = value.doubleValue else {
                throw LogError.unexpected(file: file, location: .line(line, column: nil), expected: "a number in \"\(key)\"", found: value.kindDescription)
            }
            try body(RawLoggedPoint(step: step, value: v, location: .line(line, column: nil), precision: .float64))
        }
    }
}
