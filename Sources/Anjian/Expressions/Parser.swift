/// Parses CEL expressions (the subset of DESIGN.md) by precedence climbing.
struct Parser {
    /// Deepest nesting of parentheses, lists and unary operators, so hostile input cannot overflow the stack.
    static let defaultMaxDepth = 200
    private var maxDepth = Parser.defaultMaxDepth

    private var tokens: [Token]
    private var p = 0
    private var depth = 0

    static func parse(_ text: String, maxDepth: Int = Parser.defaultMaxDepth) -> Result<Expr, SyntaxError> {
        do throws(SyntaxError) {
            var lexer = Lexer(text)
            var parser = Parser(tokens: try lexer.tokens())
            parser.maxDepth = maxDepth
            let expr = try parser.expression()
            guard case .end = parser.current.kind else {
                throw .trailingInput(parser.current)
            }
            return .success(expr)
        } catch {
            return .failure(error)
        }
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var current: Token { tokens[p] }

    private func isPunct(_ s: String) -> Bool { current.kind == .punctuation(s) }

    private mutating func advance() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    private mutating func expect(_ s: String, _ purpose: ExpectedPurpose) throws(SyntaxError) -> Token {
        guard isPunct(s) else {
            throw .expected(s, purpose, found: current)
        }
        return advance()
    }

    private mutating func nest() throws(SyntaxError) {
        depth += 1
        if depth > maxDepth {
            throw .tooDeep(limit: maxDepth, at: current.span)
        }
    }

    mutating func expression() throws(SyntaxError) -> Expr {
        try nest()
        defer { depth -= 1 }
        let condition = try binary(level: 0)
        guard isPunct("?") else { return condition }
        _ = advance()
        let a = try binary(level: 0)
        _ = try expect(":", .conditional)
        let b = try expression()
        return .conditional(condition, a, b, condition.span.lowerBound..<b.span.upperBound)
    }

    private static let levels: [[String]] = [
        ["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">=", "in"], ["+", "-"], ["*", "/", "%"],
    ]

    private func binaryOperator(at level: Int) -> Expr.BinaryOperator? {
        let symbol: String
        switch current.kind {
        case .punctuation(let s): symbol = s
        case .identifier("in"): symbol = "in"
        default: return nil
        }
        guard Self.levels[level].contains(symbol) else { return nil }
        return Expr.BinaryOperator(rawValue: symbol)
    }

    private mutating func binary(level: Int) throws(SyntaxError) -> Expr {
        if level == Self.levels.count { return try unary() }
        var left = try binary(level: level + 1)
        while let op = binaryOperator(at: level) {
            _ = advance()
            let right = try binary(level: level + 1)
            left = .binary(op, left, right, left.span.lowerBound..<right.span.upperBound)
        }
        return left
    }

    private mutating func unary() throws(SyntaxError) -> Expr {
        if isPunct("!") || isPunct("-") {
            try nest()
            defer { depth -= 1 }
            let t = advance()
            let operand = try unary()
            if t.kind == .punctuation("-") {
                if case .literal(.int(let v), let s) = operand { return .literal(.int(-v), t.span.lowerBound..<s.upperBound) }
                if case .literal(.double(let v), let s) = operand { return .literal(.double(-v), t.span.lowerBound..<s.upperBound) }
                return .unary(.negate, operand, t.span.lowerBound..<operand.span.upperBound)
            }
            return .unary(.not, operand, t.span.lowerBound..<operand.span.upperBound)
        }
        return try member()
    }

    private mutating func member() throws(SyntaxError) -> Expr {
        var e = try primary()
        while true {
            if isPunct(".") {
                _ = advance()
                guard case .identifier(let field) = current.kind else {
                    throw .nameAfterDot(found: current)
                }
                let fieldToken = advance()
                if isPunct("(") {
                    let (args, end) = try arguments()
                    e = .call(field, target: e, args, e.span.lowerBound..<end)
                } else if case .name(let parts, let s) = e {
                    e = .name(parts + [field], s.lowerBound..<fieldToken.span.upperBound)
                } else {
                    throw .fieldSelection(field, at: fieldToken.span)
                }
            } else if isPunct("[") {
                throw .indexing(at: current.span)
            } else {
                return e
            }
        }
    }

    private mutating func arguments() throws(SyntaxError) -> ([Expr], Int) {
        _ = try expect("(", .none)
        var args: [Expr] = []
        if !isPunct(")") {
            args.append(try expression())
            while isPunct(",") {
                _ = advance()
                args.append(try expression())
            }
        }
        let close = try expect(")", .closeArguments)
        return (args, close.span.upperBound)
    }

    private mutating func primary() throws(SyntaxError) -> Expr {
        let t = current
        switch t.kind {
        case .int(let v): _ = advance(); return .literal(.int(v), t.span)
        case .double(let v): _ = advance(); return .literal(.double(v), t.span)
        case .string(let s): _ = advance(); return .literal(.string(s), t.span)
        case .identifier(let name):
            _ = advance()
            switch name {
            case "true": return .literal(.bool(true), t.span)
            case "false": return .literal(.bool(false), t.span)
            case "null": return .literal(.null, t.span)
            case "in": throw .inWithoutLeft(at: t.span)
            default: break
            }
            if isPunct("(") {
                let (args, end) = try arguments()
                return .call(name, target: nil, args, t.span.lowerBound..<end)
            }
            return .name([name], t.span)
        case .punctuation("("):
            try nest()
            defer { depth -= 1 }
            _ = advance()
            let inner = try expression()
            _ = try expect(")", .closeParenthesis)
            return inner
        case .punctuation("["):
            try nest()
            defer { depth -= 1 }
            _ = advance()
            var items: [Expr] = []
            if !isPunct("]") {
                items.append(try expression())
                while isPunct(",") {
                    _ = advance()
                    if isPunct("]") { break }
                    items.append(try expression())
                }
            }
            let close = try expect("]", .closeList)
            return .list(items, t.span.lowerBound..<close.span.upperBound)
        case .punctuation("{"):
            throw .mapsUnsupported(at: t.span)
        case .end:
            throw .endsTooEarly(at: t.span)
        case .punctuation(let s):
            throw .unexpectedPunctuation(s, at: t.span)
        }
    }
}
