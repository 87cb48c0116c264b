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

    private mutating func error(_ code: String, _ message: String, _ span: Range<Int>) {
        diagnostics.append(.error(code, message, at: source.location(at: span.lowerBound)))
    }

    /// Checks `expr`, requiring a bool result when `field` is a condition (`when`, `ask_if`).
    mutating func check(_ expr: Expr, expecting: ExprType?, field: String) -> (ExprType, Program) {
        let (type, program) = check(expr)
        if let expecting, type != .error, type != expecting {
            error("expr.not-bool", "'\(field)' must be a true/false condition, but this is \(describe(type)); compare it, e.g. \(example(for: type))", expr.span)
        }
        return (type, program)
    }

    private func describe(_ t: ExprType) -> String {
        switch t {
        case .choice(let c): "a choice of [\(c.joined(separator: ", "))]"
        case .multi(let c): "a multiple choice of [\(c.joined(separator: ", "))]"
        default: "a value of type \(t)"
        }
    }

    private func example(for t: ExprType) -> String {
        switch t {
        case .choice(let c): "x == \"\(c.first ?? "")\""
        case .multi(let c): "\"\(c.first ?? "")\" in x"
        case .int, .double: "x > 0"
        case .string: "x == \"…\""
        case .date: "x < inspection.date"
        default: "x == …"
        }
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
                        error("expr.mixed-list", "list mixes \(e) and \(t); a list holds values of one type", item.span)
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
                if t != .bool && t != .error { error("expr.type-mismatch", "'!' applies to a true/false value, not \(describe(t))", span) }
                return (.bool, .not(p))
            case .negate:
                if !t.isNumeric && t != .error { error("expr.type-mismatch", "'-' applies to numbers, not \(describe(t))", span) }
                return (t.isNumeric ? t : .error, .negate(p))
            }
        case .binary(let op, let a, let b, let span):
            return binary(op, a, b, span)
        case .conditional(let c, let a, let b, _):
            let (ct, cp) = check(c)
            if ct != .bool && ct != .error { error("expr.type-mismatch", "the condition before '?' must be true/false, not \(describe(ct))", c.span) }
            let (at, ap) = check(a)
            let (bt, bp) = check(b)
            guard let t = at.joined(with: bt) else {
                error("expr.type-mismatch", "the two branches of '? :' have different types (\(at) and \(bt)); make them the same", b.span)
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
            error("expr.not-included", "'\(parts.joined(separator: "."))' belongs to checklist '\(other)', which '\(checklist)' does not include; add \(other) to its includes", span)
            return (.error, .constant(.error("not visible")))
        case .unknown:
            let written = parts.joined(separator: ".")
            var message = "unknown name '\(written)'"
            if let s = Suggestion.nearest(to: written, in: symbols.visibleNames(from: checklist)) {
                message += "; did you mean '\(s)'?"
            } else if parts.count == 1 {
                message += "; name a question or fact of this checklist, or write text in quotes (\"\(written)\")"
            }
            error("expr.undeclared", message, span)
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
                error("expr.unknown-choice",
                      "\"\(s)\" is not one of the choices [\(choices.joined(separator: ", "))]" + Suggestion.clause(for: s, in: choices),
                      span)
            }
        }
        if case .list(let items, _) = other { items.forEach(checkLiteral) } else { checkLiteral(other) }
    }

    private mutating func binary(_ op: Expr.BinaryOperator, _ a: Expr, _ b: Expr, _ span: Range<Int>) -> (ExprType, Program) {
        let (at, ap) = check(a)
        let (bt, bp) = check(b)
        let operatorSpan = a.span.upperBound..<b.span.lowerBound
        let at_b = "\(describe(at)) and \(describe(bt))"
        switch op {
        case .and, .or:
            for (t, e) in [(at, a), (bt, b)] where t != .bool && t != .error {
                error("expr.type-mismatch", "'\(op.rawValue)' joins true/false conditions, but this is \(describe(t)); compare it, e.g. \(example(for: t))", e.span)
            }
            return (.bool, op == .and ? .and(ap, bp) : .or(ap, bp))
        case .equal, .notEqual:
            if at == .null || bt == .null, at != bt, at != .error, bt != .error {
                error("expr.null-comparison", "an unanswered question is not null; to test whether it was answered write answered(question)", span)
            } else if !at.isComparable(with: bt) {
                error("expr.type-mismatch", "cannot compare \(at_b) with '\(op.rawValue)'" + hint(at, bt), b.span)
            }
            checkChoice(at, against: b)
            checkChoice(bt, against: a)
            return (.bool, .compare(op, ap, bp))
        case .less, .lessEqual, .greater, .greaterEqual:
            let ok = (at.isNumeric && bt.isNumeric) || (at == .string && bt == .string) || (at == .date && bt == .date) || at == .error || bt == .error
            if !ok {
                error("expr.type-mismatch", "cannot order \(at_b) with '\(op.rawValue)'; it compares numbers, texts or dates of the same kind" + hint(at, bt), b.span)
            }
            return (.bool, .compare(op, ap, bp))
        case .in:
            guard let element = bt.elementType else {
                if bt != .error { error("expr.type-mismatch", "'in' needs a list on its right, such as [\"甲\", \"乙\"] or a multi question, not \(describe(bt))", b.span) }
                return (.bool, .contains(element: ap, list: bp))
            }
            if !at.isComparable(with: element) && element != .null {
                error("expr.type-mismatch", "'in' looks for \(describe(at)) in a list of \(element)", a.span)
            }
            checkChoice(at, against: b)
            if case .multi = bt { checkChoice(bt, against: a) }
            return (.bool, .contains(element: ap, list: bp))
        case .add, .subtract, .multiply, .divide, .remainder:
            if at == .error || bt == .error { return (.error, .arithmetic(op, ap, bp)) }
            if at.isNumeric && bt.isNumeric && at != bt {
                error("expr.type-mismatch", "'\(op.rawValue)' does not mix int and number; write the int as a number (e.g. 2.0) or convert it with double(…)", operatorSpan.isEmpty ? span : b.span)
                return (.error, .arithmetic(op, ap, bp))
            }
            if at.isNumeric && at == bt {
                if op == .remainder && at == .double { error("expr.type-mismatch", "'%' applies to whole numbers only", b.span) }
                return (at, .arithmetic(op, ap, bp))
            }
            if op == .add, at.isStringLike && bt.isStringLike { return (.string, .arithmetic(op, ap, bp)) }
            if op == .add, at.isListLike, bt.isListLike, let e = at.elementType?.joined(with: bt.elementType ?? .null) { return (.list(e), .arithmetic(op, ap, bp)) }
            error("expr.type-mismatch", "'\(op.rawValue)' cannot combine \(at_b)", b.span)
            return (.error, .arithmetic(op, ap, bp))
        }
    }

    private func hint(_ a: ExprType, _ b: ExprType) -> String {
        if a == .bool || b == .bool { return "; a yes/no question is compared with true or false (e.g. q == false)" }
        if (a.isNumeric && b.isStringLike) || (b.isNumeric && a.isStringLike) { return "; write the number without quotes" }
        if a == .date || b == .date { return "; write a date as date(\"2021-04-05\")" }
        return ""
    }

    private mutating func call(_ function: String, target: Expr?, _ args: [Expr], _ span: Range<Int>) -> (ExprType, Program) {
        func arity(_ n: Int, _ usage: String) -> Bool {
            if args.count != n {
                error("expr.arity", "\(function) takes \(n) argument\(n == 1 ? "" : "s"): \(usage)", span)
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
                error("expr.type-mismatch", "size() measures text or lists, not \(describe(t))", subject.span)
            }
            return (.int, .size(p))
        case ("contains", let target?), ("startsWith", let target?), ("endsWith", let target?):
            guard arity(1, "text.\(function)(\"…\")") else { return (.bool, .constant(.error("arity"))) }
            let (tt, tp) = check(target)
            let (at, ap) = check(args[0])
            if !(tt.isStringLike || tt == .error) {
                let more = tt.isListLike ? "; to test a list write \"选项\" in list" : ""
                error("expr.type-mismatch", "\(function)() applies to text, not \(describe(tt))\(more)", target.span)
            }
            if !(at.isStringLike || at == .error) { error("expr.type-mismatch", "\(function)() takes text, not \(describe(at))", args[0].span) }
            return (.bool, .stringTest(Program.StringTest(rawValue: function)!, tp, ap))
        case ("answered", nil):
            guard arity(1, "answered(question)") else { return (.bool, .constant(.error("arity"))) }
            guard case .name(let parts, let s) = args[0] else {
                error("expr.type-mismatch", "answered() takes a question name, e.g. answered(license_valid)", args[0].span)
                return (.bool, .constant(.error("answered")))
            }
            let (_, p) = name(parts, s)
            guard case .question(let slot) = p else {
                if case .constant = p { return (.bool, p) }
                error("expr.type-mismatch", "answered() takes a question, and '\(parts.joined(separator: "."))' is not one", s)
                return (.bool, .constant(.error("answered")))
            }
            return (.bool, .answered(slot: slot))
        case ("fired", nil):
            guard arity(1, "fired(\"RULE-ID\")") else { return (.bool, .constant(.error("arity"))) }
            guard case .literal(.string(let id), let s) = args[0] else {
                error("expr.type-mismatch", "fired() takes a rule id in quotes, e.g. fired(\"GAS-001\")", args[0].span)
                return (.bool, .constant(.error("fired")))
            }
            guard let rule = symbols.rules[id] else {
                error("expr.unknown-rule", "unknown rule '\(id)'" + Suggestion.clause(for: id, in: symbols.rules.keys), s)
                return (.bool, .constant(.error("fired")))
            }
            if !(symbols.visible[checklist]?.contains(rule.rule.checklist) ?? false) {
                error("expr.not-included", "rule '\(id)' belongs to checklist '\(rule.rule.checklist)', which '\(checklist)' does not include; add it to includes", s)
            }
            return (.bool, .fired(rule: rule.index))
        case ("date", nil):
            guard arity(1, "date(\"2021-04-05\")") else { return (.date, .constant(.error("arity"))) }
            guard case .literal(.string(let text), let s) = args[0] else {
                error("expr.type-mismatch", "date() takes a date in quotes, e.g. date(\"2021-04-05\")", args[0].span)
                return (.date, .constant(.error("date")))
            }
            guard let day = CivilDate(parsing: text) else {
                error("expr.bad-date", "'\(text)' is not a valid date; write YYYY-MM-DD, e.g. date(\"2021-04-05\")", s)
                return (.date, .constant(.error("date")))
            }
            return (.date, .constant(.date(day.dayNumber)))
        case ("days_between", nil):
            guard arity(2, "days_between(from, to)") else { return (.int, .constant(.error("arity"))) }
            let (at, ap) = check(args[0])
            let (bt, bp) = check(args[1])
            for (t, e) in [(at, args[0]), (bt, args[1])] where t != .date && t != .error {
                error("expr.type-mismatch", "days_between() takes dates, not \(describe(t))", e.span)
            }
            return (.int, .daysBetween(ap, bp))
        case ("double", nil), ("int", nil):
            guard arity(1, "\(function)(x)") else { return (function == "int" ? .int : .double, .constant(.error("arity"))) }
            let (t, p) = check(args[0])
            if !(t.isNumeric || t == .error) { error("expr.type-mismatch", "\(function)() converts numbers, not \(describe(t))", args[0].span) }
            return function == "int" ? (.int, .toInt(p)) : (.double, .toDouble(p))
        default:
            let known = ["size", "contains", "startsWith", "endsWith", "answered", "fired", "date", "days_between", "double", "int"]
            error("expr.unknown-function", "unknown function '\(function)'" + Suggestion.clause(for: function, in: known) + "; available: \(known.joined(separator: ", "))", span)
            for a in args { _ = check(a) }
            return (.error, .constant(.error("unknown function")))
        }
    }
}
