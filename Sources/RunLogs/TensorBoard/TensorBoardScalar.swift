import Foundation

/// Turns a `Summary.Value` into a scalar, the way TensorBoard's own readers do.
///
/// A scalar is either `simple_value` (a binary32: torch's `SummaryWriter`, transformers,
/// Lightning, tensorboardX) or a `tensor` with one element (TF2 `tf.summary.scalar`, which
/// Keras's `TensorBoard` callback uses for `epoch_learning_rate`; its metadata names the
/// `scalars` plugin). A one-element tensor may keep its value in the typed field
/// (`float_val`, `double_val`, `half_val`, `int_val`, `int64_val`) or in `tensor_content`
/// (little-endian), as `tensorboard/util/tensor_util.py`'s `make_ndarray` reads it.
enum TensorBoardScalar {
    /// The value and its precision, or `nil` when the summary value is not a scalar (an image,
    /// a histogram, a text, a tensor of several elements).
    static func value(of summaryValue: Tensorboard_Summary.Value) throws(ScalarError) -> (Double, ValuePrecision)? {
        switch summaryValue.value {
        case .simpleValue(let f)?:
            return (Double(f), .float32)
        case .tensor(let t)?:
            return try value(of: t)
        default:
            return nil
        }
    }

    /// Why a tensor that claims to be a scalar cannot be read.
    struct ScalarError: Error { var reason: String }

    static func value(of tensor: Tensorboard_TensorProto) throws(ScalarError) -> (Double, ValuePrecision)? {
        var elements: Int64 = 1
        for dim in tensor.tensorShape.dim { elements &*= dim.size }
        guard elements == 1, !tensor.tensorShape.unknownRank else { return nil }
        let content = tensor.tensorContent
        switch tensor.dtype {
        case .dtFloat:
            if let f = tensor.floatVal.first { return (Double(f), .float32) }
            guard let bits = littleEndian(content, as: UInt32.self) else { throw ScalarError(reason: "a DT_FLOAT scalar without a value") }
            return (Double(Float(bitPattern: bits)), .float32)
        case .dtDouble:
            if let d = tensor.doubleVal.first { return (d, .float64) }
            guard let bits = littleEndian(content, as: UInt64.self) else { throw ScalarError(reason: "a DT_DOUBLE scalar without a value") }
            return (Double(bitPattern: bits), .float64)
        case .dtHalf:
            let bits = tensor.halfVal.first.map { UInt16(truncatingIfNeeded: $0) } ?? littleEndian(content, as: UInt16.self)
            guard let bits else { throw ScalarError(reason: "a DT_HALF scalar without a value") }
            return (halfToDouble(bits), .float16)
        case .dtBfloat16:
            let bits = tensor.halfVal.first.map { UInt16(truncatingIfNeeded: $0) } ?? littleEndian(content, as: UInt16.self)
            guard let bits else { throw ScalarError(reason: "a DT_BFLOAT16 scalar without a value") }
            return (Double(Float(bitPattern: UInt32(bits) << 16)), .bfloat16)
        case .dtInt32, .dtInt16, .dtInt8, .dtUint8, .dtUint16:
            if let i = tensor.intVal.first { return (Double(i), .float64) }
            return nil
        case .dtInt64:
            if let i = tensor.int64Val.first { return (Double(i), .float64) }
            guard let bits = littleEndian(content, as: UInt64.self) else { return nil }
            return (Double(Int64(bitPattern: bits)), .float64)
        default:
            return nil
        }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ data: Data, as: T.Type) -> T? {
        guard data.count == MemoryLayout<T>.size else { return nil }
        var v: T = 0
        for (i, byte) in data.enumerated() { v |= T(byte) << (8 * i) }
        return v
    }

    /// IEEE binary16 bits to `Double`, exactly.
    static func halfToDouble(_ bits: UInt16) -> Double {
        let sign = bits >> 15 == 1 ? -1.0 : 1.0
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
