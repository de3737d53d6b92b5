/// An optax schedule evaluated at a count given as a Python int, as `schedule(t)` is called.
///
/// Python's ints do not overflow: inside `join_schedules` a child is called with
/// `step - boundary`, which passes `Int.max` when a boundary is negative, and a child's own
/// `count - transition_begin` or `threshold - count` is a Python int too. JAX (with x64, as
/// lrplot's float64 model) converts such an int to `int64` where it meets a `jnp` operation
/// and raises `OverflowError` when it does not fit; the operations between `int64` arrays
/// that follow wrap around as two's complement. Each schedule below mirrors where its optax
/// code converts: `cosine_decay_schedule` calls `float(count)` first (no overflow),
/// `exponential_decay` divides Python ints (correctly rounded), `polynomial_schedule` clips
/// `count - transition_begin` with `jnp.clip`, `piecewise_constant_schedule` takes
/// `jnp.sign(threshold - count)`, `piecewise_interpolate_schedule` compares `count` with an
/// `int64` array.
protocol OptaxCountSchedule: ClosedFormSchedule {
    /// The value at `count`, or the error JAX raises there.
    func value(atCount count: Int128) throws(PythonRaise) -> Double

    /// Whether ``value(atCount:)`` raises anywhere in `counts`.
    func mayRaise(in counts: ClosedRange<Int128>) -> Bool
}

enum OptaxCount {
    /// JAX's error for a Python int that does not fit in `int64`.
    static func overflow(_ value: Int128) -> PythonRaise {
        PythonRaise("OverflowError", "An overflow was encountered while parsing an argument to a jitted computation: int \(value) does not fit in int64")
    }

    /// `value` as JAX's `int64`, or its `OverflowError`.
    static func int64(_ value: Int128) throws(PythonRaise) -> Int {
        guard let i = Int(exactly: value) else { throw overflow(value) }
        return i
    }

    /// Whether some value of `values` does not fit in `int64`.
    static func leavesInt64(_ values: ClosedRange<Int128>) -> Bool {
        values.lowerBound < Int128(Int.min) || values.upperBound > Int128(Int.max)
    }

    /// `schedule` at `count`: an optax schedule as its code computes; any other
    /// closed-form schedule (Keras, lrplot's generic families) at an `Int` count, raising
    /// JAX's `OverflowError` past `int64`. A negative count (a branch `join_schedules`
    /// computes but does not select) gives NaN for those: their value is never used.
    static func value(of schedule: any ClosedFormSchedule, atCount count: Int128) throws(PythonRaise) -> Double {
        if let optax = schedule as? any OptaxCountSchedule { return try optax.value(atCount: count) }
        if count < 0 { return .nan }
        return schedule.value(at: try int64(count))
    }

    /// Whether ``value(of:atCount:)`` raises for some count in `counts`.
    static func mayRaise(_ schedule: any ClosedFormSchedule, in counts: ClosedRange<Int128>) -> Bool {
        if let optax = schedule as? any OptaxCountSchedule { return optax.mayRaise(in: counts) }
        return counts.upperBound > Int128(Int.max)
    }
}

extension ConstantSchedule: OptaxCountSchedule {
    /// `constant_schedule`: `lambda count: value` never looks at the count.
    func value(atCount count: Int128) throws(PythonRaise) -> Double { learningRate }
    func mayRaise(in counts: ClosedRange<Int128>) -> Bool { false }
}
