/// Parses tokens into an ``ExpressionNode`` with Python's grammar and precedence.
///
/// ```
/// test       := or_test ["if" or_test "else" test]
/// or_test    := and_test ("or" and_test)*
/// and_test   := not_test ("and" not_test)*
/// not_test   := "not" not_test | comparison
/// comparison := arith (("<" | ">" | "<=" | ">=" | "==" | "!=") arith)*
/// arith      := term (("+" | "-") term)*
/// term       := factor (("*" | "/" | "//" | "%") factor)*
/// factor     := ("+" | "-") factor | power
/// power      := atom ["**" factor]
/// atom       := NUMBER | True | False | NAME | math.NAME | call | "(" test ")"
/// ```
/// An optional `lambda v1, …: ` prefix names the variables positionally.
struct ExpressionParser {
    static let maxLength = 1000
    static let maxDepth = 64

    private let tokens: [ExpressionToken]
    private var position = 0
    private var depth = 0
    private let variables: [String]
    /// Names usable for each variable (a `lambda` prefix may rename them).
    private var aliases: [String: String]

    init(tokens: [ExpressionToken], variables: [String]) {
        self.tokens = tokens
        self.variables = variables
        self.aliases = Dictionary(variables.map { ($0, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func parse(_ text: String, variables: [String]) throws -> ExpressionNode {
        if text.count > maxLength {
            throw ExpressionError("expression is too long (\(text.count) characters; at most \(maxLength))")
        }
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokenize(text), variables: variables)
        return try parser.parseAll()
    }

    // MARK: Token helpers

    private var current: ExpressionToken { tokens[min(position, tokens.count - 1)] }

    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }
    private func isKeyword(_ k: String) -> Bool { current.kind == .name(k) }

    private func fail(_ message: String, at token: ExpressionToken? = nil) -> ExpressionError {
        let t = token ?? current
        return ExpressionError("syntax error at column \(t.column): \(message)")
    }

    /// An unknown or misused name: not a syntax error, so it is not called one.
    private func nameError(_ message: String, at token: ExpressionToken) -> ExpressionError {
        ExpressionError("at column \(token.column): \(message)")
    }

    private func unexpected() -> ExpressionError {
        if current.kind == .end { return fail("unexpected end of expression") }
        return fail("unexpected '\(current.text)'")
    }

    private mutating func expect(_ s: String) throws {
        guard isSymbol(s) else {
            if current.kind == .end { throw fail("expected '\(s)' before the end of the expression") }
            throw fail("expected '\(s)', found '\(current.text)'")
        }
        position += 1
    }

    private mutating func nest() throws {
        depth += 1
        if depth > Self.maxDepth { throw ExpressionError("expression is nested too deeply (more than \(Self.maxDepth) levels)") }
    }

    // MARK: Grammar

    private mutating func parseAll() throws -> ExpressionNode {
        if isKeyword("lambda") { try parseLambdaPrefix() }
        if current.kind == .end { throw ExpressionError("empty expression") }
        let node = try parseTest()
        guard current.kind == .end else { throw unexpected() }
        return node
    }

    private mutating func parseLambdaPrefix() throws {
        position += 1
        var names: [String] = []
        while case .name(let n) = current.kind {
            names.append(n)
            position += 1
            if isSymbol(",") { position += 1 } else { break }
        }
        try expect(":")
        guard names.count == variables.count else {
            let wanted = variables.joined(separator: ", ")
            throw ExpressionError("the lambda takes \(names.count) argument\(names.count == 1 ? "" : "s"); expected \(variables.count) (\(wanted))")
        }
        aliases = Dictionary(zip(names, variables).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func parseTest() throws -> ExpressionNode {
        try nest()
        defer { depth -= 1 }
        if isKeyword("lambda") { throw fail("nested lambdas are not supported") }
        let value = try parseOr()
        guard isKeyword("if") else { return value }
        position += 1
        let condition = try parseOr()
        guard isKeyword("else") else { throw fail("expected 'else' in the conditional expression") }
        position += 1
        let otherwise = try parseTest()
        return .conditional(condition: condition, then: value, otherwise: otherwise)
    }

    private mutating func parseOr() throws -> ExpressionNode {
        var left = try parseAnd()
        while isKeyword("or") {
            position += 1
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> ExpressionNode {
        var left = try parseNot()
        while isKeyword("and") {
            position += 1
            left = .and(left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws -> ExpressionNode {
        guard isKeyword("not") else { return try parseComparison() }
        try nest()
        defer { depth -= 1 }
        position += 1
        return .not(try parseNot())
    }

    private mutating func parseComparison() throws -> ExpressionNode {
        let first = try parseArith()
        var rest: [(ExpressionNode.Comparison, ExpressionNode)] = []
        while case .symbol(let s) = current.kind, let op = ExpressionNode.Comparison(rawValue: s) {
            position += 1
            rest.append((op, try parseArith()))
        }
        if isKeyword("in") || isKeyword("is") { throw fail("'\(current.text)' is not supported") }
        return rest.isEmpty ? first : .compare(first, rest)
    }

    private mutating func parseArith() throws -> ExpressionNode {
        var left = try parseTerm()
        while case .symbol(let s) = current.kind, s == "+" || s == "-" {
            position += 1
            left = .binary(s == "+" ? .add : .subtract, left, try parseTerm())
        }
        return left
    }

    private mutating func parseTerm() throws -> ExpressionNode {
        var left = try parseFactor()
        while case .symbol(let s) = current.kind, ["*", "/", "//", "%"].contains(s),
              let op = ExpressionNode.BinaryOperator(rawValue: s) {
            position += 1
            left = .binary(op, left, try parseFactor())
        }
        return left
    }

    private mutating func parseFactor() throws -> ExpressionNode {
        guard case .symbol(let s) = current.kind, s == "-" || s == "+" else { return try parsePower() }
        try nest()
        defer { depth -= 1 }
        position += 1
        let operand = try parseFactor()
        return s == "-" ? .negate(operand) : .plus(operand)
    }

    private mutating func parsePower() throws -> ExpressionNode {
        let base = try parseAtom()
        guard isSymbol("**") else { return base }
        position += 1
        try nest()
        defer { depth -= 1 }
        return .binary(.power, base, try parseFactor())
    }

    private mutating func parseAtom() throws -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let n):
            position += 1
            if isSymbol("(") { throw fail("a number is not callable", at: token) }
            return .number(n)
        case .symbol("("):
            position += 1
            if isSymbol(")") { throw fail("empty parentheses (tuples are not supported)") }
            let inner = try parseTest()
            if isSymbol(",") { throw fail("tuples are not supported") }
            try expect(")")
            return inner
        case .name(let name):
            position += 1
            return try parseName(name, token: token)
        case .end:
            throw fail("unexpected end of expression")
        case .symbol(let s):
            throw fail("unexpected '\(s)'")
        }
    }

    private static let keywords: Set<String> = ["and", "or", "not", "if", "else", "lambda", "in", "is"]

    private mutating func parseName(_ name: String, token: ExpressionToken) throws -> ExpressionNode {
        if Self.keywords.contains(name) { throw fail("unexpected '\(name)'", at: token) }
        if name == "True" || name == "False" { return .number(.int(name == "True" ? 1 : 0)) }
        if name == "None" { throw fail("None is not a number", at: token) }
        if let canonical = aliases[name] {
            if isSymbol("(") { throw fail("\(name) is a number, not a function", at: token) }
            if isSymbol(".") { throw fail("attributes of \(name) are not supported", at: token) }
            return .variable(canonical)
        }
        if name == "math" {
            guard isSymbol(".") else { throw fail("math is a module; use math.<name>, e.g. math.exp(x)", at: token) }
            position += 1
            guard case .name(let member) = current.kind else { throw fail("expected a name after 'math.'") }
            let memberToken = current
            position += 1
            if let value = ExpressionFunction.constants[member] {
                if isSymbol("(") { throw fail("math.\(member) is a constant, not a function", at: memberToken) }
                return .number(.float(value))
            }
            guard let function = ExpressionFunction.math(member) else {
                let known = ExpressionFunction.allCases.filter { !ExpressionFunction.builtins.contains($0) && $0 != .mathPow }
                    .map(\.rawValue) + ["pow"] + ExpressionFunction.constants.keys.sorted()
                var message = "unknown name math.\(member)"
                if let close = Suggestion.closest(to: member, in: known) { message += "; did you mean math.\(close)?" }
                message += " (supported: math." + known.joined(separator: ", math.") + ")"
                throw nameError(message, at: memberToken)
            }
            return try parseCall(function, token: memberToken)
        }
        let isKnown = ExpressionFunction.constants[name] != nil || ExpressionFunction.bare(name) != nil
        if isKnown && isSymbol(".") { throw fail("attribute access is only supported as math.<name>", at: token) }
        if let value = ExpressionFunction.constants[name] {
            if isSymbol("(") { throw fail("\(name) is a constant, not a function", at: token) }
            return .number(.float(value))
        }
        if let function = ExpressionFunction.bare(name) {
            return try parseCall(function, token: token)
        }
        let known = Array(aliases.keys).sorted() + ExpressionFunction.allCases.filter { $0 != .mathPow }.map(\.rawValue)
            + ExpressionFunction.constants.keys.sorted() + ["True", "False"]
        var message = "unknown name '\(name)'"
        if let close = Suggestion.closest(to: name, in: known) { message += "; did you mean '\(close)'?" }
        let vars = aliases.keys.sorted()
        message += " (variables: " + (vars.isEmpty ? "none" : vars.joined(separator: ", "))
            + "; functions: math functions such as exp, log, sqrt, cos, floor, and min, max, abs, int, float, round, pow; constants: pi, e, tau, inf)"
        throw nameError(message, at: token)
    }

    private mutating func parseCall(_ function: ExpressionFunction, token: ExpressionToken) throws -> ExpressionNode {
        guard isSymbol("(") else {
            throw fail("\(function.displayName) is a function; call it like \(function.displayName)(x)", at: token)
        }
        position += 1
        try nest()
        defer { depth -= 1 }
        var args: [ExpressionNode] = []
        if !isSymbol(")") {
            while true {
                args.append(try parseTest())
                if isSymbol(",") {
                    position += 1
                    if isSymbol(")") { break }
                } else {
                    break
                }
            }
        }
        try expect(")")
        let arity = function.arity
        guard arity.contains(args.count) else {
            let wanted = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)"
                : (arity.upperBound == Int.max ? "at least \(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)")
            throw fail("\(function.displayName)() takes \(wanted) argument\(wanted == "1" ? "" : "s"), got \(args.count)", at: token)
        }
        return .call(function, args)
    }
}
