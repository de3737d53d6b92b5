import Testing
@testable import ScheduleCore

@Suite struct JSONParserTests {
    @Test func parsesNestedDocumentKeepingKeyOrderAndIntegers() throws {
        let v = try JSONParser.parse(#"{"b": 1, "a": [1.5, -2, 3e2, true, null, "x\u00e9\n"], "c": {}}"#)
        guard case .object(let members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "c"])
        #expect(v["b"] == .integer(1))
        #expect(v["a"] == .array([.number(1.5), .integer(-2), .number(300), .bool(true), .null, .string("xé\n")]))
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9, "trailing comma before '}'"),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after the value of \"a\""),
        (#"{"a": True}"#, 1, 7, "JSON spells it true"),
        (#"{'a': 1}"#, 1, 2, "expected a key in double quotes"),
        (#"[1, 2"#, 1, 6, "unexpected end of file inside an array"),
        (#"{"a": 1, "a": 2}"#, 1, 10, "duplicate key \"a\""),
        (#"{"a": NaN}"#, 1, 7, "NaN and Infinity are not JSON"),
        (#"{"a": 01}"#, 1, 8, "leading zeros"),
        ("", 1, 1, "unexpected end of file"),
        (#"{"a": 1} x"#, 1, 10, "after the end of the document"),
    ])
    func reportsLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ fragment: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected a syntax error for \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func writesShortestRoundTripNumbers() throws {
        #expect(JSONWriter.format(0.1) == "0.1")
        #expect(JSONWriter.format(3e-4) == "0.0003")
        #expect(JSONWriter.format(1e-5) == "1e-05")
        #expect(JSONWriter.format(0.1 * 3) == "0.30000000000000004")
        for d in [1.0 / 3.0, 2.5e-7, 123456.789, 5e-324] {
            #expect(Double(JSONWriter.format(d)) == d)
        }
        #expect(JSONWriter.write(try JSONParser.parse(#"{"a": [1, "q\"x"]}"#)) == #"{"a": [1, "q\"x"]}"#)
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseNames() {
        #expect(Suggestion.closest(to: "gama", in: ["gamma", "step_size", "lr"]) == "gamma")
        #expect(Suggestion.closest(to: "setp_size", in: ["gamma", "step_size", "lr"]) == "step_size")
        #expect(Suggestion.closest(to: "LR", in: ["gamma", "lr"]) == "lr")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["gamma", "lr"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("ab", "ba") == 1)
    }
}

@Suite struct CatalogTests {
    @Test func unknownTypeSuggestsClosest() {
        #expect(throws: ScheduleError(path: "schedules[0].type", "unknown schedule type \"constnt\"; did you mean \"constant\"? (`lrplot list` shows every type)")) {
            try ScheduleCatalog.standard.make(.object([("type", .string("constnt")), ("lr", .number(0.1))]), path: "schedules[0]")
        }
    }

    @Test func unknownParameterSuggestsClosest() {
        #expect(throws: ScheduleError(path: "s.lrr", "unknown parameter \"lrr\" for constant; did you mean \"lr\"?")) {
            try ScheduleCatalog.standard.make(.object([("type", .string("constant")), ("lrr", .number(0.1))]), path: "s")
        }
    }

    @Test func wrongKindsAreExplained() {
        #expect(throws: ScheduleError(path: "s.lr", "expected a number, found the string \"0.1\"; remove the quotes")) {
            try ScheduleCatalog.standard.make(.object([("type", .string("constant")), ("lr", .string("0.1"))]), path: "s")
        }
        #expect(throws: ScheduleError(path: "s", "constant needs \"lr\" (a number): The learning rate.")) {
            try ScheduleCatalog.standard.make(.object([("type", .string("constant"))]), path: "s")
        }
        #expect(throws: ScheduleError(path: "s", "missing \"type\" (for example \"torch.StepLR\"; `lrplot list` shows every type)")) {
            try ScheduleCatalog.standard.make(.object([("lr", .number(1))]), path: "s")
        }
    }

    @Test func typeNamesAreUnique() {
        let names = ScheduleCatalog.standard.types.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func everyDeclaredDefaultDecodes() throws {
        // Each default written in a type's parameter list has the declared kind.
        for type in ScheduleCatalog.standard.types {
            for p in type.parameters {
                guard case .value(let v) = p.defaultValue else { continue }
                switch p.kind {
                case .number: #expect(v.doubleValue != nil, "\(type.name).\(p.name)")
                case .integer: if case .integer = v {} else { Issue.record("\(type.name).\(p.name) default \(v)") }
                case .bool: if case .bool = v {} else { Issue.record("\(type.name).\(p.name) default \(v)") }
                case .choice(let options):
                    if case .string(let s) = v { #expect(options.contains(s), "\(type.name).\(p.name)") }
                    else { Issue.record("\(type.name).\(p.name) default \(v)") }
                default: break
                }
            }
        }
    }
}

@Suite struct CursorTests {
    @Test func metricDrivenScheduleNeedsMetrics() {
        struct NeedsMetric: Schedule {
            var usesMetrics: Bool { true }
            func start() -> any ScheduleState { ClosedFormState(schedule: ConstantSchedule(learningRate: 1)) }
        }
        #expect(throws: EvaluationError.self) { try ScheduleCursor(NeedsMetric(), steps: 10) }
        #expect((try? ScheduleCursor(NeedsMetric(), steps: 10, metrics: Array(repeating: 1, count: 9))) != nil)
    }

    @Test func stopEndsTheSeries() throws {
        struct Stopping: Schedule {
            struct State: ScheduleState {
                var learningRate = 1.0
                var step = 0
                mutating func advance(metric: Double?) throws {
                    step += 1
                    if step == 3 { throw ScheduleStop(step: 3, "no more") }
                    learningRate /= 2
                }
            }
            func start() -> any ScheduleState { State() }
        }
        let series = try Stopping().evaluate(steps: 10)
        #expect(series.learningRates == [1, 0.5, 0.25])
        #expect(series.stop == ScheduleStop(step: 3, "no more"))
    }
}
