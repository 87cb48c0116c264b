/// Compiles a catalog's ``Program``s into a ``DecisionPlan``, inferring each node's static kind.
/// Whatever it cannot express exactly is left unplanned (root -1) rather than approximated.
struct DecisionPlanCompiler {
    private let questions: [Question]
    private let askIf: [Program?]
    private let factPrograms: [Program]
    private var plan = DecisionPlan()
    /// Per fact: nil while not compiled, else its root (-1 when unplanned) and kind.
    private var facts: [(root: Int32, kind: PlanKind)?]
    /// Per slot: nil while not compiled, else the root of its `ask_if` (-1 when unplanned).
    private var gates: [Int32?]
    /// Swept leaves already made, by what they test.
    private var leafRegisters: [LeafKey: Int32] = [:]
    private var leaves: [(test: PlanOperand, register: Int32)] = []

    private struct LeafKey: Hashable {
        var test: PlanOperand.Test
        var operation: PlanOperation
        var negated: Bool
        var slot: Int32
        var k: UInt64
    }

    static func compile(questions: [Question], askIf: [Program?], factPrograms: [Program], rules: [Rule],
                        rulePrograms: [Program], checklists: [String]) -> DecisionPlan {
        var compiler = DecisionPlanCompiler(questions: questions, askIf: askIf, factPrograms: factPrograms)
        compiler.plan.checklistIDs = checklists.sorted()
        let checklistIndex = Dictionary(uniqueKeysWithValues: compiler.plan.checklistIDs.enumerated().map { ($1, Int32($0)) })
        for (rule, program) in zip(rules, rulePrograms) {
            // NOTE: rules are in evaluation order, so a fired() reference is to a rule already compiled.
            compiler.plan.ruleRoots.append(compiler.root(program))
            compiler.plan.sweep.ruleRegisters.append(compiler.sweepable(program) ? compiler.sweep(program, negated: false) : -1)
            compiler.plan.ruleChecklists.append(checklistIndex[rule.checklist] ?? Int32(compiler.plan.checklistIDs.count))
        }
        // Leaves grouped by test, so that the sweep's branch on the test is taken the same way in runs.
        compiler.groupLeaves()
        compiler.levelSteps()
        compiler.plan.sweep.registerSlots = Array(repeating: -1, count: compiler.plan.sweep.registerCount)
        compiler.plan.sweep.registerSteps = Array(repeating: -1, count: compiler.plan.sweep.registerCount)
        for leaf in compiler.plan.sweep.leaves { compiler.plan.sweep.registerSlots[Int(leaf.register)] = leaf.slot }
        for (i, step) in compiler.plan.sweep.steps.enumerated() { compiler.plan.sweep.registerSteps[Int(step.register)] = Int32(i) }
        compiler.plan.sweep.coversAllRules = !compiler.plan.sweep.ruleRegisters.contains(-1)
        compiler.plan.factRoots = compiler.facts.map { $0?.root ?? -1 }
        // Sentinels, so that no array handed to the runner is ever empty.
        compiler.plan.nodes.append(PlanNode(op: .constant))
        compiler.plan.listItems.append(PlanListItem(kind: .other, bits: 0))
        compiler.plan.operands.append(PlanOperand(test: .node, slot: 0))
        compiler.plan.factRoots.append(-1)
        compiler.plan.ruleRoots.append(-1)
        return compiler.plan
    }

    private init(questions: [Question], askIf: [Program?], factPrograms: [Program]) {
        self.questions = questions
        self.askIf = askIf
        self.factPrograms = factPrograms
        facts = Array(repeating: nil, count: factPrograms.count)
        gates = Array(repeating: nil, count: questions.count)
        plan.slotKinds = questions.map { Self.kind(of: $0.type) }
    }

    static func kind(of type: QuestionType) -> PlanKind {
        switch type {
        case .bool: .bool
        case .int: .int
        case .number: .double
        case .date: .date
        case .choice(let c): .choice(c)
        case .multi(let c): c.count <= 64 ? .multi(c) : .unplanned
        case .text: .unplanned
        }
    }

    /// The root of a boolean condition, or -1.
    private mutating func root(_ program: Program) -> Int32 {
        guard let (node, kind) = compile(program), kind == .bool else { return -1 }
        return node
    }

    private mutating func emit(_ node: PlanNode) -> Int32 {
        plan.nodes.append(node)
        return Int32(plan.nodes.count - 1)
    }

    private mutating func constant(_ bits: UInt64) -> Int32 { emit(PlanNode(op: .constant, k: bits)) }

