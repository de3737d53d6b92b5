/// One token of an expression: a number, a name (keywords included) or an operator.
struct ExpressionToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case number(ExpressionNumber)
        case name(String)
        /// `+ - * / // % ** < > <= >= == != ( ) , . :`
        case symbol(String)
        case end
    }

    var kind: Kind
    /// 1-based column of the first character.
    var column: Int

    /// The token as written, for error messages.
    var text: String {
        switch kind {
        case .number(.int(let i)): return String(i)
        case .number(.wideInt(let i)): return String(i)
        case .number(.float(let d)): return "\(d)"
        case .name(let n): return n
        case .symbol(let s): return s
        case .end: return "end of expression"
        }
    }
}
