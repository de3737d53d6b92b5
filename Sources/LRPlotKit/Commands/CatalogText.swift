import Foundation
import ScheduleCore

/// The text of `lrplot list` and `lrplot describe`.
public enum CatalogText {
    /// Frameworks in listing order, with their headings.
    static let frameworks: [(key: String, title: String)] = [
        ("generic", "Generic families"),
        ("torch", "PyTorch (torch.optim.lr_scheduler, torch.optim.swa_utils)"),
        ("hf", "Hugging Face transformers (get_scheduler names)"),
        ("timm", "timm (timm.scheduler)"),
        ("optax", "optax (optax.schedules)"),
        ("keras", "Keras 3 (keras.optimizers.schedules)"),
        ("deepspeed", "DeepSpeed (deepspeed.runtime.lr_schedules)"),
        ("mmengine", "mmengine (mmengine.optim.scheduler)"),
    ]

    /// Every type grouped by framework, one line each: name and summary.
    public static func list(_ catalog: ScheduleCatalog = .standard) -> String {
        var out = ""
        let width = (catalog.types.map(\.name.count).max() ?? 0) + 2
        for (key, title) in frameworks {
            let types = catalog.types.filter { $0.framework == key }
            guard !types.isEmpty else { continue }
            out += (out.isEmpty ? "" : "\n") + title + "\n"
            for t in types {
                out += "  " + t.name.padding(toLength: width, withPad: " ", startingAt: 0) + t.summary + "\n"
            }
        }
        return out
    }

    /// Parameters with defaults, formula and behaviour past the end of one type.
    public static func describe(_ name: String, catalog: ScheduleCatalog = .standard) throws(LRPlotError) -> String {
        guard let t = catalog.type(named: name) else {
            var message = "unknown schedule type \"\(name)\""
            if let close = catalog.suggestType(for: name) { message += "; did you mean \"\(close)\"?" }
            throw LRPlotError(.arguments, message + " (`lrplot list` shows every type)")
        }
        var out = "\(t.name): \(t.summary)\n\nParameters:\n"
        if t.parameters.isEmpty { out += "  (none)\n" }
        let width = (t.parameters.map(\.name.count).max() ?? 0) + 2
        for p in t.parameters {
            out += "  " + p.name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "\(p.kind.expectation), default \(p.defaultText). \(p.summary)\n"
        }
        out += "\nFormula:\n" + t.formula.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        out += parameterGroups(t)
        return out
    }

    /// The "Parameter groups" section of a type whose optimizer can have several groups.
    static func parameterGroups(_ t: ScheduleType) -> String {
        let perGroup = t.parameters.filter { p in
            switch p.kind {
            case .numberPerGroup, .expressionPerGroup: return true
            default: return false
            }
        }.map(\.name)
        guard perGroup.contains("lr") else { return "" }
        var out = "\nParameter groups:\n  \"lr\": [a, b, …] builds the optimizer with one parameter group per entry and gives one series "
            + "per group (LABEL/pg0, LABEL/pg1, …), computed as the framework computes its groups; they stop together where it raises for any group."
        let others = perGroup.filter { $0 != "lr" }
        if !others.isEmpty {
            out += " Per group too, as a list (a number applies to every group): "
                + others.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        }
        return out + "\n"
    }

    /// A Markdown reference of every type (for the README): a table per framework.
    public static func markdown(_ catalog: ScheduleCatalog = .standard) -> String {
        var out = ""
        for (key, title) in frameworks {
            let types = catalog.types.filter { $0.framework == key }
            guard !types.isEmpty else { continue }
            // The generic families are documented with their formulas; framework types with a
            // summary (their formulas are in `lrplot describe`).
            let generic = key == "generic"
            out += "#### \(title)\n\n| type | parameters (default) | \(generic ? "formula" : "what it does") |\n|---|---|---|\n"
            for t in types {
                let params = t.parameters.map { p in
                    p.defaultValue == .required ? "`\(p.name)`" : "`\(p.name)` (\(p.defaultText))"
                }.joined(separator: ", ")
                let text = generic ? t.summary + "<br>" + t.formula.replacingOccurrences(of: "\n", with: "<br>") : t.summary
                out += "| `\(t.name)` | \(Self.cell(params)) | \(Self.cell(text)) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|")
    }
}
