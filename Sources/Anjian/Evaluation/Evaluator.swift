/// Evaluates a catalog's compiled rules against one answer sheet, three-valued.
///
/// Facts and rule outcomes are memoized per sheet. Each evaluation collects the answer slots
/// it read; when `&&` or `||` is decided by one side alone, the other side's slots are dropped,
/// so the evidence of a finding is exactly the answers its outcome depended on.
struct Evaluator {
    let catalog: Catalog
    let sheet: AnswerSheet
    private let answers: [Answer?]
    private var factMemo: [(Value, [Int])?]
    private var ruleMemo: [(Value, [Int])?]

    init(catalog: Catalog, sheet: AnswerSheet) {
        self.catalog = catalog
        self.sheet = sheet
        self.answers = sheet.answers(for: catalog)
        factMemo = Array(repeating: nil, count: catalog.facts.count)
        ruleMemo = Array(repeating: nil, count: catalog.rules.count)
    }

    /// The value of a rule's condition and the slots it depended on.
    mutating func rule(_ index: Int) -> (Value, [Int]) {
        if let memo = ruleMemo[index] { return memo }
        var evidence: [Int] = []
        let value = eval(catalog.rulePrograms[index], &evidence)
        ruleMemo[index] = (value, evidence)
        return (value, evidence)
    }

    private mutating func fact(_ index: Int) -> (Value, [Int]) {
        if let memo = factMemo[index] { return memo }
        var evidence: [Int] = []
        let value = eval(catalog.factPrograms[index], &evidence)
        factMemo[index] = (value, evidence)
        return (value, evidence)
    }

    /// The value of a question: its answer, not applicable when its `ask_if` is false or it was
    /// answered 不适用, and unknown when it is still unanswered.
    private mutating func question(_ slot: Int, _ evidence: inout [Int]) -> Value {
        let answer = answers[slot]
        if let askIf = catalog.askIf[slot] {
            var gate: [Int] = []
            switch eval(askIf, &gate) {
            case .bool(false), .notApplicable:
                evidence += gate
                return .notApplicable(slot: slot)
            case .unknown(let missing) where answer == nil:
                return .unknown(missing.union([slot]))
            default:
                break
            }
        }
        guard let answer else { return .unknown([slot]) }
        evidence.append(slot)
        return answer.value
    }

