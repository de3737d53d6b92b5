/// A parameter a framework reads as a Python `int` or `float` and uses in arithmetic: the
/// value, and whether it was written as an int (Python's words for a division by zero differ).
struct PythonNumber: Sendable {
    /// The value (as a float).
    let value: Double
    /// The value when it is a Python int, else `nil`.
    let int: Int?

    /// Whether the number is a Python int.
    var isInt: Bool { int != nil }

    /// A Python int.
    init(int: Int) {
        self.value = Double(int)
        self.int = int
    }

    /// A Python float.
    init(float: Double) {
        self.value = float
        self.int = nil
    }

    /// `a % self` for an int `a`: Python's modulo, with its words for a zero divisor.
    func modulo(_ a: Int) throws(PythonRaise) -> Double {
        if let int { return Double(try PythonMath.modulo(a, int)) }
        return try PythonMath.modulo(Double(a), value)
    }

    /// `a % self == 0` for an int `a` (the int case without converting to a float).
    @inline(__always)
    func divides(_ a: Int) throws(PythonRaise) -> Bool {
        if let int { return try PythonMath.modulo(a, int) == 0 }
        return try PythonMath.modulo(Double(a), value) == 0
    }

    /// `a // self` for an int `a`.
    func floorDivide(_ a: Int) throws(PythonRaise) -> Double {
        if let int { return try PythonMath.floorDivide(a, int).doubleValue }
        return try PythonMath.floorDivide(Double(a), value)
    }

    /// `a // self` for a Python int `a` beyond 64 bits (a step less a negative warm-up).
    func floorDivide(_ a: Int128) throws(PythonRaise) -> Double {
        if let int { return PythonMath.float(try PythonMath.floorDivide(a, Int128(int))) }
        return try PythonMath.floorDivide(PythonMath.float(a), value)
    }

    /// The number as Python prints it (`0`, `7.5`, `10.0`).
    var description: String { int.map(String.init) ?? PythonFormat.float(value) }

    /// Reads parameter `name` of `p`, keeping whether it was written as an int.
    init(_ p: Parameters, _ name: String) throws {
        guard let raw = try p.numberKeepingKind(name) else { throw p.error(name, "expected a number, found null") }
        if case .integer(let i) = raw {
            self.init(int: i)
        } else {
            self.init(float: raw.doubleValue ?? .nan)
        }
    }

    /// `a / self`: always a float; Python's words for a zero divisor depend on whether both
    /// operands are ints (here `a` is an int exactly when `self` is, as where torch divides).
    func divide(_ a: Double) throws(PythonRaise) -> Double {
        if value == 0 { throw PythonRaise("ZeroDivisionError", isInt ? "division by zero" : "float division by zero") }
        return a / value
    }
}
