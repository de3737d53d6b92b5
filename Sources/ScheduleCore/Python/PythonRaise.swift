/// An exception Python itself would raise while framework code computes a value
/// (`ZeroDivisionError`, `ValueError: math domain error`, `OverflowError`, torch's
/// `ValueError: Tried to step …`), worded as Python prints it: `"<Type>: <message>"`.
///
/// The one error type for a Python raise in ScheduleCore: ``PythonMath`` throws it, the
/// expression evaluator and the torch, transformers and timm schedules pass it on. Schedules
/// turn it into a ``ScheduleStop`` at the step where the framework would raise, or into a
/// ``ScheduleError`` when the framework raises while being constructed.
public struct PythonRaise: Error, Equatable, Sendable, CustomStringConvertible {
    /// What Python says, e.g. `ZeroDivisionError: float division by zero`.
    public var message: String

    /// A raise with Python's full text, `"<Type>: <message>"`.
    public init(_ message: String) { self.message = message }

    /// A raise of exception `type` (`"ValueError"`) with `message`.
    public init(_ type: String, _ message: String) { self.message = "\(type): \(message)" }

    public var description: String { message }
}
