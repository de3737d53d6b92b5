import Testing
import ScheduleCore
import Simulation

/// Spec errors name the path of the offending value and suggest close names.
@Suite struct DecodingTests {
    func error(_ text: String) throws -> ScheduleError? {
        let value = try json(text)
        do {
            _ = try SimulationSpec.decode(value, path: "simulate")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (#"{"optimizer": {"type": "torch.Adam", "betas": [0.9]}, "problem": "digits"}"#, "simulate.optimizer.betas", "two numbers"),
        (#"{"optimizer": {"type": "torch.Adam", "beta": [0.9, 0.99]}, "problem": "digits"}"#, "simulate.optimizer.beta", "did you mean \"betas\"?"),
        (#"{"optimizer": {"type": "torch.Adam", "betas": [0.9, 1.0]}, "problem": "digits"}"#, "simulate.optimizer.betas", "Invalid beta parameter at index 1: 1.0"),
        (#"{"optimizer": {"type": "torch.Adma"}, "problem": "digits"}"#, "simulate.optimizer.type", "did you mean \"torch.Adam\"?"),
        (#"{"optimizer": {"type": "RMSProp"}, "problem": "digits"}"#, "simulate.optimizer.type", "did you mean \"torch.RMSprop\"?"),
        (#"{"optimizer": {"lr": 0.1}, "problem": "digits"}"#, "simulate.optimizer", "missing \"type\""),
        (#"{"optimizer": {"type": "torch.SGD", "nesterov": true}, "problem": "digits"}"#, "simulate.optimizer.nesterov", "Nesterov momentum requires a momentum and zero dampening"),
        (#"{"optimizer": {"type": "torch.SGD", "lr": -1}, "problem": "digits"}"#, "simulate.optimizer.lr", "Invalid learning rate: -1.0"),
        (#"{"optimizer": {"type": "torch.SGD", "momentum": "0.9"}, "problem": "digits"}"#, "simulate.optimizer.momentum", "remove the quotes"),
        (#"{"optimizer": {"type": "torch.Adagrad", "lr_decay": -0.1}, "problem": "digits"}"#, "simulate.optimizer.lr_decay", "Invalid lr_decay value"),
        (#"{"optimizer": {"type": "torch.RMSprop", "alpha": -0.1}, "problem": "digits"}"#, "simulate.optimizer.alpha", "Invalid alpha value"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": "digit"}"#, "simulate.problem", "did you mean \"digits\"?"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits", "batchsize": 10}"#, "simulate.batchsize", "did you mean \"batch_size\"?"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits", "batch_size": 0}"#, "simulate.batch_size", "1…1500"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits", "model": "cnn"}"#, "simulate.model", "\"linear\", \"mlp\""),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits", "model": "linear", "hidden": 5}"#, "simulate.hidden", "only used with \"model\": \"mlp\""),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "mse", "features": [[1]], "targets": [1]}, "seed": 3}"#, "simulate.seed", "only used with \"problem\": \"digits\""),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "mse", "features": [[1, 2], [3]], "targets": [1, 2]}}"#, "simulate.problem.features[1]", "expected 2 numbers"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "mse", "features": [[1]], "targets": [1, 2]}}"#, "simulate.problem.targets", "one target per row"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "mse", "features": [[1]], "targets": [1], "initial_weights": [1, 2]}}"#, "simulate.problem.initial_weights", "expected 1 numbers"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "softmax", "features": [[1]], "targets": [0.5]}}"#, "simulate.problem.targets[0]", "class index"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "hinge", "features": [[1]], "targets": [1]}}"#, "simulate.problem.loss", "\"logistic\", \"mse\", \"softmax\""),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"los": "mse", "features": [[1]], "targets": [1]}}"#, "simulate.problem.los", "did you mean \"loss\"?"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "mse", "features": [[]], "targets": [1]}}"#, "simulate.problem.features[0]", "at least one feature"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "mse", "features": [[1], []], "targets": [1, 2]}}"#, "simulate.problem.features[1]", "at least one feature"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "logistic", "features": [[1], [2]], "targets": [1, 1.5]}}"#, "simulate.problem.targets[1]", "a probability in [0, 1]"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "logistic", "features": [[1]], "targets": [-0.1]}}"#, "simulate.problem.targets[0]", "found -0.1"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "softmax", "features": [[1, 2]], "targets": [999999]}}"#, "simulate.problem.targets[0]", "a 2 × 1000000 weight matrix, over the 1000000 weights"),
        (#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits", "allow_long": "yes"}"#, "simulate.allow_long", "true or false"),
        (#"{"problem": "digits"}"#, "simulate", "needs \"optimizer\""),
        (#"[1]"#, "simulate", "expected an object"),
    ])
    func errorsNameThePath(_ text: String, _ path: String, _ fragment: String) throws {
        let e = try #require(try error(text), "no error for \(text)")
        #expect(e.path == path, "\(e)")
        #expect(e.message.contains(fragment), "\(e)")
    }

    @Test func defaultsAreTorchs() throws {
        let adamW = try SimulationSpec.decode(try json(#"{"optimizer": {"type": "torch.AdamW"}, "problem": "digits"}"#), path: "simulate")
        #expect(adamW.optimizer == .adamW(Adam(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, decoupledWeightDecay: true)))
        #expect(adamW.problem == .digits(DigitsProblem(model: .mlp(hidden: 32, activation: .tanh), batchSize: 32, seed: 0)))
        if case .digits(let d) = adamW.problem { #expect(d.evalEvery == nil && d.evalInterval(steps: 100_000) == 47 && d.evalInterval(steps: 1000) == 10 && d.evalInterval(steps: 50) == 1) }
        let sgd = try SimulationSpec.decode(try json(#"{"optimizer": {"type": "torch.SGD"}, "problem": "digits"}"#), path: "s")
        #expect(sgd.optimizer == .sgd(SGD(lr: 0.001)))
        let rms = try OptimizerSpec.decode(try json(#"{"type": "torch.RMSprop"}"#), path: "o")
        #expect(rms == .rmsprop(RMSprop(lr: 0.01, alpha: 0.99, eps: 1e-8)))
        let adagrad = try OptimizerSpec.decode(try json(#"{"type": "torch.Adagrad"}"#), path: "o")
        #expect(adagrad == .adagrad(Adagrad(lr: 0.01, eps: 1e-10)))
        #expect(adagrad.inheritedScheduleValues == ["lr": .number(0.01)])
    }

    @Test func inlineProblemDefaults() throws {
        let spec = try SimulationSpec.decode(
            try json(#"{"optimizer": {"type": "torch.SGD"}, "problem": {"loss": "softmax", "features": [[1, 2]], "targets": [2]}}"#), path: "s")
        guard case .inline(let p) = spec.problem else { Issue.record("not inline"); return }
        #expect(p.classCount == 3 && p.initialWeights == [0, 0, 0, 0, 0, 0] && p.featureCount == 2 && p.rowCount == 1)
    }
}
