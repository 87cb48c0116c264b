import AnjianCore

/// Checks a parsed expression against the question types and compiles it into a ``Program``.
/// Every problem is reported at its exact column; checking goes on past errors with the
/// `.error` type so that one run shows all of them.
struct TypeChecker {
    let source: ExpressionSource
    let checklist: String
    let symbols: SymbolTable
    var diagnostics: [Diagnostic] = []

    init(source: ExpressionSource, checklist: String, symbols: SymbolTable) {
        self.source = source
        self.checklist = checklist
        self.symbols = symbols
    }

    /// The file location of an offset into the expression.
    private func at(_ span: Range<Int>) -> SourceLocation {
        source.location(at: span.lowerBound)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Checks `expr`, requiring a bool result when `field` is a condition (`when`, `ask_if`).
    mutating func check(_ expr: Expr, expecting: ExprType?, field: String) -> (ExprType, Program) {
        let (type, program) = check(expr)
        if let expecting, type != .error, type != expecting {
            report(.notCondition(field: field, type: type, at: at(expr.span)))
        }
        return (type, program)
    }

    mutating func check(_ expr: Expr) -> (ExprType, Program) {
        switch expr {
        case .invalid:
            return (.error, .constant(.error("invalid expression")))
        case .literal(let lit, _):
            switch lit {
            case .bool(let b): return (.bool, .constant(.bool(b)))
            case .int(let i): return (.int, .constant(.int(i)))
            case .double(let d): return (.double, .constant(.double(d)))
            case .string(let s): return (.string, .constant(.string(s)))
            case .null: return (.null, .constant(.null))
            }
        case .list(let items, _):
            var element: ExprType?
            var programs: [Program] = []
            for item in items {
                let (t, p) = check(item)
                programs.append(p)
                if let e = element {
                    if let j = e.joined(with: t) { element = j } else {
                        report(.mixedList(e, t, at: at(item.span)))
                        element = .error
                    }
                } else {
                    element = t
                }
            }
            return (.list(element ?? .null), .list(programs))
        case .name(let parts, let span):
            return name(parts, span)
        case .unary(let op, let operand, let span):
            let (t, p) = check(operand)
            switch op {
            case .not:
                if t != .bool && t != .error { report(.notOperand(t, at: at(span))) }
                return (.bool, .not(p))
            case .negate:
                if !t.isNumeric && t != .error { report(.negationOperand(t, at: at(span))) }
                return (t.isNumeric ? t : .error, .negate(p))
            }
        case .binary(let op, let a, let b, let span):
            return binary(op, a, b, span)
        case .conditional(let c, let a, let b, _):
            let (ct, cp) = check(c)
            if ct != .bool && ct != .error { report(.conditionalTest(ct, at: at(c.span))) }
            let (at, ap) = check(a)
            let (bt, bp) = check(b)
            guard let t = at.joined(with: bt) else {
                report(.conditionalBranches(at, bt, at: self.at(b.span)))
                return (.error, .conditional(cp, ap, bp))
            }
            return (t, .conditional(cp, ap, bp))
        case .call(let function, let target, let args, let span):
            return call(function, target: target, args, span)
        }
    }

    private mutating func name(_ parts: [String], _ span: Range<Int>) -> (ExprType, Program) {
        switch symbols.resolve(parts, from: checklist) {
        case .question(let q):
            return (ExprType(q.question.type), .question(slot: q.slot))
        case .fact(let f):
            guard let t = symbols.factTypes[f.index] else {
                // The graph stage reports the cycle; here the fact is simply untyped.
                return (.error, .fact(f.index))
            }
            return (t, .fact(f.index))
        case .enterprise(let field):
            return (.string, .enterprise(field))
        case .inspectionDate:
            return (.date, .inspectionDate)
        case .inspector:
            return (.string, .inspector)
        case .notVisible(let other):
            report(.nameNotIncluded(parts.joined(separator: "."), belongsTo: other, from: checklist, at: at(span)))
            return (.error, .constant(.error("not visible")))
        case .unknown:
            let written = parts.joined(separator: ".")
            report(.undeclared(written, suggestion: Suggestion.nearest(to: written, in: symbols.visibleNames(from: checklist)),
                               bare: parts.count == 1, at: at(span)))
            return (.error, .constant(.error("unknown name")))
        }
    }

    /// Checks that a string literal compared with a choice is one of its choices.
    private mutating func checkChoice(_ choiceType: ExprType, against other: Expr) {
        let choices: [String]
        switch choiceType {
        case .choice(let c), .multi(let c): choices = c
        default: return
        }
        func checkLiteral(_ e: Expr) {
            if case .literal(.string(let s), let span) = e, !choices.contains(s) {
                report(.unknownChoiceLiteral(s, choices: choices, suggestion: Suggestion.nearest(to: s, in: choices), at: at(span)))
            }
        }
        if case .list(let items, _) = other { items.forEach(checkLiteral) } else { checkLiteral(other) }
    }

    private mutating func binary(_ op: Expr.BinaryOperator, _ a: Expr, _ b: Expr, _ span: Range<Int>) -> (ExprType, Program) {
        let (at, ap) = check(a)
        let (bt, bp) = check(b)
        let operatorSpan = a.span.upperBound..<b.span.lowerBound
        switch op {
        case .and, .or:
            for (t, e) in [(at, a), (bt, b)] where t != .bool && t != .error {
                report(.logicalOperand(op.rawValue, type: t, at: self.at(e.span)))
            }
            return (.bool, op == .and ? .and(ap, bp) : .or(ap, bp))
        case .equal, .notEqual:
            if at == .null || bt == .null, at != bt, at != .error, bt != .error {
                report(.nullComparison(at: self.at(span)))
            } else if !at.isComparable(with: bt) {
                report(.cannotCompare(at, bt, op: op.rawValue, at: self.at(b.span)))
            }
            checkChoice(at, against: b)
            checkChoice(bt, against: a)
            return (.bool, .compare(op, ap, bp))
        case .less, .lessEqual, .greater, .greaterEqual:
            let ok = (at.isNumeric && bt.isNumeric) || (at == .string && bt == .string) || (at == .date && bt == .date) || at == .error || bt == .error
            if !ok {
                report(.cannotOrder(at, bt, op: op.rawValue, at: self.at(b.span)))
            }
            return (.bool, .compare(op, ap, bp))
        case .in:
            guard let element = bt.elementType else {
                if bt != .error { report(.inNeedsList(bt, at: self.at(b.span))) }
                return (.bool, .contains(element: ap, list: bp))
            }
            if !at.isComparable(with: element) && element != .null {
                report(.inElement(at, element: element, at: self.at(a.span)))
            }
            checkChoice(at, against: b)
            if case .multi = bt { checkChoice(bt, against: a) }
            return (.bool, .contains(element: ap, list: bp))
        case .add, .subtract, .multiply, .divide, .remainder:
            if at == .error || bt == .error { return (.error, .arithmetic(op, ap, bp)) }
            if at.isNumeric && bt.isNumeric && at != bt {
                report(.mixedArithmetic(op.rawValue, at: self.at(operatorSpan.isEmpty ? span : b.span)))
                return (.error, .arithmetic(op, ap, bp))
            }
            if at.isNumeric && at == bt {
                if op == .remainder && at == .double { report(.remainderOfNumbers(at: self.at(b.span))) }
                return (at, .arithmetic(op, ap, bp))
            }
            if op == .add, at.isStringLike && bt.isStringLike { return (.string, .arithmetic(op, ap, bp)) }
            if op == .add, at.isListLike, bt.isListLike, let e = at.elementType?.joined(with: bt.elementType ?? .null) { return (.list(e), .arithmetic(op, ap, bp)) }
            report(.cannotCombine(op.rawValue, at, bt, at: self.at(b.span)))
            return (.error, .arithmetic(op, ap, bp))
        }
    }

    private mutating func call(_ function: String, target: Expr?, _ args: [Expr], _ span: Range<Int>) -> (ExprType, Program) {
        func arity(_ n: Int, _ usage: String) -> Bool {
            if args.count != n {
                report(.arity(function, count: n, usage: usage, at: at(span)))
                return false
            }
            return true
        }
        switch (function, target) {
        case ("size", _):
            let subject: Expr
            if let target {
                guard arity(0, "x.size()") else { return (.int, .constant(.error("arity"))) }
                subject = target
            } else {
                guard arity(1, "size(x)") else { return (.int, .constant(.error("arity"))) }
                subject = args[0]
            }
            let (t, p) = check(subject)
            if !(t.isStringLike || t.isListLike || t == .error) {
                report(.sizeArgument(t, at: at(subject.span)))
            }
            return (.int, .size(p))
        case ("contains", let target?), ("startsWith", let target?), ("endsWith", let target?):
            guard arity(1, "text.\(function)(\"…\")") else { return (.bool, .constant(.error("arity"))) }
            let (tt, tp) = check(target)
            let (at, ap) = check(args[0])
            if !(tt.isStringLike || tt == .error) {
                report(.textFunctionTarget(function, type: tt, at: self.at(target.span)))
            }
            if !(at.isStringLike || at == .error) { report(.textFunctionArgument(function, type: at, at: self.at(args[0].span))) }
            return (.bool, .stringTest(Program.StringTest(rawValue: function)!, tp, ap))
        case ("answered", nil):
            guard arity(1, "answered(question)") else { return (.bool, .constant(.error("arity"))) }
            guard case .name(let parts, let s) = args[0] else {
                report(.answeredNeedsName(at: at(args[0].span)))
                return (.bool, .constant(.error("answered")))
            }
            let (_, p) = name(parts, s)
            guard case .question(let slot) = p else {
                if case .constant = p { return (.bool, p) }
                report(.answeredNeedsQuestion(parts.joined(separator: "."), at: at(s)))
                return (.bool, .constant(.error("answered")))
            }
            return (.bool, .answered(slot: slot))
        case ("fired", nil):
            guard arity(1, "fired(\"RULE-ID\")") else { return (.bool, .constant(.error("arity"))) }
            guard case .literal(.string(let id), let s) = args[0] else {
                report(.firedNeedsRuleID(at: at(args[0].span)))
                return (.bool, .constant(.error("fired")))
            }
            guard let rule = symbols.rules[id] else {
                report(.firedUnknownRule(id, suggestion: Suggestion.nearest(to: id, in: symbols.rules.keys), at: at(s)))
                return (.bool, .constant(.error("fired")))
            }
            if !(symbols.visible[checklist]?.contains(rule.rule.checklist) ?? false) {
                report(.ruleNotIncluded(id, belongsTo: rule.rule.checklist, from: checklist, at: at(s)))
            }
            return (.bool, .fired(rule: rule.index))
        case ("date", nil):
            guard arity(1, "date(\"2021-04-05\")") else { return (.date, .constant(.error("arity"))) }
            guard case .literal(.string(let text), let s) = args[0] else {
                report(.dateNeedsLiteral(at: at(args[0].span)))
                return (.date, .constant(.error("date")))
            }
            guard let day = CivilDate(parsing: text) else {
                report(.badDateLiteral(text, at: at(s)))
                return (.date, .constant(.error("date")))
            }
            return (.date, .constant(.date(day.dayNumber)))
        case ("days_between", nil):
            guard arity(2, "days_between(from, to)") else { return (.int, .constant(.error("arity"))) }
            let (at, ap) = check(args[0])
            let (bt, bp) = check(args[1])
            for (t, e) in [(at, args[0]), (bt, args[1])] where t != .date && t != .error {
                report(.daysBetweenArgument(t, at: self.at(e.span)))
            }
            return (.int, .daysBetween(ap, bp))
        case ("double", nil), ("int", nil):
            guard arity(1, "\(function)(x)") else { return (function == "int" ? .int : .double, .constant(.error("arity"))) }
            let (t, p) = check(args[0])
            if !(t.isNumeric || t == .error) { report(.conversionArgument(function, type: t, at: at(args[0].span))) }
            return function == "int" ? (.int, .toInt(p)) : (.double, .toDouble(p))
        default:
            let known = ["size", "contains", "startsWith", "endsWith", "answered", "fired", "date", "days_between", "double", "int"]
            report(.unknownFunction(function, suggestion: Suggestion.nearest(to: function, in: known), known: known, at: at(span)))
            for a in args { _ = check(a) }
            return (.error, .constant(.error("unknown function")))
        }
    }
}
