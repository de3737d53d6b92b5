import Foundation
import TestSupport
import Testing
@testable import RunLogs

/// Every format read from a file its real tool wrote (Tests/RunFixtures, made by
/// tools/runlogs/make_fixtures.py, or published by the run's authors).
@Suite struct FormatTests {
    @Test func trainerStateFromTheTransformersTrainer() throws {
        let file = RunFixtures.path("hf-trainer-cosine/trainer_state.json")
        #expect(try LogDetector.detect(file) == .trainerState)
        let series = try LogReader.read(file)
        #expect(series.key == "learning_rate")
        #expect(series.format == .trainerState)
        #expect(series.precision == .float64)
        #expect(series.unit == .step)
        #expect(series.conventions == [.transformersSince451, .transformersBefore451])
        #expect(series.points.count == 40)
        #expect(series.points.first == LoggedPoint(step: 1, value: 0.0))
        #expect(series.points[1] == LoggedPoint(step: 2, value: 0.0002))
        #expect(series.points.map(\.step) == Array(1...40))
        #expect(series.run == RunInfo(maxSteps: 40, numTrainEpochs: 1, loggingSteps: 1, trainBatchSize: 4, globalStep: 40))
        #expect(series.notes.isEmpty)
        // The evaluation entries' keys are keys too; the summary entry's as well.
        let keys = try LogReader.open(file).keys()
        #expect(keys.contains("eval_loss") && keys.contains("loss") && keys.contains("train_runtime"))
        #expect(!keys.contains("step") && !keys.contains("epoch"))
        let evalLoss = try LogReader.read(file, key: "eval_loss")
        #expect(evalLoss.points.map(\.step) == [10, 20, 30, 40])
    }

    /// The Trainer's TensorBoard callback wrote the same rates: binary32 copies of the JSON's doubles.
    @Test func tensorBoardRunDirectoryFromTheTransformersTrainer() throws {
        let directory = RunFixtures.path("hf-trainer-cosine/runs")
        #expect(try LogDetector.detect(directory) == .tensorBoard)
        let tb = try LogReader.read(directory)
        #expect(tb.key == "train/learning_rate")
        #expect(tb.precision == .float32)
        #expect(tb.conventions == [.transformersSince451, .transformersBefore451])
        let json = try LogReader.read(RunFixtures.path("hf-trainer-cosine/trainer_state.json"))
        #expect(tb.points.map(\.step) == json.points.map(\.step))
        for (a, b) in zip(tb.points, json.points) {
            #expect(a.value == Double(Float(b.value)))
        }
    }

    @Test func summaryWriterScalars() throws {
        let series = try LogReader.read(RunFixtures.path("torch-onecycle"))
        #expect(series.key == "lr")
        #expect(series.points.count == 50)
        #expect(series.points.map(\.step) == Array(0..<50))
        // OneCycleLR starts at max_lr / div_factor = 0.1 / 25.
        #expect(series.points[0].value == Double(Float(0.004)))
        #expect(series.conventions == [.nextStepRate])
    }

