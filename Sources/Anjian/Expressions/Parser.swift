/// Parses CEL expressions (the subset of DESIGN.md) by precedence climbing.
struct Parser {
    /// Deepest nesting of parentheses, lists and unary operators, so hostile input cannot overflow the stack.
    static let maxDepth = 200

    private var tokens: [Token]
    private var p = 0
    private var depth = 0

    static func parse(_ text: String) -> Result<Expr, SyntaxError> {
        do throws(SyntaxError) {
            var lexer = Lexer(text)
            var parser = Parser(tokens: try lexer.tokens())
            let expr = try parser.expression()
            guard case .end = parser.current.kind else {
                throw SyntaxError(message: "unexpected \(parser.describe(parser.current)) after a complete expression; join conditions with && or ||", span: parser.current.span)
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

    private mutating func expect(_ s: String, _ context: String) throws(SyntaxError) -> Token {
        guard isPunct(s) else {
            throw SyntaxError(message: "expected '\(s)' \(context), found \(describe(current))", span: current.span)
        }
        return advance()
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .identifier(let n): "'\(n)'"
        case .int(let v): "\(v)"
        case .double(let v): "\(v)"
        case .string(let s): "\"\(s)\""
        case .punctuation(let s): "'\(s)'"
        case .end: "the end of the expression"
        }
    }

    private mutating func nest() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw SyntaxError(message: "expression nests more than \(Self.maxDepth) levels deep; split it into facts", span: current.span)
        }
    }

    mutating func expression() throws(SyntaxError) -> Expr {
        try nest()
        defer { depth -= 1 }
        let condition = try binary(level: 0)
        guard isPunct("?") else { return condition }
        _ = advance()
        let a = try binary(level: 0)
        _ = try expect(":", "in a conditional 'c ? a : b'")
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
                    throw SyntaxError(message: "expected a name after '.', found \(describe(current))", span: current.span)
                }
                let fieldToken = advance()
                if isPunct("(") {
                    let (args, end) = try arguments()
                    e = .call(field, target: e, args, e.span.lowerBound..<end)
                } else if case .name(let parts, let s) = e {
                    e = .name(parts + [field], s.lowerBound..<fieldToken.span.upperBound)
                } else {
                    throw SyntaxError(message: "field selection '.\(field)' only applies to names such as enterprise.town", span: fieldToken.span)
                }
            } else if isPunct("[") {
                throw SyntaxError(message: "indexing with [ ] is not supported; use 'in' or size()", span: current.span)
            } else {
                return e
            }
        }
    }

    private mutating func arguments() throws(SyntaxError) -> ([Expr], Int) {
        _ = try expect("(", "")
        var args: [Expr] = []
        if !isPunct(")") {
            args.append(try expression())
            while isPunct(",") {
                _ = advance()
                args.append(try expression())
            }
        }
        let close = try expect(")", "to close the argument list")
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
            case "in": throw SyntaxError(message: "'in' needs a value on its left, e.g. \"选项\" in answers", span: t.span)
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
            _ = try expect(")", "to close '('")
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
            let close = try expect("]", "to close the list")
            return .list(items, t.span.lowerBound..<close.span.upperBound)
        case .punctuation("{"):
            throw SyntaxError(message: "maps { } are not supported in conditions", span: t.span)
        case .end:
            throw SyntaxError(message: "the expression ends too early; a value or name is missing", span: t.span)
        case .punctuation(let s):
            throw SyntaxError(message: "unexpected '\(s)'; a value or name was expected here", span: t.span)
        }
    }
}