    private mutating func compile(_ program: Program) -> (Int32, PlanKind)? {
        switch program {
        case .constant(let value):
            switch value {
            case .bool(let b): return (constant(b ? 1 : 0), .bool)
            case .int(let i): return (constant(UInt64(bitPattern: Int64(i))), .int)
            case .double(let d): return (constant(d.bitPattern), .double)
            case .date(let d): return (constant(UInt64(bitPattern: Int64(d))), .date)
            default: return nil
            }
        case .question(let slot):
            let kind = plan.slotKinds[slot]
            guard kind != .unplanned else { return nil }
            guard askIf[slot] != nil else { return (emit(PlanNode(op: .slot, a: Int32(slot))), kind) }
            let gate = gate(slot)
            guard gate >= 0 else { return nil }
            return (emit(PlanNode(op: .gatedSlot, a: Int32(slot), b: gate)), kind)
        case .fact(let index):
            guard let (root, kind) = fact(index), root >= 0 else { return nil }
            return (emit(PlanNode(op: .fact, a: Int32(index))), kind)
        case .enterprise, .inspector, .list, .stringTest:
            return nil
        case .inspectionDate:
            return (emit(PlanNode(op: .inspectionDate)), .date)
        case .not(let p):
            guard let (x, kind) = compile(p), kind == .bool else { return nil }
            return (emit(PlanNode(op: .not, a: x)), .bool)
        case .negate(let p):
            guard let (x, kind) = compile(p) else { return nil }
            switch kind {
            case .int: return (emit(PlanNode(op: .negateInt, a: x)), .int)
            case .double: return (emit(PlanNode(op: .negateDouble, a: x)), .double)
            default: return nil
            }
        case .and, .or:
            var isAnd = false
            if case .and = program { isAnd = true }
            var operands: [PlanOperand] = []
            guard flatten(program, isAnd: isAnd, into: &operands) else { return nil }
            let start = Int32(plan.operands.count)
            plan.operands += operands
            return (emit(PlanNode(op: isAnd ? .all : .any, b: start, c: Int32(plan.operands.count))), .bool)
        case .conditional(let c, let a, let b):
            guard let (x, xk) = compile(c), xk == .bool, let (y, yk) = compile(a), let (z, zk) = compile(b), yk == zk else { return nil }
            return (emit(PlanNode(op: .conditional, a: x, b: y, c: z)), yk)
        case .compare(let op, let a, let b):
            if let leaf = leafNode(program) { return leaf }
            return compare(Self.operation(op), a, b)
        case .arithmetic(let op, let a, let b):
            guard let operation = Self.operation(op), let (x, xk) = compile(a), let (y, yk) = compile(b), xk == yk else { return nil }
            switch xk {
            case .int: return (emit(PlanNode(op: .arithmeticInt, operation: operation, a: x, b: y)), .int)
            case .double where operation != .remainder:
                return (emit(PlanNode(op: .arithmeticDouble, operation: operation, a: x, b: y)), .double)
            default: return nil
            }
        case .contains(let element, let list):
            if let leaf = leafNode(program) { return leaf }
            return contains(element, list)
        case .size(let p):
            guard let (x, kind) = compile(p), case .multi = kind else { return nil }
            return (emit(PlanNode(op: .sizeOfMulti, a: x)), .int)
        case .answered(let slot):
            return (emit(PlanNode(op: .answered, a: Int32(slot))), .bool)
        case .fired(let rule):
            guard rule < plan.ruleRoots.count, plan.ruleRoots[rule] >= 0 else { return nil }
            return (emit(PlanNode(op: .fired, a: Int32(rule))), .bool)
        case .daysBetween(let a, let b):
            guard let (x, xk) = compile(a), xk == .date, let (y, yk) = compile(b), yk == .date else { return nil }
            return (emit(PlanNode(op: .daysBetween, a: x, b: y)), .int)
        case .toDouble(let p):
            return convert(p, to: .double, with: .toDouble)
        case .toInt(let p):
            return convert(p, to: .int, with: .toInt)
        }
    }

    /// `double(x)` or `int(x)`: a conversion node, or `x` itself when it already has the kind.
    private mutating func convert(_ program: Program, to target: PlanKind, with op: PlanOp) -> (Int32, PlanKind)? {
        guard let (x, kind) = compile(program), kind == .int || kind == .double else { return nil }
        return kind == target ? (x, kind) : (emit(PlanNode(op: op, a: x)), target)
    }

