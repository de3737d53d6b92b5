/// A Python exception raised by torch scheduler code, worded as Python prints it
/// (`"ValueError: Tried to step 11 times. …"`).
struct TorchRaise: Error, CustomStringConvertible {
    var description: String
    init(_ type: String, _ message: String) { description = "\(type): \(message)" }
}
