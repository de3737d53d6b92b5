import Foundation

/// The float32 steps inside Keras 3's float64 schedules.
///
/// Keras's `ops.floor`, `ops.ceil` and `ops.cos` cast a float64 tensor to
/// `result_type(x.dtype, float)`, which Keras 3.15 resolves to float32, and compute in float32
/// (verified against Keras 3.15.1 on the JAX backend with float64 inputs). Python scalars
/// combined with a float32 tensor stay float32 (weak typing); float64 tensors combined with it
/// give float64. These helpers reproduce those steps bit for bit: `Float(x)` rounds to nearest
/// like XLA's convert, and Swift's `cos(Float)` is the C library's `cosf`, which XLA's CPU
/// backend also calls.
enum KerasFloat32 {
    /// `ops.floor(x)` of a float64 `x`: float32 floor of `x` rounded to float32.
    static func floor(_ x: Double) -> Double {
        Double(Float(x).rounded(.down))
    }

    /// `ops.ceil(x)` of a float64 `x`: float32 ceiling of `x` rounded to float32.
    static func ceil(_ x: Double) -> Double {
        Double(Float(x).rounded(.up))
    }

    /// `ops.cos(x)` of a float64 `x`: float32 cosine of `x` rounded to float32.
    static func cos(_ x: Double) -> Float {
        Foundation.cos(Float(x))
    }
}