    /// The operands of a chain of `&&` (or of `||`), leaves in place.
    private mutating func flatten(_ program: Program, isAnd: Bool, into operands: inout [PlanOperand]) -> Bool {
        switch program {
        case .and(let a, let b) where isAnd, .or(let a, let b) where !isAnd:
            return flatten(a, isAnd: isAnd, into: &operands) && flatten(b, isAnd: isAnd, into: &operands)
        default:
            if let leaf = leaf(program) {
                operands.append(leaf)
                return true
            }
            guard let (node, kind) = compile(program), kind == .bool else { return false }
            operands.append(PlanOperand(test: .node, slot: node))
            return true
        }
    }

    /// Whether a condition is an `&&` / `||` / `!` tree over leaves, which ``SweepPlan`` decides.
    private func sweepable(_ program: Program) -> Bool {
        switch program {
        case .not(let p): return sweepable(p)
        case .and(let a, let b), .or(let a, let b): return sweepable(a) && sweepable(b)
        default: return leaf(program) != nil
        }
    }

    /// Emits a sweepable condition, negations pushed to the leaves (De Morgan, exact in CEL's
    /// three-valued logic since `!` keeps an undetermined value as it is); returns its register.
    private mutating func sweep(_ program: Program, negated: Bool) -> Int32 {
        switch program {
        case .not(let p):
            return sweep(p, negated: !negated)
        case .and, .or:
            var isAnd = false
            if case .and = program { isAnd = true }
            var registers: [Int32] = []
            sweepChain(program, isAnd: isAnd, negated: negated, into: &registers)
            return step(all: isAnd != negated, registers)
        default:
            var test = leaf(program)!
            if negated { test.negated.toggle() }
            // The same test in several rules is made once.
            let key = LeafKey(test: test.test, operation: test.operation, negated: test.negated, slot: test.slot, k: test.k)
            if let register = leafRegisters[key] { return register }
            let register = newRegister()
            leafRegisters[key] = register
            leaves.append((test, register))
            return register
        }
    }

    private mutating func sweepChain(_ program: Program, isAnd: Bool, negated: Bool, into registers: inout [Int32]) {
        switch program {
        case .and(let a, let b) where isAnd, .or(let a, let b) where !isAnd:
            sweepChain(a, isAnd: isAnd, negated: negated, into: &registers)
            sweepChain(b, isAnd: isAnd, negated: negated, into: &registers)
        default:
            registers.append(sweep(program, negated: negated))
        }
    }

    /// Lays the leaves out grouped by test, operator and negation, so that the sweep's loop per
    /// group never branches on what a leaf tests.
    private mutating func groupLeaves() {
        func key(_ t: PlanOperand) -> (UInt8, UInt8, Bool) { (t.test.rawValue, t.operation.rawValue, t.negated) }
        leaves.sort { (key($0.test).0, key($0.test).1, key($0.test).2 ? 1 : 0, $0.test.slot, $0.register) < (key($1.test).0, key($1.test).1, key($1.test).2 ? 1 : 0, $1.test.slot, $1.register) }
        for (i, leaf) in leaves.enumerated() {
            plan.sweep.leaves.append(SweepLeaf(k: leaf.test.k, slot: leaf.test.slot, register: leaf.register))
            if let last = plan.sweep.leafGroups.last, (last.test.rawValue, last.operation.rawValue, last.negated) == key(leaf.test) {
                plan.sweep.leafGroups[plan.sweep.leafGroups.count - 1].end = i + 1
            } else {
                plan.sweep.leafGroups.append(SweepLeafGroup(test: leaf.test.test, operation: leaf.test.operation, negated: leaf.test.negated, start: i, end: i + 1))
            }
        }
    }

    /// Orders the steps by depth, those over leaves only first: a step then rarely reads the
    /// register the step just before it wrote, so steps overlap instead of waiting on each other.
    private mutating func levelSteps() {
        var level = [Int](repeating: 0, count: plan.sweep.registerCount)
        for step in plan.sweep.steps {
            let o = step.operands
            level[Int(step.register)] = 1 + max(level[Int(o.0)], level[Int(o.1)], level[Int(o.2)], level[Int(o.3)])
        }
        // NOTE: emission order already has operands first; a stable sort by level keeps that.
        plan.sweep.steps = plan.sweep.steps.enumerated()
            .sorted { (level[Int($0.element.register)], $0.offset) < (level[Int($1.element.register)], $1.offset) }
            .map(\.element)
    }

