/// The syntax tree of a parsed expression.
indirect enum ExpressionNode: Sendable {
    /// The arithmetic operators, in Python's meaning.
    enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
        case floorDivide = "//", modulo = "%", power = "**"
    }

    /// The comparison operators; chains like `a < b <= c` compare pairwise.
    enum Comparison: String, Sendable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case equal = "==", notEqual = "!="
    }

    case number(ExpressionNumber)
    /// One of the expression's variables (by its canonical name).
    case variable(String)
    case negate(ExpressionNode)
    /// Unary `+`: the operand unchanged (bools become ints, as in Python).
    case plus(ExpressionNode)
    case not(ExpressionNode)
    case binary(BinaryOperator, ExpressionNode, ExpressionNode)
    /// `a and b`: `a` if it is falsy, else `b`.
    case and(ExpressionNode, ExpressionNode)
    /// `a or b`: `a` if it is truthy, else `b`.
    case or(ExpressionNode, ExpressionNode)
    case compare(ExpressionNode, [(Comparison, ExpressionNode)])
    /// `then if condition else otherwise`.
    case conditional(condition: ExpressionNode, then: ExpressionNode, otherwise: ExpressionNode)
    case call(ExpressionFunction, [ExpressionNode])
}
