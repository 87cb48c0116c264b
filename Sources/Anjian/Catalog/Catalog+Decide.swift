/// The outcome of every rule for one answer sheet, without evidence: what ``Catalog/decide(_:)``
/// returns, and what ``Catalog/evaluate(_:)`` builds its report from.
public struct Decisions: Sendable {
    /// Per rule, in the catalog's evaluation order: 0 for a rule of a checklist the inspection did
    /// not select, else 1 + the index of its ``Outcome`` in `Outcome.allCases`.
    let codes: [UInt8]
    private let tally: (fired: Int, passed: Int, undetermined: Int, notApplicable: Int)

    init(codes: [UInt8]) {
        self.codes = codes
        // NOTE: counted sixteen codes at a time; a loop over bytes cost a tenth of deciding them.
        var tally = (fired: 0, passed: 0, undetermined: 0, notApplicable: 0)
        codes.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                // Lanes count at most 255 each before they are added up.
                var fired = SIMD16<UInt8>(), passed = fired, undetermined = fired, notApplicable = fired
                let one = SIMD16<UInt8>(repeating: 1), zero = SIMD16<UInt8>()
                var rounds = 0
                while i + 16 <= raw.count && rounds < 255 {
                    let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                    fired &+= zero.replacing(with: one, where: v .== SIMD16(repeating: Self.fired))
                    passed &+= zero.replacing(with: one, where: v .== SIMD16(repeating: Self.passed))
                    undetermined &+= zero.replacing(with: one, where: v .== SIMD16(repeating: Self.undetermined))
                    notApplicable &+= zero.replacing(with: one, where: v .== SIMD16(repeating: Self.notApplicable))
                    i += 16
                    rounds += 1
                }
                func sum(_ v: SIMD16<UInt8>) -> Int { (0..<16).reduce(0) { $0 + Int(v[$1]) } }
                tally.fired += sum(fired)
                tally.passed += sum(passed)
                tally.undetermined += sum(undetermined)
                tally.notApplicable += sum(notApplicable)
                if rounds < 255 {
                    while i < raw.count {
                        let c = raw[i]
                        tally.fired += c == Self.fired ? 1 : 0
                        tally.passed += c == Self.passed ? 1 : 0
                        tally.undetermined += c == Self.undetermined ? 1 : 0
                        tally.notApplicable += c == Self.notApplicable ? 1 : 0
                        i += 1
                    }
                }
            }
        }
        self.tally = tally
    }

    /// The outcome of the rule at `index` of ``Catalog/allRules``; nil when its checklist was not selected.
    public subscript(index: Int) -> Outcome? {
        let code = codes[index]
        return code == 0 ? nil : Decisions.outcomes[Int(code) - 1]
    }

    /// How many rules came out as `outcome`.
    public func count(_ outcome: Outcome) -> Int {
        switch outcome {
        case .fired: tally.fired
        case .passed: tally.passed
        case .undetermined: tally.undetermined
        case .notApplicable: tally.notApplicable
        }
    }

    static let outcomes = Outcome.allCases
    static func code(_ outcome: Outcome) -> UInt8 { UInt8(outcomes.firstIndex(of: outcome)! + 1) }
    // NOTE: literals, so that the hot loop reads constants rather than lazily initialized globals;
    // DecisionsTests checks them against `code(_:)`.
    static let fired: UInt8 = 1, passed: UInt8 = 2, undetermined: UInt8 = 3, notApplicable: UInt8 = 4
}