    /// Steps of four operands for a chain of any length (exact: `&&` and `||` are associative).
    private mutating func step(all: Bool, _ registers: [Int32]) -> Int32 {
        var registers = registers
        while registers.count > 4 {
            registers = stride(from: 0, to: registers.count, by: 4).map { start in
                let group = Array(registers[start..<min(start + 4, registers.count)])
                return group.count == 1 ? group[0] : step(all: all, group)
            }
        }
        // The neutral register: true for `&&`, false for `||`.
        let neutral: Int32 = all ? 0 : 1
        let padded = registers + Array(repeating: neutral, count: 4 - registers.count)
        let register = newRegister()
        plan.sweep.steps.append(SweepStep(table: all ? 32 : 0, operands: (padded[0], padded[1], padded[2], padded[3]), register: register))
        return register
    }

    private mutating func newRegister() -> Int32 {
        plan.sweep.registerCount += 1
        return Int32(plan.sweep.registerCount - 1)
    }

    /// A leaf test outside an `&&` / `||` chain, as a chain of one: the runner then tests it in place,
    /// with the same code as a chain's leaves, rather than through a node per operand.
    private mutating func leafNode(_ program: Program) -> (Int32, PlanKind)? {
        guard let leaf = leaf(program) else { return nil }
        plan.operands.append(leaf)
        let end = Int32(plan.operands.count)
        return (emit(PlanNode(op: .all, b: end - 1, c: end)), .bool)
    }

    /// A boolean test of one ungated answer slot against constants, if `program` is one.
    private func leaf(_ program: Program) -> PlanOperand? {
        switch program {
        case .not(let inner):
            guard var leaf = leaf(inner) else { return nil }
            leaf.negated.toggle()
            return leaf
        case .question:
            guard let slot = plainSlot(program), plan.slotKinds[Int(slot)] == .bool else { return nil }
            return PlanOperand(test: .bits, slot: slot, k: 1)
        case .compare(let op, let a, let b):
            guard let operation = Self.operation(op) else { return nil }
            let equality = operation == .equal || operation == .notEqual
            for (subject, other) in [(a, b), (b, a)] {
                guard equality, case .constant(.string(let text)) = other, let slot = plainSlot(subject),
                      case .choice(let choices) = plan.slotKinds[Int(slot)] else { continue }
                return PlanOperand(test: .bits, operation: operation, slot: slot, k: choices.firstIndex(of: text).map { UInt64($0) } ?? .max)
            }
            if case .size(let inner) = a, let slot = plainSlot(inner), case .multi = plan.slotKinds[Int(slot)], case .constant(.int(let i)) = b {
                return PlanOperand(test: .multiSize, operation: operation, slot: slot, k: UInt64(bitPattern: Int64(i)))
            }
            guard let slot = plainSlot(a), case .constant(let value) = b else { return nil }
            switch (plan.slotKinds[Int(slot)], value) {
            case (.int, .int(let i)): return PlanOperand(test: .int, operation: operation, slot: slot, k: UInt64(bitPattern: Int64(i)))
            case (.double, .double(let d)): return PlanOperand(test: .double, operation: operation, slot: slot, k: d.bitPattern)
            // NOTE: the Evaluator converts the int to a double too, so this is the same test.
            case (.double, .int(let i)): return PlanOperand(test: .double, operation: operation, slot: slot, k: Double(i).bitPattern)
            case (.bool, .bool(let v)) where equality: return PlanOperand(test: .bits, operation: operation, slot: slot, k: v ? 1 : 0)
            default: return nil
            }
        case .contains(let element, let list):
            if case .list(let items) = list, let slot = plainSlot(element), case .choice(let choices) = plan.slotKinds[Int(slot)], choices.count <= 64 {
                var mask: UInt64 = 0
                for item in items {
                    guard case .constant(.string(let s)) = item else { return nil }
                    if let i = choices.firstIndex(of: s) { mask |= 1 << UInt64(i) }
                }
                return PlanOperand(test: .choiceInMask, slot: slot, k: mask)
            }
            if case .constant(.string(let text)) = element, let slot = plainSlot(list), case .multi(let choices) = plan.slotKinds[Int(slot)] {
                return PlanOperand(test: .multiHas, slot: slot, k: choices.firstIndex(of: text).map { UInt64($0) } ?? 64)
            }
            return nil
        default:
            return nil
        }
    }

    private mutating func fact(_ index: Int) -> (root: Int32, kind: PlanKind)? {
        if let done = facts[index] { return done }
        let compiled = compile(factPrograms[index])
        let result = compiled.map { (root: $0.0, kind: $0.1) } ?? (root: -1, kind: .unplanned)
        facts[index] = result
        return result
    }

