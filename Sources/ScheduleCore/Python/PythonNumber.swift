/// A parameter a framework reads as a Python `int` or `float` and uses in arithmetic: the
/// value, and whether it was written as an int (Python's words for a division by zero differ).
struct PythonNumber: Sendable {
    var value: Double
    var isInt: Bool

    init(_ value: Double, isInt: Bool) {
        self.value = value
        self.isInt = isInt
    }

    /// `a % self` for an int `a`: Python's modulo, with its words for a zero divisor.
    func modulo(_ a: Int) throws(PythonRaise) -> Double {
        if isInt {
            guard value != 0 else { throw PythonRaise("ZeroDivisionError", "integer modulo by zero") }
            return Double(try PythonMath.modulo(a, Int(value)))
        }
        return try PythonMath.modulo(Double(a), value)
    }

    /// `a // self` for an int `a`.
    func floorDivide(_ a: Int) throws(PythonRaise) -> Double {
        if isInt { return try PythonMath.floorDivide(a, Int(value)).doubleValue }
        return try PythonMath.floorDivide(Double(a), value)
    }

    /// The number as Python prints it (`0`, `7.5`, `10.0`).
    var description: String { isInt ? String(Int(value)) : PythonFormat.float(value) }

    /// Reads parameter `name` of `p`, keeping whether it was written as an int.
    init(_ p: Parameters, _ name: String) throws {
        guard let raw = try p.numberKeepingKind(name) else { throw p.error(name, "expected a number, found null") }
        if case .integer(let i) = raw {
            self.init(Double(i), isInt: true)
        } else {
            self.init(raw.doubleValue ?? .nan, isInt: false)
        }
    }

    /// `a / self`: always a float; Python's words for a zero divisor depend on whether both
    /// operands are ints (here `a` is an int exactly when `self` is, as where torch divides).
    func divide(_ a: Double) throws(PythonRaise) -> Double {
        if value == 0 { throw PythonRaise("ZeroDivisionError", isInt ? "division by zero" : "float division by zero") }
        return a / value
    }
}
