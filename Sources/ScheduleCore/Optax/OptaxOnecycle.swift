/// Shared arithmetic of optax's `linear_onecycle_schedule` and `cosine_onecycle_schedule`.
enum OptaxOnecycle {
    /// Python's `int(pct * transition_steps)`: truncation toward zero of the float product.
    static func boundary(_ pct: Double, _ transitionSteps: Int, _ p: Parameters, _ name: String) throws -> Int {
        let product = pct * Double(transitionSteps)
        try p.check(product.isFinite && abs(product) < 9.0e18, name, "\(name) * transition_steps must be a finite step, found \(product) (optax's int() raises \(product.isNaN ? "ValueError: cannot convert float NaN to integer" : "OverflowError: cannot convert float infinity to integer"))")
        return Int(saturating: product.rounded(.towardZero))
    }

    /// Python's `a / b` for floats: raises `ZeroDivisionError` when `b == 0`.
    static func divide(_ a: Double, _ b: Double, _ p: Parameters, _ name: String) throws -> Double {
        try p.check(b != 0, name, "must not be 0 (optax divides by it: ZeroDivisionError: float division by zero)")
        return a / b
    }
}
