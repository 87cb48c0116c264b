/// Runs a ``DecisionPlan`` over one ``AnswerFrame``: three-valued exactly as the ``Evaluator``
/// (CEL's absorbing `&&` and `||`, strict operators, unknown versus not applicable versus error),
/// but over unboxed cells, with no allocation. Facts and rules are memoized per sheet.
///
/// It works on raw pointers because it runs inside the `withUnsafe…` scopes of
/// ``Catalog/decide(_:)``, which own every buffer for the whole run.
struct DecisionRunner {
    let nodes: UnsafePointer<PlanNode>
    let items: UnsafePointer<PlanListItem>
    let operands: UnsafePointer<PlanOperand>
    let states: UnsafePointer<UInt8>
    let bits: UnsafePointer<UInt64>
    let factRoots: UnsafePointer<Int32>
    let ruleRoots: UnsafePointer<Int32>
    let factMemo: UnsafeMutablePointer<PlanCell>
    let ruleMemo: UnsafeMutablePointer<PlanCell>
    let inspectionDay: Int

    /// Rule `index`'s condition; the rule must be planned (root ≥ 0).
    @inline(__always) func rule(_ index: Int) -> PlanCell {
        let memo = ruleMemo[index]
        if memo.status != PlanCell.pending { return memo }
        let value = eval(Int(ruleRoots[index]))
        ruleMemo[index] = value
        return value
    }

    private func fact(_ index: Int) -> PlanCell {
        let memo = factMemo[index]
        if memo.status != PlanCell.pending { return memo }
        let value = eval(Int(factRoots[index]))
        factMemo[index] = value
        return value
    }

    func eval(_ index: Int) -> PlanCell {
        let node = nodes[index]
        switch node.op {
        case .constant:
            return PlanCell(status: PlanCell.ok, bits: node.k)
        case .slot:
            return PlanCell(status: states[Int(node.a)], bits: bits[Int(node.a)])
        case .gatedSlot:
            // As Evaluator.question: not asked (false) or gated by a question that does not apply → 不适用.
            let gate = eval(Int(node.b))
            if gate.status == PlanCell.notApplicable || (gate.status == PlanCell.ok && gate.bits == 0) {
                return PlanCell(status: PlanCell.notApplicable, bits: 0)
            }
            return PlanCell(status: states[Int(node.a)], bits: bits[Int(node.a)])
        case .answered:
            return .bool(states[Int(node.a)] != PlanCell.unknown)
        case .fact:
            return fact(Int(node.a))
        case .fired:
            return rule(Int(node.a))
        case .inspectionDate:
            return .int(inspectionDay)
        case .not:
            let x = eval(Int(node.a))
            return x.status == PlanCell.ok ? PlanCell(status: PlanCell.ok, bits: x.bits ^ 1) : x
        case .all, .any:
            let decisive: UInt64 = node.op == .all ? 0 : 1
            var flags: UInt8 = 0
            for i in Int(node.b)..<Int(node.c) {
                let x = operand(operands[i])
                if x.status == PlanCell.ok {
                    if x.bits == decisive { return x }
                } else {
                    flags |= x.status
                }
            }
            guard flags != 0 else { return PlanCell(status: PlanCell.ok, bits: decisive ^ 1) }
            let status = flags & PlanCell.unknown != 0 ? PlanCell.unknown
                : (flags & PlanCell.error != 0 ? PlanCell.error : PlanCell.notApplicable)
            return PlanCell(status: status, bits: 0)
        case .conditional:
            let c = eval(Int(node.a))
            guard c.status == PlanCell.ok else { return c }
            return eval(Int(c.bits == 1 ? node.b : node.c))
        case .negateInt:
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            let (r, overflow) = (0).subtractingReportingOverflow(x.int)
            return overflow ? .errorCell : .int(r)
        case .negateDouble:
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            return .double(-x.double)
        case .toDouble:
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            return .double(Double(x.int))
        case .toInt:
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            let d = x.double
            guard d.isFinite, d > -9.2e18, d < 9.2e18 else { return .errorCell }
            return .int(Int(d.rounded(.towardZero)))
        case .compareInt, .compareDouble, .compareIntDouble, .compareDoubleInt, .compareBits:
            let x = eval(Int(node.a)), y = eval(Int(node.b))
            let flags = x.status | y.status
            guard flags == PlanCell.ok else { return .strict(flags) }
            switch node.op {
            case .compareInt: return .bool(Self.holds(node.operation, x.int, y.int))
            case .compareDouble: return .bool(Self.holds(node.operation, x.double, y.double))
            case .compareIntDouble: return .bool(Self.holds(node.operation, Double(x.int), y.double))
            case .compareDoubleInt: return .bool(Self.holds(node.operation, x.double, Double(y.int)))
            default: return .bool((x.bits == y.bits) == (node.operation == .equal))
            }
        case .arithmeticInt:
            let x = eval(Int(node.a)), y = eval(Int(node.b))
            let flags = x.status | y.status
            guard flags == PlanCell.ok else { return .strict(flags) }
            return Self.arithmetic(node.operation, x.int, y.int)
        case .arithmeticDouble:
            let x = eval(Int(node.a)), y = eval(Int(node.b))
            let flags = x.status | y.status
            guard flags == PlanCell.ok else { return .strict(flags) }
            let (a, b) = (x.double, y.double)
            switch node.operation {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            default: return .double(a / b)
            }
        case .choiceInMask, .multiHasConstant:
            // The leaf tests of the same name, on a value that is not a plain answer slot.
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            return .bool(PlanOperand(test: node.op == .choiceInMask ? .choiceInMask : .multiHas, slot: 0, k: node.k).holds(x.bits))
        case .multiHasChoice:
            let x = eval(Int(node.a)), l = eval(Int(node.b))
            let flags = x.status | l.status
            guard flags == PlanCell.ok else { return .strict(flags) }
            return .bool(x.bits < 64 && (l.bits >> x.bits) & 1 == 1)
        case .inConstantList:
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            let kind = PlanListItem.Kind(rawValue: UInt8(node.k)) ?? .other
            for i in Int(node.b)..<Int(node.c) where Self.equal(kind, x.bits, items[i]) { return .true }
            return .false
        case .sizeOfMulti:
            let x = eval(Int(node.a))
            guard x.status == PlanCell.ok else { return x }
            return .int(x.bits.nonzeroBitCount)
        case .daysBetween:
            let x = eval(Int(node.a)), y = eval(Int(node.b))
            let flags = x.status | y.status
            guard flags == PlanCell.ok else { return .strict(flags) }
            return .int(y.int - x.int)
        }
    }

