import Testing
@testable import LRPlotKit
import Plot
import ScheduleCore

@Suite struct SpecDecoderTests {
    let decoder = SpecDecoder()

    func error(_ text: String) -> LRPlotError? {
        do {
            _ = try decoder.decode(text, file: "spec.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesDefaults() throws {
        let spec = try decoder.decode(#"{"steps": 10, "schedules": [{"type": "constant", "lr": 0.1}]}"#, file: "a/b.json")
        #expect(spec.steps == 10)
        #expect(spec.file == "a/b.json")
        #expect(spec.width == 960 && spec.height == nil)
        #expect(spec.schedules.map(\.label) == ["constant"])
        #expect(spec.panels == [PanelSpec(kind: .lr)])
        #expect(spec.panels[0].scale == .linear && !spec.panels[0].scaleChosen && spec.panels[0].weight == 1)
        #expect(spec.theme == .light && spec.background == .opaque && spec.legend == .auto && !spec.markers)
        #expect(spec.schedules[0].draw == .auto && spec.schedules[0].interval == .step)
        #expect(spec.schedules[0].color == nil && spec.schedules[0].dash == nil)
        #expect(spec.outputs.isEmpty)
        #expect(SpecFile.defaultOutput(for: "a/b.json") == "output/b.png")
    }

    @Test func decodesEveryKey() throws {
        let spec = try decoder.decode("""
            {"title": "T", "steps": 20, "steps_per_epoch": 5,
             "schedules": [{"type": "constant", "lr": 1, "label": "one", "color": "#0072B2", "dash": "dashed", "interval": "epoch"}],
             "x": {"label": "epochs", "unit": "epoch"}, "y": {"label": "LR", "scale": "log"},
             "width": 800, "height": 400, "scale": 2, "theme": "dark", "background": "transparent",
             "legend": "outside", "markers": true, "output": ["a.png", "b.svg"]}
            """, file: "s.json")
        #expect(spec.title == "T")
        #expect(spec.stepsPerEpoch == 5)
        #expect(spec.schedules[0].label == "one" && spec.schedules[0].color == RGBColor(hex: "#0072B2") && spec.schedules[0].dash == .dashed)
        #expect(spec.schedules[0].interval == .epoch)
        #expect(spec.x.label == "epochs" && spec.x.unit == .epoch)
        #expect(spec.panels == [PanelSpec(kind: .lr, label: "LR", scale: .log, weight: 1)])
        #expect(spec.width == 800 && spec.height == 400 && spec.scale == 2)
        #expect(spec.theme == .dark && spec.background == .transparent && spec.legend == .outsideRight && spec.markers)
        #expect(spec.outputs == [OutputTarget(path: "a.png", format: .png), OutputTarget(path: "b.svg", format: .svg)])
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        let e = error("{\n  \"steps\": 10,\n  \"schedules\": [}\n")
        #expect(e?.location == SourceLocation(file: "spec.json", line: 3, column: 17))
        #expect(e?.message == "invalid JSON: unexpected '}'; expected a value")
        #expect(e?.kind == .spec && e?.exitStatus == .badInput)
    }

    @Test(arguments: [
        (#"{"schedules": [{"type": "constant", "lr": 1}]}"#, "spec.json: missing \"steps\": the chart covers steps 0 … steps−1 (a whole number ≥ 1), or give a \"training\" block to count the run's steps"),
        (#"{"steps": 0, "schedules": [{"type": "constant", "lr": 1}]}"#, "spec.json: steps: must be from 1 to 1,000,000,000 (steps charted), found 0"),
        (#"{"steps": 2.5, "schedules": [{"type": "constant", "lr": 1}]}"#, "spec.json: steps: expected a whole number (steps charted), found the number 2.5"),
        (#"{"steps": 10, "schedules": []}"#, "spec.json: schedules: the list is empty; add at least one schedule object like {\"type\": \"cosine\", \"lr\": 0.1, \"total_steps\": 100}"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "titel": "x"}"#, "spec.json: titel: unknown key \"titel\"; did you mean \"title\"?"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1, "color": "red"}]}"#, "spec.json: schedules[0].color: expected a colour like \"#1f77b4\" (#rrggbb), found \"red\""),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "y": {"scale": "logarithmic"}}"#, "spec.json: y.scale: unknown value \"logarithmic\"; expected one of \"linear\", \"log\""),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "y": {"scale": "lgo"}}"#, "spec.json: y.scale: unknown value \"lgo\"; expected one of \"linear\", \"log\"; did you mean \"log\"?"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "width": 100000}"#, "spec.json: width: must be from 64 to 16,000 (chart width in CSS pixels), found 100,000"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "output": "chart.gif"}"#, "spec.json: output: unknown output format for \"chart.gif\"; use a .png, .svg, .pdf or .html file name"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1, "interval": "epoch"}]}"#, "spec.json: schedules[0].interval: \"interval\": \"epoch\" needs a top-level \"steps_per_epoch\""),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": "0.1"}]}"#, "spec.json: schedules[0].lr: expected a number, found the string \"0.1\"; remove the quotes"),
        (#"{"steps": 10, "schedules": [{"type": "Constant", "lr": 1}]}"#, "spec.json: schedules[0].type: unknown schedule type \"Constant\"; did you mean \"constant\"? (`lrplot list` shows every type)"),
        ("[1, 2]", "spec.json: expected a spec object like {\"steps\": 100, \"schedules\": [...]} (an object), found an array"),
    ])
    func badSpecsSayWhatToFix(_ text: String, _ message: String) {
        let e = error(text)
        #expect(e.map { "spec.json: " + $0.pathAndMessage } == message)
        #expect(e?.location.file == "spec.json")
        #expect(e?.kind == .spec && e?.exitStatus == .badInput)
    }
}

/// Every enumerated word is read by one reader, and the colour validator is the colour parser.
@Suite struct SpecChoiceTests {
    func decode(_ extra: String, schedule: String = "") throws -> Spec {
        try SpecDecoder().decode(#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1\#(schedule)}]\#(extra)}"#, file: "s.json")
    }

    @Test func everySpellingDecodesToItsValue() throws {
        for (word, value) in LegendPlacement.spellings {
            #expect(try decode(#", "legend": "\#(word)""#).legend == value)
        }
        for (word, value) in DashStyle.spellings {
            #expect(try decode("", schedule: #", "dash": "\#(word)""#).schedules[0].dash == value)
        }
        for value in DrawMode.allCases {
            #expect(try decode("", schedule: #", "draw": "\#(value.rawValue)""#).schedules[0].draw == value)
        }
        #expect(try decode(#", "theme": "dark""#).theme == .dark)
        #expect(try decode(#", "background": "transparent""#).background == .transparent)
        #expect(try decode(#", "y": {"scale": "log"}"#).panels[0].scale == .log)
    }

    @Test func colourAcceptsWhatTheParserAccepts() throws {
        #expect(try decode("", schedule: ##", "color": "#abc""##).schedules[0].color == RGBColor(hex: "#aabbcc"))
        #expect(try decode("", schedule: ##", "color": "#1F77B4""##).schedules[0].color == RGBColor(hex: "#1f77b4"))
        #expect(throws: LRPlotError.self) { try decode("", schedule: ##", "color": "#12345""##) }
    }
}

/// Keys that cannot apply are rejected, never ignored.
@Suite struct SpecApplicabilityTests {
    static let simulate = #""simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.1}, "problem": {"loss": "mse", "features": [[1.0]], "targets": [2.0], "initial_weights": [0.0]}}"#

    func error(_ text: String) -> String? {
        do {
            _ = try SpecDecoder().decode(text, file: "s.json")
            return nil
        } catch {
            return error.pathAndMessage
        }
    }

    @Test(arguments: [
        (#"{"steps": 5, "schedules": [{"type": "constant", "lr": 1}], "panels": [{"show": "loss"}]}"#,
         "panels[0].show: \"loss\" shows a simulation's results; add a top-level \"simulate\" block, or show \"lr\", \"momentum\" or \"metric\""),
        (#"{"steps": 5, \#(simulate), "schedules": [{"type": "constant", "lr": 1}], "panels": [{"show": "lr"}, {"show": "accuracy"}]}"#,
         "panels[1].show: only \"problem\": \"digits\" has a validation set; inline problems have no accuracy"),
        (#"{"steps": 5, \#(simulate), "schedules": [{"type": "constant", "lr": 1}], "panels": [{"show": "effective_step"}]}"#,
         "panels[0].show: no schedule drives an adaptive optimizer (torch.Adam, torch.AdamW, torch.RMSprop or torch.Adagrad have an effective step size)"),
        (#"{"steps": 5, \#(simulate), "schedules": [{"type": "torch.ReduceLROnPlateau", "metrics": [1, 2, 3, 4]}], "panels": [{"show": "metric"}]}"#,
         "schedules[0].metrics: with \"simulate\", reduce-on-plateau schedules are fed the simulated validation loss (a closed loop); remove \"metrics\""),
        (#"{"steps": 5, \#(simulate), "schedules": [{"type": "torch.ReduceLROnPlateau"}], "panels": [{"show": "metric"}]}"#,
         "panels[0].show: with \"simulate\", reduce-on-plateau schedules are fed the simulated validation loss, not \"metrics\"; show \"loss\" or \"accuracy\" instead"),
    ])
    func rejected(_ text: String, _ message: String) {
        #expect(error(text) == message)
    }

    @Test func twoSchedulesWithOneLabelAreAnError() {
        #expect(error(#"{"steps": 5, "schedules": [{"type": "constant", "lr": 1}, {"type": "constant", "lr": 2}]}"#)
                == "schedules[1]: schedules[0] is also labelled \"constant\" (a schedule without \"label\" is labelled by its type); give one of them a \"label\" of its own, such as {\"label\": \"constant 2\"}")
        #expect(error(#"{"steps": 5, "schedules": [{"type": "constant", "lr": 1, "label": "a"}, {"type": "step", "lr": 2, "step_size": 2, "label": "a"}]}"#)
                == "schedules[1].label: \"a\" is already the label of schedules[0]; each schedule needs its own label (its legend entry and its column in `lrplot values`)")
        #expect(error(#"{"steps": 5, "schedules": [{"type": "constant", "lr": 1}, {"type": "constant", "lr": 2, "label": "two"}]}"#) == nil)
    }

    @Test func theSchemaKeyIsAccepted() {
        #expect(error(#"{"$schema": "../schema/lrplot-spec.schema.json", "steps": 5, "schedules": [{"type": "constant", "lr": 1}]}"#) == nil)
        #expect(error(#"{"$schema": 1, "steps": 5, "schedules": [{"type": "constant", "lr": 1}]}"#) == "$schema: expected a string, found the integer 1")
    }
}
