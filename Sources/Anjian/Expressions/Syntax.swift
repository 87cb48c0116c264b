/// A parsed expression. Spans are offsets in Unicode scalars into the expression's text.
indirect enum Expr: Sendable, Hashable {
    case literal(Literal, Range<Int>)
    case list([Expr], Range<Int>)
    /// A dotted name such as `license_valid`, `gas.license_valid` or `enterprise.town`.
    case name([String], Range<Int>)
    case unary(UnaryOperator, Expr, Range<Int>)
    case binary(BinaryOperator, Expr, Expr, Range<Int>)
    case conditional(Expr, Expr, Expr, Range<Int>)
    /// `f(args)` or `target.f(args)`.
    case call(String, target: Expr?, [Expr], Range<Int>)
    /// Stands in for a part that failed to parse, so checking can go on.
    case invalid(Range<Int>)

    enum Literal: Sendable, Hashable {
        case bool(Bool), int(Int), double(Double), string(String), null
    }

    enum UnaryOperator: String, Sendable { case not = "!", negate = "-" }

    enum BinaryOperator: String, Sendable {
        case and = "&&", or = "||"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case `in` = "in"
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    }

    var span: Range<Int> {
        switch self {
        case .literal(_, let s), .list(_, let s), .name(_, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .conditional(_, _, _, let s), .call(_, _, _, let s), .invalid(let s):
            return s
        }
    }

    /// Every dotted name the expression mentions, with its span, for building the rule graph.
    var names: [([String], Range<Int>)] {
        switch self {
        case .literal, .invalid: return []
        case .name(let parts, let s): return [(parts, s)]
        case .list(let items, _): return items.flatMap(\.names)
        case .unary(_, let e, _): return e.names
        case .binary(_, let a, let b, _): return a.names + b.names
        case .conditional(let c, let a, let b, _): return c.names + a.names + b.names
        case .call(_, let target, let args, _): return (target?.names ?? []) + args.flatMap(\.names)
        }
    }

    /// Every `fired("ID")` the expression contains.
    var firedReferences: [(String, Range<Int>)] {
        switch self {
        case .literal, .invalid, .name: return []
        case .list(let items, _): return items.flatMap(\.firedReferences)
        case .unary(_, let e, _): return e.firedReferences
        case .binary(_, let a, let b, _): return a.firedReferences + b.firedReferences
        case .conditional(let c, let a, let b, _): return c.firedReferences + a.firedReferences + b.firedReferences
        case .call(let f, let target, let args, _):
            var result = (target?.firedReferences ?? []) + args.flatMap(\.firedReferences)
            if f == "fired", target == nil, args.count == 1, case .literal(.string(let id), let s) = args[0] { result.append((id, s)) }
            return result
        }
    }
}
