import Foundation
import Testing
@testable import RunCheck
import RunLogs
import ScheduleCore

@Test func explore() throws {
    let cases: [(String, String?, String, Int?)] = [
        ("hf-trainer-cosine/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 5, "num_training_steps": 40}"#, nil),
        ("hf-trainer-cosine/runs", nil, #"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 5, "num_training_steps": 40}"#, nil),
        ("hf-trainer-cosine/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 5, "num_training_steps": 60}"#, nil),
        ("hf-trainer-cosine/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 2e-3, "num_warmup_steps": 10, "num_training_steps": 40}"#, nil),
        ("hf-trainer-cosine/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 2e-3, "num_warmup_steps": 5, "num_training_steps": 40}"#, nil),
        ("torch-onecycle", nil, #"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 50}"#, nil),
        ("torch-logs-next-step", nil, #"{"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 50}"#, nil),
        ("torch-grad-accum-miscounted", nil, #"{"type": "hf.cosine", "lr": 2e-3, "num_warmup_steps": 4, "num_training_steps": 30}"#, nil),
        ("accelerate-two-processes", nil, #"{"type": "hf.linear", "lr": 0.05, "num_warmup_steps": 3, "num_training_steps": 24}"#, nil),
        ("torch-resumed-restarted", nil, #"{"type": "torch.CosineAnnealingLR", "lr": 0.05, "T_max": 60}"#, nil),
        ("torch-fp16-skipped-steps", nil, #"{"type": "hf.linear", "lr": 0.01, "num_warmup_steps": 5, "num_training_steps": 50}"#, nil),
        ("lightning-per-epoch/csv/version_0/metrics.csv", nil, #"{"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": 40}"#, 10),
        ("lightning-cosine-groups/csv/version_0/metrics.csv", "lr-SGD/pg2", #"{"type": "torch.CosineAnnealingLR", "lr": 0.01, "T_max": 40}"#, nil),
        ("keras-cosine/train", nil, #"{"type": "keras.CosineDecay", "initial_learning_rate": 0.01, "decay_steps": 40, "alpha": 0.1}"#, 5),
        ("timm-cosine/summary.csv", nil, #"{"type": "timm.CosineLRScheduler", "lr": 0.05, "t_initial": 12, "lr_min": 1e-4, "warmup_t": 3, "warmup_lr_init": 1e-3}"#, nil),
        ("mlflow-steplr/run", nil, #"{"type": "torch.StepLR", "lr": 0.1, "step_size": 10, "gamma": 0.5}"#, nil),
        ("mmengine-cosine/scalars.json", nil, #"{"type": "torch.CosineAnnealingLR", "lr": 0.02, "T_max": 40}"#, nil),
        ("detectron2-balloon/metrics.json", nil, #"{"type": "torch.LinearLR", "lr": 0.00025, "start_factor": 0.001, "end_factor": 1.0, "total_iters": 300}"#, nil),
    ]
    for (file, key, planText, spe) in cases {
        let plan = try CheckPlan(JSONParser.parse(planText), stepsPerEpoch: spe)
        do {
            let r = try RunChecker.check(log: Fixtures.path(file), key: key, against: plan, options: CheckOptions(stepsPerEpoch: spe))
            print("\(file) [\(r.key)] \(r.verdict) conv=\(r.convention.name) n=\(r.pointsCompared) out=\(r.pointsOutsidePlan) diff=\(r.pointsDiffering) first=\(String(describing: r.firstDifference)) expl=\(r.explanations) notes=\(r.notes)")
        } catch {
            print("\(file): ERROR \(error)")
        }
    }
}

@Test func exploreReal() throws {
    let cases: [(String, String?, String, Int?)] = [
        ("real-runs/deepspeed-1/output/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 2e-5, "num_warmup_steps": 4, "num_training_steps": 128}"#, nil),
        ("real-runs/hf-1/trainer_state.json", nil, #"{"type": "hf.linear", "lr": 1e-5, "num_warmup_steps": 500, "num_training_steps": 5000}"#, nil),
        ("real-runs/hf-2/trainer_state.json", nil, #"{"type": "hf.linear", "lr": 1e-5, "num_warmup_steps": 500, "num_training_steps": 15000}"#, nil),
        ("real-runs/hf-3/trainer_state.json", nil, #"{"type": "hf.constant_with_warmup", "lr": 3e-6, "num_warmup_steps": 1000}"#, nil),
        ("real-runs/hf-4/output/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 2e-5, "num_warmup_steps": 37, "num_training_steps": 1218}"#, nil),
        ("real-runs/hf-5/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 1e-5, "num_warmup_steps": 57, "num_training_steps": 2808}"#, nil),
        ("real-runs/hf-6/output/trainer_state.json", nil, #"{"type": "hf.constant", "lr": 2e-4}"#, nil),
        ("real-runs/hf-7/model/trainer_state.json", nil, #"{"type": "hf.linear", "lr": 2e-4, "num_warmup_steps": 0, "num_training_steps": 313}"#, nil),
        ("real-runs/hf-8/checkpoint-8500/trainer_state.json", nil, #"{"type": "hf.cosine", "lr": 5e-5, "num_warmup_steps": 866, "num_training_steps": 8660}"#, nil),
        ("real-runs/hf-8/trainer_log.jsonl", "learning_rate", #"{"type": "hf.cosine", "lr": 5e-5, "num_warmup_steps": 866, "num_training_steps": 8660}"#, nil),
        ("real-runs/tb-1/runs", nil, #"{"type": "hf.linear", "lr": 5e-5, "num_warmup_steps": 0, "num_training_steps": 215337}"#, nil),
        ("real-runs/tb-2/lightning_logs/version_0/events.out.tfevents.1739977357.thesis.250670.0", nil, #"{"type": "torch.StepLR", "lr": 1e-4, "step_size": 1, "gamma": 0.97, "interval": "epoch"}"#, 429),
    ]
    for (file, key, planText, spe) in cases {
        let plan = try CheckPlan(JSONParser.parse(planText), stepsPerEpoch: spe)
        do {
            let r = try RunChecker.check(log: Fixtures.path(file), key: key, against: plan, options: CheckOptions(stepsPerEpoch: spe))
            print("\(file) [\(r.key)] \(r.verdict) conv=\(r.convention.name) n=\(r.pointsCompared) out=\(r.pointsOutsidePlan) diff=\(r.pointsDiffering) largest=\(r.largestError.map { "\($0.step) \($0.relativeError)" } ?? "-") first=\(String(describing: r.firstDifference)) expl=\(r.explanations) notes=\(r.notes)")
        } catch {
            print("\(file): ERROR \(error)")
        }
    }
}
