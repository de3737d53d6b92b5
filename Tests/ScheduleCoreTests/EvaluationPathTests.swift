import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// `lrplot list` and `describe` say how each type is evaluated over long runs
/// (``EvaluationPath``): the table they read must be what the types build. Every reference
/// case of the frameworks (computed by the real libraries) and a set of generic specs are
/// built, and each built schedule's path is compared with its type's declaration.
@Suite struct EvaluationPathTests {
    /// Specs of the generic families (the framework types come from the fixtures).
    static let genericSpecs = [
        #"{"type": "constant", "lr": 0.1}"#,
        #"{"type": "step", "lr": 0.1, "step_size": 10}"#,
        #"{"type": "multistep", "lr": 0.1, "milestones": [10, 20]}"#,
        #"{"type": "exponential", "lr": 0.1, "gamma": 0.99}"#,
        #"{"type": "time_based", "lr": 0.1, "decay": 0.01}"#,
        #"{"type": "linear", "lr": 0.1, "total_steps": 100}"#,
        #"{"type": "polynomial", "lr": 0.1, "total_steps": 100, "power": 2}"#,
        #"{"type": "cosine", "lr": 0.1, "total_steps": 100}"#,
        #"{"type": "cosine_restarts", "lr": 0.1, "period": 10, "t_mult": 2}"#,
        #"{"type": "cyclic", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10}"#,
        #"{"type": "cyclic", "base_lr": 0.001, "max_lr": 0.1, "step_size_up": 10, "mode": "exp_range", "gamma": 0.99}"#,
        #"{"type": "one_cycle", "max_lr": 0.1, "total_steps": 100}"#,
        #"{"type": "plateau", "lr": 0.1, "metrics": [1, 0.9, 0.95]}"#,
        #"{"type": "inverse_sqrt", "lr": 0.1, "warmup_steps": 10}"#,
        #"{"type": "wsd", "lr": 0.1, "total_steps": 100, "warmup_steps": 10}"#,
        #"{"type": "rex", "lr": 0.1, "total_steps": 100}"#,
        #"{"type": "tanh", "lr": 0.1, "total_steps": 100}"#,
        #"{"type": "piecewise", "knots": [[0, 0.1], [50, 0.01]]}"#,
        #"{"type": "expr", "expr": "0.1 * 0.5 ** (step // 30)"}"#,
        #"{"type": "warmup", "warmup_steps": 10, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 100}}"#,
        #"{"type": "warmup", "warmup_steps": 10, "schedule": {"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 100}}"#,
        #"{"type": "sequence", "boundaries": [10], "schedules": [{"type": "constant", "lr": 0.01}, {"type": "cosine", "lr": 0.1, "total_steps": 100}]}"#,
        #"{"type": "sequence", "boundaries": [10], "schedules": [{"type": "constant", "lr": 0.01}, {"type": "torch.StepLR", "lr": 0.1, "step_size": 5}]}"#,
        #"{"type": "product", "schedules": [{"type": "constant", "lr": 0.5}, {"type": "cosine", "lr": 0.1, "total_steps": 100}]}"#,
        #"{"type": "product", "schedules": [{"type": "constant", "lr": 0.5}, {"type": "torch.StepLR", "lr": 0.1, "step_size": 5}]}"#,
    ]

    /// Every schedule object to build: the generic specs and the reference fixtures.
    static func specs() throws -> [JSONValue] {
        var specs = try genericSpecs.map { try JSONParser.parse($0) }
        let fixtures = PackagePaths.root().appendingPathComponent("Tests/ScheduleCoreTests/Fixtures")
        for name in ["frameworks.json", "torch_extra.json", "deepspeed.json", "mmengine.json", "timm_factory.json"] {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            guard case .array(let cases)? = try JSONParser.parse(text)["cases"] else { continue }
            for c in cases {
                if let schedule = c["schedule"], c["error"] == nil { specs.append(schedule) }
            }
        }
        return specs
    }

    @Test func everyTypeDeclaresItsPath() {
        for t in ScheduleCatalog.standard.types {
            #expect(t.evaluationPath != nil, "add \"\(t.name)\" to EvaluationPath.declared")
        }
    }

    @Test func declarationsMatchWhatTheTypesBuild() throws {
        var seen: [String: Set<EvaluationPath>] = [:]
        for spec in try Self.specs() {
            guard case .string(let name)? = spec["type"], let schedule = try? ScheduleCatalog.standard.make(spec, path: "") else { continue }
            seen[name, default: []].insert(EvaluationPath.of(schedule))
        }
        for t in ScheduleCatalog.standard.types {
            let paths = seen[t.name] ?? []
            #expect(!paths.isEmpty, "no spec of \(t.name) was built")
            guard let declared = t.evaluationPath else { continue }
            if declared == .nested {
                #expect(paths.count > 1 || t.parameters.contains { $0.kind == .schedule || $0.kind == .scheduleList },
                        "\(t.name) is declared \"as its parts\" but takes no nested schedule")
            } else if declared == .stepByStep && paths.contains(.stepByStep) {
                // Step by step for its defaults; some settings may build a closed form (an upper bound).
                #expect(paths.isSubset(of: [.stepByStep, .closedForm]), "\(t.name) is declared step by step but builds \(paths.map(\.rawValue).sorted())")
            } else {
                #expect(paths == [declared], "\(t.name) is declared \(declared.rawValue) but builds \(paths.map(\.rawValue).sorted())")
            }
        }
    }
}

/// What `describe product` says about its cost is what a product builds.
@Suite struct ProductEvaluationPathTests {
    @Test func productOfOneIsItsPartAndOfSeveralIsClosedForm() throws {
        let one = try makeSchedule(#"{"type": "product", "schedules": [{"type": "constant", "lr": 0.1}]}"#)
        #expect(EvaluationPath.of(one) == .fastPath)
        #expect(try one.evaluate(steps: 3).learningRates == [0.1, 0.1, 0.1])
        let two = try makeSchedule(#"{"type": "product", "schedules": [{"type": "constant", "lr": 0.1}, {"type": "constant", "lr": 0.5}]}"#)
        #expect(EvaluationPath.of(two) == .closedForm)
        #expect(EvaluationPath.nested.explanation.contains("only a product of one schedule"))
    }
}
