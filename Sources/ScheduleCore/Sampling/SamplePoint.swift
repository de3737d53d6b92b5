/// One evaluated step of a schedule: the step and its value.
public struct SamplePoint: Sendable, Equatable {
    /// The step `t`.
    public var step: Int
    /// The value at `t` (learning rate or momentum).
    public var value: Double

    public init(step: Int, value: Double) {
        self.step = step
        self.value = value
    }
}