    mutating func eval(_ program: Program, _ evidence: inout [Int]) -> Value {
        switch program {
        case .constant(let v):
            return v
        case .question(let slot):
            return question(slot, &evidence)
        case .fact(let index):
            let (v, e) = fact(index)
            evidence += e
            return v
        case .enterprise(let field):
            let e = sheet.enterprise
            let text: String?
            switch field {
            case .name: text = e.name
            case .code: text = e.code
            case .town: text = e.town
            case .sector: text = e.sector
            case .kind: text = e.kind.rawValue
            }
            return text.map(Value.string) ?? .string("")
        case .inspectionDate:
            return .date(sheet.inspection.date.dayNumber)
        case .inspector:
            return .string(sheet.inspection.inspector ?? "")
        case .not(let p):
            let v = eval(p, &evidence)
            if case .bool(let b) = v { return .bool(!b) }
            return v
        case .negate(let p):
            let v = eval(p, &evidence)
            switch v {
            case .int(let i):
                let (r, o) = (0).subtractingReportingOverflow(i)
                return o ? .error("integer overflow") : .int(r)
            case .double(let d): return .double(-d)
            default: return v
            }
        case .and(let a, let b), .or(let a, let b):
            var isAnd = false
            if case .and = program { isAnd = true }
            let mark = evidence.count
            let x = eval(a, &evidence)
            if case .bool(let bx) = x, bx != isAnd { return x }  // decided by the left side alone
            let afterLeft = evidence.count
            let y = eval(b, &evidence)
            if case .bool(let by) = y {
                if by != isAnd {
                    // Decided by the right side alone: drop the left side's evidence.
                    evidence.removeSubrange(mark..<afterLeft)
                    return y
                }
                if case .bool = x { return y }
            }
            // Neither side decides: unknown wins (an answer may still decide), then errors, then N/A.
            var missing: Set<Int> = []
            if case .unknown(let m) = x { missing.formUnion(m) }
            if case .unknown(let m) = y { missing.formUnion(m) }
            if !missing.isEmpty { return .unknown(missing) }
            if case .error = x { return x }
            if case .error = y { return y }
            if case .notApplicable = x { return x }
            return y
        case .conditional(let c, let a, let b):
            let v = eval(c, &evidence)
            guard case .bool(let cond) = v else { return v }
            return eval(cond ? a : b, &evidence)
        case .compare(let op, let a, let b):
            let x = eval(a, &evidence), y = eval(b, &evidence)
            if let u = Value.undetermined(x, y) { return u }
            return Self.compare(op, x, y)
        case .arithmetic(let op, let a, let b):
            let x = eval(a, &evidence), y = eval(b, &evidence)
            if let u = Value.undetermined(x, y) { return u }
            return Self.arithmetic(op, x, y)
        case .list(let items):
            var values: [Value] = []
            for item in items { values.append(eval(item, &evidence)) }
            if let u = Value.undetermined(values) { return u }
            return .list(values)
        case .contains(let element, let list):
            let x = eval(element, &evidence), l = eval(list, &evidence)
            if let u = Value.undetermined(x, l) { return u }
            guard case .list(let items) = l else { return .error("'in' needs a list") }
            return .bool(items.contains { Self.equal($0, x) })
        case .size(let p):
            let v = eval(p, &evidence)
            switch v {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .list(let l): return .int(l.count)
            default: return v
            }
        case .stringTest(let test, let a, let b):
            let x = eval(a, &evidence), y = eval(b, &evidence)
            if let u = Value.undetermined(x, y) { return u }
            guard case .string(let s) = x, case .string(let t) = y else { return .error("text expected") }
            switch test {
            case .contains: return .bool(t.isEmpty || s.contains(t))
            case .startsWith: return .bool(s.hasPrefix(t))
            case .endsWith: return .bool(s.hasSuffix(t))
            }
        case .answered(let slot):
            // NOTE: answered() is about the sheet itself, so it is never unknown.
            if answers[slot] != nil { evidence.append(slot); return .bool(true) }
            return .bool(false)
        case .fired(let rule):
            let (v, e) = self.rule(rule)
            evidence += e
            return v
        case .daysBetween(let a, let b):
            let x = eval(a, &evidence), y = eval(b, &evidence)
            if let u = Value.undetermined(x, y) { return u }
            guard case .date(let d1) = x, case .date(let d2) = y else { return .error("dates expected") }
            return .int(d2 - d1)
        case .toDouble(let p):
            let v = eval(p, &evidence)
            if case .int(let i) = v { return .double(Double(i)) }
            return v
        case .toInt(let p):
            let v = eval(p, &evidence)
            if case .double(let d) = v {
                guard d.isFinite, d > -9.2e18, d < 9.2e18 else { return .error("number out of int range") }
                return .int(Int(d.rounded(.towardZero)))
            }
            return v
        }
    }

    /// CEL equality, with numbers compared across int and double.
    static func equal(_ x: Value, _ y: Value) -> Bool {
        switch (x, y) {
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.double(let a), .double(let b)): return a == b
        default: return x == y
        }
    }

    static func compare(_ op: Expr.BinaryOperator, _ x: Value, _ y: Value) -> Value {
        switch op {
        case .equal: return .bool(equal(x, y))
        case .notEqual: return .bool(!equal(x, y))
        default: break
        }
        let order: Bool?
        switch (x, y) {
        case (.int(let a), .int(let b)): order = ordered(op, a, b)
        case (.double(let a), .double(let b)): order = ordered(op, a, b)
        case (.int(let a), .double(let b)): order = ordered(op, Double(a), b)
        case (.double(let a), .int(let b)): order = ordered(op, a, Double(b))
        case (.date(let a), .date(let b)): order = ordered(op, a, b)
        case (.string(let a), .string(let b)): order = ordered(op, Array(a.utf8).lexicographicallyPrecedes(b.utf8) ? 0 : (a == b ? 1 : 2), 1)
        default: order = nil
        }
        return order.map(Value.bool) ?? .error("no such comparison")
    }

    private static func ordered<T: Comparable>(_ op: Expr.BinaryOperator, _ a: T, _ b: T) -> Bool? {
        switch op {
        case .less: a < b
        case .lessEqual: a <= b
        case .greater: a > b
        case .greaterEqual: a >= b
        default: nil
        }
    }

    static func arithmetic(_ op: Expr.BinaryOperator, _ x: Value, _ y: Value) -> Value {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            let result: (Int, Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            case .divide, .remainder:
                if b == 0 { return .error(op == .divide ? "division by zero" : "modulus by zero") }
                result = op == .divide ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            default: return .error("bad operator")
            }
            return result.1 ? .error("integer overflow") : .int(result.0)
        case (.double(let a), .double(let b)):
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .divide: return .double(a / b)
            default: return .error("bad operator")
            }
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            return .list(a + b)
        default:
            return .error("bad operands")
        }
    }
}