    @inline(__always) private func operand(_ o: PlanOperand) -> PlanCell {
        if o.test == .node { return eval(Int(o.slot)) }
        let status = states[Int(o.slot)]
        guard status == PlanCell.ok else { return PlanCell(status: status, bits: 0) }
        return .bool(o.holds(bits[Int(o.slot)]))
    }

    @inline(__always) static func holds<T: Comparable>(_ operation: PlanOperation, _ a: T, _ b: T) -> Bool {
        switch operation {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessEqual: a <= b
        case .greater: a > b
        default: a >= b
        }
    }

    private static func arithmetic(_ operation: PlanOperation, _ a: Int, _ b: Int) -> PlanCell {
        let result: (partialValue: Int, overflow: Bool)
        switch operation {
        case .add: result = a.addingReportingOverflow(b)
        case .subtract: result = a.subtractingReportingOverflow(b)
        case .multiply: result = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { return .errorCell }
            result = a.dividedReportingOverflow(by: b)
        default:
            guard b != 0 else { return .errorCell }
            result = a.remainderReportingOverflow(dividingBy: b)
        }
        return result.overflow ? .errorCell : .int(result.partialValue)
    }

    /// CEL equality of an element with a list constant: ints and doubles by value, nothing across kinds.
    private static func equal(_ kind: PlanListItem.Kind, _ bits: UInt64, _ item: PlanListItem) -> Bool {
        switch (kind, item.kind) {
        case (.int, .int), (.bool, .bool), (.date, .date): bits == item.bits
        case (.double, .double): Double(bitPattern: bits) == Double(bitPattern: item.bits)
        case (.int, .double): Double(Int64(bitPattern: bits)) == Double(bitPattern: item.bits)
        case (.double, .int): Double(bitPattern: bits) == Double(Int64(bitPattern: item.bits))
        default: false
        }
    }
}

extension PlanOperand {
    /// The leaf test on an answered slot's bits, negation included.
    @inline(__always) func holds(_ v: UInt64) -> Bool {
        let result: Bool
        switch test {
        case .int: result = DecisionRunner.holds(operation, Int64(bitPattern: v), Int64(bitPattern: k))
        case .double: result = DecisionRunner.holds(operation, Double(bitPattern: v), Double(bitPattern: k))
        case .bits: result = (v == k) == (operation == .equal)
        // NOTE: shifts and masks rather than `&&`, which would branch on the answer; a planned
        // choice has at most 64 choices, and `k` = 64 (a choice the question lacks) never holds.
        case .choiceInMask: result = (k >> (v & 63)) & 1 == 1
        case .multiHas: result = (v >> (k & 63)) & 1 & ((k >> 6) ^ 1) == 1
        case .multiSize: result = DecisionRunner.holds(operation, Int64(v.nonzeroBitCount), Int64(bitPattern: k))
        case .node: result = false
        }
        return result != negated
    }
}