    @Test func lightningCSVWithParameterGroupsAndMomentum() throws {
        let file = RunFixtures.path("lightning-cosine-groups/csv/version_0/metrics.csv")
        #expect(try LogDetector.detect(file) == .lightningCSV)
        // Two parameter groups: no single learning-rate key; momentum columns are not candidates.
        #expect(throws: LogError.ambiguousKey(file: file, candidates: ["lr-SGD/pg1", "lr-SGD/pg2"])) {
            try LogReader.read(file)
        }
        let pg1 = try LogReader.read(file, key: "lr-SGD/pg1")
        let pg2 = try LogReader.read(file, key: "lr-SGD/pg2")
        #expect(pg1.points.count == 40 && pg2.points.count == 40)
        #expect(pg1.points.map(\.step) == Array(0..<40))
        #expect(pg1.points[0].value == 0.1 && pg2.points[0].value == 0.01)
        #expect(pg1.precision == .float64)
        let momentum = try LogReader.read(file, key: "lr-SGD/pg1-momentum")
        #expect(momentum.points.allSatisfy { $0.value == 0.9 })
        // Rows that only hold train_loss leave the lr cells empty: skipped, not errors.
        let loss = try LogReader.read(file, key: "train_loss")
        #expect(loss.points.count == 40)
    }

    @Test func lightningTensorBoardLoggerMatchesItsCSVLogger() throws {
        let csv = try LogReader.read(RunFixtures.path("lightning-per-epoch/csv/version_0/metrics.csv"))
        let tb = try LogReader.read(RunFixtures.path("lightning-per-epoch/tb/version_0"))
        #expect(csv.key == "lr-SGD" && tb.key == "lr-SGD")
        #expect(tb.points.map(\.step) == csv.points.map(\.step))
        #expect(zip(tb.points, csv.points).allSatisfy { $0.value == Double(Float($1.value)) })
    }

    @Test func kerasEpochScalarsAreTensors() throws {
        let directory = RunFixtures.path("keras-cosine/train")
        let series = try LogReader.read(directory)
        #expect(series.key == "epoch_learning_rate")
        #expect(series.unit == .epoch)
        #expect(series.conventions == [.kerasEpochEnd])
        #expect(series.precision == .float32)
        #expect(series.points.map(\.step) == Array(0..<8))
        // CosineDecay(0.01, decay_steps 40, alpha 0.1) after the last epoch (step 40): alpha · 0.01.
        #expect(abs(series.points[7].value - 0.001) < 1e-9)
    }

    @Test func timmSummaryCSV() throws {
        let file = RunFixtures.path("timm-cosine/summary.csv")
        #expect(try LogDetector.detect(file) == .timmSummary)
        let series = try LogReader.read(file)
        #expect(series.key == "lr")
        #expect(series.unit == .epoch)
        #expect(series.points.map(\.step) == Array(0..<12))
        #expect(series.points[0].value == 0.001)  // warmup_lr_init
    }

    @Test func mlflowFileStoreRun() throws {
        let run = RunFixtures.path("mlflow-steplr/run")
        #expect(try LogDetector.detect(run) == .mlflowMetric)
        let log = try LogReader.open(run)
        #expect(try log.keys() == ["lr", "train/loss"])
        let series = try LogReader.read(run)
        #expect(series.key == "lr")
        #expect(series.points.map(\.step) == Array(0..<30))
        #expect(series.points[9].value == 0.1 && series.points[10].value == 0.05 && series.points[29].value == 0.025)
        // A metric file alone, detected from its lines.
        let file = RunFixtures.path("mlflow-steplr/run/metrics/lr")
        #expect(try LogDetector.detect(file) == .mlflowMetric)
        #expect(try LogReader.read(file).points == series.points)
        #expect(try LogReader.read(RunFixtures.path("mlflow-steplr/run/metrics/train/loss"), key: "train/loss").points.count == 30)
    }

    @Test func mmengineScalarsJSONLines() throws {
        let file = RunFixtures.path("mmengine-cosine/scalars.json")
        #expect(try LogDetector.detect(file) == .jsonLines)
        let series = try LogReader.read(file)
        #expect(series.key == "lr")
        #expect(series.conventions == [.mmengine])
        #expect(series.points.map(\.step) == Array(1...40))
        #expect(series.points[0].value == 0.02)
    }

    @Test func detectron2MetricsJSONPublishedByItsAuthor() throws {
        let file = RunFixtures.path("detectron2-balloon/metrics.json")
        let series = try LogReader.read(file)
        #expect(series.key == "lr")
        #expect(series.unit == .iteration)
        #expect(series.points.map(\.step) == [19, 39, 59, 79, 99])
        #expect(series.points[0].value == 1.60675e-05)
    }

    @Test func llamaFactoryTrainerLog() throws {
        let file = RunFixtures.path("real-runs/hf-8/trainer_log.jsonl")
        let log = try LogReader.open(file)
        #expect(log.format == .jsonLines)
        // "learning_rate" is the only rate; "total_steps" is a number too but not a step field here.
        let series = try LogReader.read(file)
        #expect(series.key == "learning_rate")
        #expect(series.conventions == [.transformersSince451, .transformersBefore451])
        #expect(series.points.first?.step == 10)
        #expect(series.points.count == 866)
    }

    /// A run that crashed at step 29 and resumed from step 20 into a second event file.
    @Test func resumedRunKeepsTheLastValueOfRepeatedSteps() throws {
        let directory = RunFixtures.path("torch-resumed-restarted")
        let log = try LogReader.open(directory)
        #expect(log.files.count == 2)
        var raw: [RawLoggedPoint] = []
        try log.forEachPoint(key: "lr") { raw.append($0) }
        #expect(raw.count == 70)
        let series = try LogReader.read(directory)
        #expect(series.points.count == 60)
        #expect(series.points.map(\.step) == Array(0..<60))
        #expect(series.notes == [.repeatedSteps(count: 10, firstStep: 20, lastStep: 29, resumes: 1), .multipleFiles(count: 2)])
        // The kept values at 20…29 are the second file's: the restarted schedule's 0.05 at step 20.
        let second = raw.filter { $0.fileIndex == 1 }
        #expect(series.points[20].value == second[0].value)
        #expect(series.points[20].value == Double(Float(0.05)))
    }

    /// Every log in shared/real-runs reads, with the point counts its README gives.
    @Test(arguments: [
        ("real-runs/deepspeed-1/output/trainer_state.json", 128),
        ("real-runs/hf-1/trainer_state.json", 200),
        ("real-runs/hf-2/trainer_state.json", 150),
        ("real-runs/hf-3/trainer_state.json", 2000),
        ("real-runs/hf-4/output/trainer_state.json", 1218),
        ("real-runs/hf-5/trainer_state.json", 186),
        ("real-runs/hf-6/output/trainer_state.json", 1000),
        ("real-runs/hf-7/model/trainer_state.json", 31),
        ("real-runs/hf-8/checkpoint-8500/trainer_state.json", 850),
        ("real-runs/tb-1/runs", 430),
        ("real-runs/tb-2/lightning_logs/version_0", 61),
        ("real-runs/tb-3/TFT-Prediction/lightning_logs/optuna/version_2", 50),
    ])
    func realRunReads(_ file: String, _ count: Int) throws {
        let series = try LogReader.read(RunFixtures.path(file))
        #expect(series.points.count == count)
        #expect(series.points.allSatisfy { $0.value.isFinite && $0.value >= 0 })
        #expect(zip(series.points, series.points.dropFirst()).allSatisfy { $0.step < $1.step })
    }

    /// timm 0.4's summary.csv had no lr column: the error lists the columns it has.
    @Test func timmSummaryWithoutLearningRate() throws {
        let file = RunFixtures.path("real-runs/timm-1/output/summary.csv")
        #expect(throws: LogError.noLearningRateKey(file: file, keys: ["train_loss", "eval_loss", "eval_top1", "eval_top5"])) {
            try LogReader.read(file)
        }
        #expect(try LogReader.read(file, key: "eval_loss").points.first?.step == 1508)
    }
}

/// The allocation-free scanner reads what the generated swift-protobuf types decode, on every
/// TensorBoard log the tests have (simple values and Keras's tensors).
@Suite struct ScannerAgreesWithSwiftProtobuf {
    @Test(arguments: ["hf-trainer-cosine/runs", "torch-onecycle", "torch-resumed-restarted", "lightning-per-epoch/tb/version_0",
                      "keras-cosine/train", "real-runs/tb-1/runs", "real-runs/tb-2/lightning_logs/version_0",
                      "real-runs/tb-3/TFT-Prediction/lightning_logs/optuna/version_2"])
    func sameScalars(_ directory: String) throws {
        let log = try TensorBoardLog(path: RunFixtures.path(directory))
        var scanned: [String] = []
        try log.forEachScalar(matching: nil) { tag, step, value, precision, _ in
            scanned.append("\(String(decoding: tag, as: UTF8.self)) \(step) \(value.bitPattern) \(precision)")
        }
        var decoded: [String] = []
        try log.forEachScalarDecodingEvents { tag, step, value, precision in
            decoded.append("\(tag) \(step) \(value.bitPattern) \(precision)")
        }
        #expect(!scanned.isEmpty)
        #expect(scanned == decoded)
    }
}
