import Testing
@testable import RunLogs

@Suite struct PrecisionTests {
    @Test func binaryHalfUnits() {
        // 1.0: float32's ulp is 2^-23, half of it 2^-24; float64's 2^-53.
        #expect(ValuePrecision.float32.halfUnit(at: 1.0) == 0x1p-24)
        #expect(ValuePrecision.float64.halfUnit(at: 1.0) == 0x1p-53)
        #expect(ValuePrecision.float32.halfUnit(at: 1.5e-3) == 0x1p-34)  // 1.5e-3 is in [2^-10, 2^-9)
        #expect(ValuePrecision.float16.halfUnit(at: 1.0) == 0x1p-11)
        #expect(ValuePrecision.bfloat16.halfUnit(at: 1.0) == 0x1p-8)
    }

    @Test func printedDigits() {
        // Half a unit in the value's own last printed place, whatever its size: 0.09 is ±0.005.
        #expect(abs(ValuePrecision.printedDecimal(lastPlace: -2).halfUnit(at: 0.09) - 0.005) < 1e-18)
        #expect(abs(ValuePrecision.printedDecimal(lastPlace: -2).halfUnit(at: 0.1) - 0.005) < 1e-18)
        #expect(abs(ValuePrecision.printedDecimal(lastPlace: 1).halfUnit(at: 990) - 5) < 1e-12)
        #expect(CSVTable.lastPrintedPlace("0.09") == -2)
        #expect(CSVTable.lastPrintedPlace("0.1") == -1)
        #expect(CSVTable.lastPrintedPlace("0.100") == -3)
        #expect(CSVTable.lastPrintedPlace("2e-05") == -5)
        #expect(CSVTable.lastPrintedPlace("1.25E-05") == -7)
        #expect(CSVTable.lastPrintedPlace("300") == 0)
        #expect(CSVTable.lastPrintedPlace("nan") == nil)
    }

    @Test func halfToDouble() {
        #expect(TensorBoardScalar.halfToDouble(0x3C00) == 1)
        #expect(TensorBoardScalar.halfToDouble(0x0001) == 0x1p-24)
        #expect(TensorBoardScalar.halfToDouble(0xC000) == -2)
    }

    @Test func crc32cKnownValue() {
        // RFC 3720 B.4: 32 bytes of zeros -> 0x8A9136AA; "123456789" -> 0xE3069283.
        let zeros = [UInt8](repeating: 0, count: 32)
        #expect(zeros.withUnsafeBytes { CRC32C.shared.checksum($0) } == 0x8A91_36AA)
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32C.shared.checksum($0) } == 0xE306_9283)
    }

    @Test func learningRateKeys() {
        for key in ["learning_rate", "lr", "lr-AdamW", "lr-AdamW/pg2", "train/learning_rate", "epoch_learning_rate",
                    "run-1 - train/learning_rate", "learning_rate_adam", "train/lr"] {
            #expect(KeySelector.isLearningRate(key), "\(key)")
        }
        for key in ["loss", "lr-AdamW-momentum", "lr-AdamW/pg1-momentum", "run-1 - train/learning_rate__MIN", "eval_loss", "step", "epoch"] {
            #expect(!KeySelector.isLearningRate(key), "\(key)")
        }
    }

    /// The resume rule on a made-up step sequence: two restarts, kept points ascending.
    @Test func resumeFilterKeepsTheLastTimeline() {
        let steps = [0, 10, 20, 30, 40, 25, 35, 45, 55, 5, 15, 60]
        var filter = ResumeFilter()
        steps.forEach { filter.observe($0) }
        filter.finish()
        let kept = steps.filter { filter.keep($0) }
        #expect(kept == [0, 5, 15, 60])
        #expect(filter.resumes == 2)
        #expect(filter.note == .repeatedSteps(count: 8, firstStep: 10, lastStep: 55, resumes: 2))
    }
}

/// W&B panel exports cannot be made offline (the web UI writes them) and no published export of
/// a learning-rate panel was found, so the W&B reader's detection and keys are tested on the
/// header of a real export (quoted in a public repository's plotting script).
@Suite struct WandbHeaderTests {
    static let header = ["Step", "Layer_2_CH_n_1_out_200_LC_learning_rate_0.01_2nd_epoch_900000 - _step",
                         "Layer_2_CH_n_1_out_200_LC_learning_rate_0.01_2nd_epoch_900000 - _step__MIN",
                         "Layer_2_CH_n_1_out_200_LC_learning_rate_0.01_2nd_epoch_900000 - _step__MAX",
                         "Layer_2_CH_n_1_out_200_LC_learning_rate_0.01_2nd_epoch_900000 - train/loss",
                         "Layer_2_CH_n_1_out_200_LC_learning_rate_0.01_2nd_epoch_900000 - train/loss__MIN",
                         "Layer_2_CH_n_1_out_200_LC_learning_rate_0.01_2nd_epoch_900000 - train/loss__MAX"]

    @Test func detected() {
        #expect(CSVLog.detect(header: Self.header) == .wandbPanelCSV)
        #expect(CSVLog.detect(header: ["epoch", "lr-SGD", "step"]) == .lightningCSV)
        #expect(CSVLog.detect(header: ["epoch", "train_loss", "lr"]) == .timmSummary)
    }

    /// A run named after its learning rate is not a learning-rate key; a metric named alone
    /// finds its column when one run has it.
    @Test func keys() throws {
        let keys = Array(Self.header.dropFirst()).filter { !$0.hasSuffix("__MIN") && !$0.hasSuffix("__MAX") }
        #expect(keys.filter(KeySelector.isLearningRate).isEmpty)
        #expect(try KeySelector.select("train/loss", from: keys, file: "export.csv") == keys[1])
    }
}
