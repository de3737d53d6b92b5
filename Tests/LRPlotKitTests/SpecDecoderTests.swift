import Testing
import LRPlotKit
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
        #expect(spec.width == 960 && spec.height == 540)
        #expect(spec.schedules.map(\.label) == ["constant"])
        #expect(spec.y.scale == "linear")
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
        #expect(spec.schedules[0].label == "one" && spec.schedules[0].color == "#0072B2" && spec.schedules[0].dash == "dashed")
        #expect(spec.x.label == "epochs" && spec.x.unit == "epoch")
        #expect(spec.y.label == "LR" && spec.y.scale == "log")
        #expect(spec.width == 800 && spec.height == 400 && spec.scale == 2)
        #expect(spec.theme == "dark" && spec.transparent && spec.legend == "outside" && spec.markers)
        #expect(spec.outputs == ["a.png", "b.svg"])
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        let e = error("{\n  \"steps\": 10,\n  \"schedules\": [}\n")
        #expect(e?.description == "spec.json:3:17: invalid JSON: unexpected '}'; expected a value")
        #expect(e?.exitCode == 2)
    }

    @Test(arguments: [
        (#"{"schedules": [{"type": "constant", "lr": 1}]}"#, "spec.json: missing \"steps\": the chart covers steps 0 … steps−1 (a whole number ≥ 1)"),
        (#"{"steps": 0, "schedules": [{"type": "constant", "lr": 1}]}"#, "spec.json: steps: must be from 1 to 1,000,000,000 (steps charted), found 0"),
        (#"{"steps": 2.5, "schedules": [{"type": "constant", "lr": 1}]}"#, "spec.json: steps: expected a whole number (steps charted), found the number 2.5"),
        (#"{"steps": 10, "schedules": []}"#, "spec.json: schedules: the list is empty; add at least one schedule object like {\"type\": \"cosine\", \"lr\": 0.1, \"total_steps\": 100}"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "titel": "x"}"#, "spec.json: titel: unknown key \"titel\"; did you mean \"title\"?"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1, "color": "red"}]}"#, "spec.json: schedules[0].color: expected a colour like \"#1f77b4\" (#rrggbb), found \"red\""),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "y": {"scale": "logarithmic"}}"#, "spec.json: y.scale: unknown value \"logarithmic\"; expected one of \"linear\", \"log\""),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "y": {"scale": "lgo"}}"#, "spec.json: y.scale: unknown value \"lgo\"; expected one of \"linear\", \"log\"; did you mean \"log\"?"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "width": 100000}"#, "spec.json: width: must be from 64 to 16,000 (chart width in CSS pixels), found 100,000"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1}], "output": "chart.gif"}"#, "spec.json: output: unknown output format for \"chart.gif\"; use a .png, .svg or .pdf file name"),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": 1, "interval": "epoch"}]}"#, "spec.json: schedules[0].interval: \"interval\": \"epoch\" needs a top-level \"steps_per_epoch\""),
        (#"{"steps": 10, "schedules": [{"type": "constant", "lr": "0.1"}]}"#, "spec.json: schedules[0].lr: expected a number, found the string \"0.1\"; remove the quotes"),
        (#"{"steps": 10, "schedules": [{"type": "Constant", "lr": 1}]}"#, "spec.json: schedules[0].type: unknown schedule type \"Constant\"; did you mean \"constant\"? (`lrplot list` shows every type)"),
        ("[1, 2]", "spec.json: expected a spec object like {\"steps\": 100, \"schedules\": [...]} (an object), found an array"),
    ])
    func badSpecsSayWhatToFix(_ text: String, _ message: String) {
        let e = error(text)
        #expect(e?.description == message)
        #expect(e?.exitCode == 2)
    }
}