extension Catalog {
    /// Decides every rule of the sheet's checklists (fired, passed, undetermined, not applicable)
    /// through the compiled plan: the fast path for batch counts and for the report's skeleton.
    /// Pure and thread-safe; exactly the outcomes ``outcomes(_:)`` gives.
    public func decide(_ sheet: AnswerSheet) -> Decisions {
        let frame = frame(for: sheet)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, plan.sweep.registerCount)) {
            decide(sheet, frame, registers: $0)
        }
    }

    /// Decides, and keeps the sweep's registers, from which a fired rule's evidence is read; nil
    /// registers when the sheet is decided by the ``Evaluator`` alone.
    func decideKeepingRegisters(_ sheet: AnswerSheet) -> (Decisions, [UInt8]?) {
        let frame = frame(for: sheet)
        var registers = [UInt8](repeating: 0, count: max(1, plan.sweep.registerCount))
        let decisions = registers.withUnsafeMutableBufferPointer { decide(sheet, frame, registers: $0) }
        return (decisions, frame.isPlanned ? registers : nil)
    }

    /// The sheet unboxed for this catalog's plan: the frame read with it, else one made now.
    private func frame(for sheet: AnswerSheet) -> AnswerFrame {
        sheet.catalogID == id ? sheet.frame : AnswerFrame(answers: sheet.answers(for: self), inspection: sheet.inspection, plan: plan)
    }

    private func decide(_ sheet: AnswerSheet, _ frame: AnswerFrame, registers: UnsafeMutableBufferPointer<UInt8>) -> Decisions {
        var codes = [UInt8](repeating: 0, count: rules.count)
        var fallback: Evaluator?
        func slow(_ index: Int) -> UInt8 {
            if fallback == nil { fallback = Evaluator(catalog: self, sheet: sheet) }
            return Self.code(fallback!.rule(index).0)
        }
        guard frame.isPlanned else {
            for index in rules.indices where frame.selected[Int(plan.ruleChecklists[index])] != 0 { codes[index] = slow(index) }
            return Decisions(codes: codes)
        }
        frame.storage.withUnsafeBufferPointer { storage in
            let bits = storage.baseAddress!
            let states = UnsafeRawPointer(bits + frame.slotCount).assumingMemoryBound(to: UInt8.self)
            plan.sweep.run(states: states, bits: bits, registers: registers.baseAddress!)
            if plan.sweep.coversAllRules {
                // Every rule swept: one straight pass, a rule of an unselected checklist masked to 0.
                plan.ruleChecklists.withUnsafeBufferPointer { checklists in
                plan.sweep.ruleRegisters.withUnsafeBufferPointer { swept in
                plan.sweep.outcomeCodes.withUnsafeBufferPointer { outcomeCodes in
                frame.selected.withUnsafeBufferPointer { selected in
                codes.withUnsafeMutableBufferPointer { codes in
                    for i in 0..<codes.count {
                        codes[i] = outcomeCodes[Int(registers[Int(swept[i])] & 31)] & selected[Int(checklists[i])]
                    }
                }
                }
                }
                }
                }
                return
            }
            plan.nodes.withUnsafeBufferPointer { nodes in
            plan.listItems.withUnsafeBufferPointer { items in
            plan.operands.withUnsafeBufferPointer { operands in
            plan.factRoots.withUnsafeBufferPointer { factRoots in
            plan.ruleRoots.withUnsafeBufferPointer { ruleRoots in
            // NOTE: when every rule is swept the runner is never called, so its memos are not made.
            withUnsafeTemporaryAllocation(of: PlanCell.self, capacity: plan.sweep.coversAllRules ? 1 : factRoots.count) { factMemo in
            withUnsafeTemporaryAllocation(of: PlanCell.self, capacity: plan.sweep.coversAllRules ? 1 : ruleRoots.count) { ruleMemo in
                let pending = PlanCell(status: PlanCell.pending, bits: 0)
                factMemo.initialize(repeating: pending)
                ruleMemo.initialize(repeating: pending)
                let runner = DecisionRunner(
                    nodes: nodes.baseAddress!, items: items.baseAddress!, operands: operands.baseAddress!,
                    states: states, bits: bits, factRoots: factRoots.baseAddress!, ruleRoots: ruleRoots.baseAddress!,
                    factMemo: factMemo.baseAddress!, ruleMemo: ruleMemo.baseAddress!, inspectionDay: frame.inspectionDay)
                plan.ruleChecklists.withUnsafeBufferPointer { checklists in
                plan.sweep.ruleRegisters.withUnsafeBufferPointer { swept in
                plan.sweep.outcomeCodes.withUnsafeBufferPointer { outcomeCodes in
                frame.selected.withUnsafeBufferPointer { selected in
                codes.withUnsafeMutableBufferPointer { codes in
                    for index in 0..<checklists.count where selected[Int(checklists[index])] != 0 {
                        if swept[index] >= 0 {
                            codes[index] = outcomeCodes[Int(registers[Int(swept[index])] & 31)]
                        } else if ruleRoots[index] >= 0 {
                            codes[index] = Self.code(runner.rule(index))
                        } else {
                            codes[index] = slow(index)
                        }
                    }
                }
                }
                }
                }
                }
            }
            }
            }
            }
            }
            }
            }
        }
        return Decisions(codes: codes)
    }

    @inline(__always) static func code(_ cell: PlanCell) -> UInt8 {
        cell.status == PlanCell.ok
            ? (cell.bits == 1 ? Decisions.fired : Decisions.passed)
            : (cell.status == PlanCell.notApplicable ? Decisions.notApplicable : Decisions.undetermined)
    }

    static func code(sweep flags: UInt8) -> UInt8 {
        switch flags {
        case SweepPlan.true: Decisions.fired
        case SweepPlan.false: Decisions.passed
        case SweepPlan.notApplicable: Decisions.notApplicable
        default: Decisions.undetermined
        }
    }

    /// An ``Evaluator`` value's outcome code.
    static func code(_ value: Value) -> UInt8 {
        switch value {
        case .bool(true): Decisions.fired
        case .bool(false): Decisions.passed
        case .notApplicable: Decisions.notApplicable
        default: Decisions.undetermined
        }
    }
}
