/// An error Python itself would raise while a transformers or timm schedule computes a value
/// (`ZeroDivisionError`, `ValueError: math domain error`, `OverflowError`, a complex result).
///
/// Schedules turn it into a ``ScheduleStop`` at the step where the framework would raise, or
/// into a ``ScheduleError`` when the framework raises while being constructed.
public struct PythonRaise: Error, Equatable, Sendable, CustomStringConvertible {
    /// What Python says, e.g. `ZeroDivisionError: float division by zero`.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
