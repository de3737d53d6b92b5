/// A parsed Python expression over numeric variables, such as `lr_lambda` in `epoch` or
/// `scale_fn` in `x`.
///
/// The supported subset of Python, with Python's semantics:
/// - numbers: `int` and `float` literals (`3`, `0.5`, `1e-3`, `1_000`, `0x10`), `True`, `False`;
/// - arithmetic `+ - * / // % **` and unary `- +` (`int // int` floors, `%` takes the divisor's
///   sign, `/` is always float, `int ** negative` is float);
/// - comparisons `< <= > >= == !=`, chained (`0 < x < 1`), exact between int and float;
/// - `and`, `or` (returning an operand), `not`, `a if c else b`, parentheses;
/// - `math.` functions, with or without the prefix: `exp log log2 log10 sqrt sin cos tan asin
///   acos atan atan2 sinh cosh tanh floor ceil trunc fabs pow`, constants `pi e tau inf nan`;
/// - builtins `min`, `max` (2 or more arguments), `abs`, `int`, `float`, `round`, `pow`;
/// - an optional `lambda v:` prefix, whose parameter names stand for the variables in order.
///
/// Errors Python would raise (`ZeroDivisionError`, `math domain error`, overflow) are thrown
/// as ``PythonRaise``s with Python's words. Integers are exact as Python's up to 128 bits
/// (`±2**127`); an int result beyond that raises `OverflowError` saying so, never continues
/// as a float. Input is limited to 1000 characters and 64 levels of nesting.
public struct Expression: Sendable, CustomStringConvertible {
    /// The source text.
    public let text: String
    /// The variable names, in order.
    public let variables: [String]
    let root: ExpressionNode

    /// Parses `text`, allowing only the names in `variables` plus the documented functions.
    ///
    /// - Throws: ``ExpressionError`` for a syntax error, an unknown name (with a suggestion),
    ///   an over-long or over-nested input.
    public init(parsing text: String, variables: [String]) throws {
        self.text = text
        self.variables = variables
        self.root = try ExpressionParser.parse(text, variables: variables)
    }

    /// Evaluates with Python semantics and returns the result as a float (Python's
    /// `float(result)`); `variables` binds each variable to a number.
    ///
    /// - Throws: ``PythonRaise`` where Python raises (`ZeroDivisionError`, `ValueError: math
    ///   domain error`, `OverflowError`, …); ``ExpressionError`` for a variable without a value.
    public func evaluate(_ variables: [String: ExpressionNumber]) throws -> Double {
        try evaluateNumber(variables).doubleValue
    }

    /// Evaluates with Python semantics, keeping whether the result is an `int` or a `float`.
    public func evaluateNumber(_ variables: [String: ExpressionNumber]) throws -> ExpressionNumber {
        try ExpressionEvaluator(variables: variables).evaluate(root)
    }

    public var description: String { text }
}