    private mutating func gate(_ slot: Int) -> Int32 {
        if let done = gates[slot] { return done }
        let result = askIf[slot].map { root($0) } ?? -1
        gates[slot] = result
        return result
    }

    private static func operation(_ op: Expr.BinaryOperator) -> PlanOperation? {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .remainder: .remainder
        default: nil
        }
    }

    /// An ungated answer slot, for the fused slot-with-constant comparisons.
    private func plainSlot(_ program: Program) -> Int32? {
        guard case .question(let slot) = program, askIf[slot] == nil, plan.slotKinds[slot] != .unplanned else { return nil }
        return Int32(slot)
    }

    private mutating func compare(_ operation: PlanOperation?, _ a: Program, _ b: Program) -> (Int32, PlanKind)? {
        guard let operation else { return nil }
        let equality = operation == .equal || operation == .notEqual
        // A choice against a quoted choice compares indices; the literal may come on either side.
        if case .constant(.string(let text)) = b { return compareChoice(operation, a, text) }
        if case .constant(.string(let text)) = a { return compareChoice(operation, b, text) }
        guard let (x, xk) = compile(a), let (y, yk) = compile(b) else { return nil }
        let op: PlanOp
        switch (xk, yk) {
        case (.int, .int), (.date, .date): op = .compareInt
        case (.double, .double): op = .compareDouble
        case (.int, .double): op = .compareIntDouble
        case (.double, .int): op = .compareDoubleInt
        case (.bool, .bool) where equality: op = .compareBits
        case (.choice(let c1), .choice(let c2)) where equality && c1 == c2: op = .compareBits
        default: return nil
        }
        return (emit(PlanNode(op: op, operation: operation, a: x, b: y)), .bool)
    }

    private mutating func compareChoice(_ operation: PlanOperation, _ subject: Program, _ text: String) -> (Int32, PlanKind)? {
        guard operation == .equal || operation == .notEqual, let (x, kind) = compile(subject), case .choice(let choices) = kind else { return nil }
        let index = choices.firstIndex(of: text).map { UInt64($0) } ?? .max
        return (emit(PlanNode(op: .compareBits, operation: operation, a: x, b: constant(index))), .bool)
    }

    private mutating func contains(_ element: Program, _ list: Program) -> (Int32, PlanKind)? {
        if case .list(let items) = list {
            var values: [Value] = []
            for item in items {
                guard case .constant(let v) = item else { return nil }
                values.append(v)
            }
            guard let (x, kind) = compile(element) else { return nil }
            switch kind {
            case .choice(let choices):
                guard choices.count <= 64 else { return nil }
                var mask: UInt64 = 0
                for v in values {
                    guard case .string(let s) = v else { return nil }
                    if let i = choices.firstIndex(of: s) { mask |= 1 << UInt64(i) }
                }
                return (emit(PlanNode(op: .choiceInMask, a: x, k: mask)), .bool)
            case .int, .double, .bool, .date:
                let start = Int32(plan.listItems.count)
                for v in values {
                    switch v {
                    case .int(let i): plan.listItems.append(PlanListItem(kind: .int, bits: UInt64(bitPattern: Int64(i))))
                    case .double(let d): plan.listItems.append(PlanListItem(kind: .double, bits: d.bitPattern))
                    case .bool(let b): plan.listItems.append(PlanListItem(kind: .bool, bits: b ? 1 : 0))
                    case .date(let d): plan.listItems.append(PlanListItem(kind: .date, bits: UInt64(bitPattern: Int64(d))))
                    default: plan.listItems.append(PlanListItem(kind: .other, bits: 0))
                    }
                }
                let elementKind: PlanListItem.Kind = switch kind {
                case .int: .int
                case .double: .double
                case .bool: .bool
                default: .date
                }
                return (emit(PlanNode(op: .inConstantList, a: x, b: start, c: Int32(plan.listItems.count), k: UInt64(elementKind.rawValue))), .bool)
            default:
                return nil
            }
        }
        guard let (l, listKind) = compile(list), case .multi(let choices) = listKind else { return nil }
        if case .constant(.string(let text)) = element {
            let bit = choices.firstIndex(of: text).map { UInt64($0) } ?? 64
            return (emit(PlanNode(op: .multiHasConstant, a: l, k: bit)), .bool)
        }
        guard let (x, kind) = compile(element), case .choice(let elementChoices) = kind, elementChoices == choices else { return nil }
        return (emit(PlanNode(op: .multiHasChoice, a: x, b: l)), .bool)
    }
}
