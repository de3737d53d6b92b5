/// Linear interpolation as ATen computes `torch.lerp` on CPU.
enum Lerp {
    /// `start + weight·(end − start)` when |weight| < 0.5, else `end − (end − start)·(1 − weight)`.
    @inline(__always)
    static func torch(_ start: Double, _ end: Double, _ weight: Double) -> Double {
        abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }
}
