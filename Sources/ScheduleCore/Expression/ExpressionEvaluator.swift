/// Evaluates an ``ExpressionNode`` with Python's semantics.
///
/// `int` and `float` stay distinct (`7 // 2` is `3`, `7.0 // 2` is `3.0`, `2 ** -1` is `0.5`);
/// booleans are the ints 0 and 1; `and`/`or` return an operand and short-circuit; chained
/// comparisons evaluate each operand at most once.
struct ExpressionEvaluator {
    let variables: [String: ExpressionNumber]

    func evaluate(_ node: ExpressionNode) throws -> ExpressionNumber {
        switch node {
        case .number(let n):
            return n
        case .variable(let name):
            guard let value = variables[name] else { throw ExpressionError("no value given for variable '\(name)'") }
            return value
        case .negate(let operand):
            switch try evaluate(operand) {
            case .int(let i): return i == Int.min ? .wideInt(-Int128(i)) : .int(-i)
            case .wideInt(let i): return .integer(try PythonMath.negate(i))
            case .float(let d): return .float(-d)
            }
        case .plus(let operand):
            return try evaluate(operand)
        case .not(let operand):
            return .int(Self.isTruthy(try evaluate(operand)) ? 0 : 1)
        case .binary(let op, let left, let right):
            return try Self.binary(op, try evaluate(left), try evaluate(right))
        case .and(let left, let right):
            let l = try evaluate(left)
            return Self.isTruthy(l) ? try evaluate(right) : l
        case .or(let left, let right):
            let l = try evaluate(left)
            return Self.isTruthy(l) ? l : try evaluate(right)
        case .compare(let first, let rest):
            var left = try evaluate(first)
            for (op, node) in rest {
                let right = try evaluate(node)
                if !Self.holds(op, left, right) { return .int(0) }
                left = right
            }
            return .int(1)
        case .conditional(let condition, let then, let otherwise):
            return Self.isTruthy(try evaluate(condition)) ? try evaluate(then) : try evaluate(otherwise)
        case .call(let function, let argumentNodes):
            return try function.apply(try argumentNodes.map { try evaluate($0) })
        }
    }

    /// Python truthiness: zero (`0`, `0.0`, `-0.0`) is false, everything else (NaN too) true.
    static func isTruthy(_ n: ExpressionNumber) -> Bool {
        switch n {
        case .int(let i): return i != 0
        case .wideInt: return true
        case .float(let d): return d != 0
        }
    }

    static func holds(_ op: ExpressionNode.Comparison, _ a: ExpressionNumber, _ b: ExpressionNumber) -> Bool {
        guard let c = PythonMath.compare(a, b) else { return op == .notEqual }
        switch op {
        case .less: return c < 0
        case .lessOrEqual: return c <= 0
        case .greater: return c > 0
        case .greaterOrEqual: return c >= 0
        case .equal: return c == 0
        case .notEqual: return c != 0
        }
    }

    /// One arithmetic operation: int with int stays int (except `/`, and `**` with a negative
    /// exponent); anything with a float is float.
    ///
    /// Ints are computed in 64 bits; an operation that overflows is redone in 128 bits
    /// (exact as Python, whose ints are unbounded), and one beyond 128 bits raises
    /// ``PythonMath/intTooWide()``.
    static func binary(_ op: ExpressionNode.BinaryOperator, _ a: ExpressionNumber, _ b: ExpressionNumber) throws -> ExpressionNumber {
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .add:
                let (r, o) = x.addingReportingOverflow(y)
                return o ? .integer(Int128(x) + Int128(y)) : .int(r)
            case .subtract:
                let (r, o) = x.subtractingReportingOverflow(y)
                return o ? .integer(Int128(x) - Int128(y)) : .int(r)
            case .multiply:
                let (r, o) = x.multipliedReportingOverflow(by: y)
                return o ? .integer(Int128(x) * Int128(y)) : .int(r)
            case .divide: return .float(try PythonMath.divide(x, y))
            case .floorDivide: return try PythonMath.floorDivide(x, y)
            case .modulo: return .int(try PythonMath.modulo(x, y))
            case .power: return try PythonMath.power(x, y)
            }
        }
        if let x = a.int128Value, let y = b.int128Value { return try wideBinary(op, x, y) }
        let x = a.doubleValue, y = b.doubleValue
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide: return .float(try PythonMath.divide(x, y))
        case .floorDivide: return .float(try PythonMath.floorDivide(x, y))
        case .modulo: return .float(try PythonMath.modulo(x, y))
        case .power: return .float(try PythonMath.power(x, y))
        }
    }

    /// An int operation with an operand beyond 64 bits, in 128 bits.
    private static func wideBinary(_ op: ExpressionNode.BinaryOperator, _ x: Int128, _ y: Int128) throws(PythonRaise) -> ExpressionNumber {
        switch op {
        case .add: return .integer(try PythonMath.add(x, y))
        case .subtract: return .integer(try PythonMath.subtract(x, y))
        case .multiply: return .integer(try PythonMath.multiply(x, y))
        case .divide: return .float(try PythonMath.trueDivide(x, y))
        case .floorDivide: return .integer(try PythonMath.floorDivide(x, y))
        case .modulo: return .integer(try PythonMath.modulo(x, y))
        case .power: return try PythonMath.power(x, y)
        }
    }
}
