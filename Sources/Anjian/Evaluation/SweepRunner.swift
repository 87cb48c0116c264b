extension SweepPlan {
    /// Decides every swept rule of one sheet into `registers` (``registerCount`` bytes).
    func run(states: UnsafePointer<UInt8>, bits: UnsafePointer<UInt64>, registers: UnsafeMutablePointer<UInt8>) {
        // NOTE: both passes are free of branches on the answers: a mispredicted branch per leaf
        // would cost more than the leaf, and would serialize the frame's cache misses.
        leaves.withUnsafeBufferPointer { leaves in
            for group in leafGroups {
                /// One group's loop, specialized for its test so that no leaf branches on its kind.
                @inline(__always) func sweep(_ holds: (UInt64, UInt64) -> Bool) {
                    let negated = group.negated
                    for leaf in leaves[group.start..<group.end] {
                        let slot = Int(leaf.slot)
                        let status = states[slot]
                        let result = holds(bits[slot], leaf.k) != negated
                        let decided = Self.false &- unsafeBitCast(result, to: UInt8.self)
                        // All ones when answered, else zero; PlanCell statuses 1, 2, 4 become the flags 4, 8, 16.
                        let answered = UInt8(truncatingIfNeeded: (Int(status) &- 1) >> 8)
                        registers[Int(leaf.register)] = (decided & answered) | ((status << 2) & ~answered)
                    }
                }
                switch (group.test, group.operation) {
                case (.int, .equal), (.bits, .equal): sweep { $0 == $1 }
                case (.int, .notEqual), (.bits, .notEqual): sweep { $0 != $1 }
                case (.int, .less): sweep { Int64(bitPattern: $0) < Int64(bitPattern: $1) }
                case (.int, .lessEqual): sweep { Int64(bitPattern: $0) <= Int64(bitPattern: $1) }
                case (.int, .greater): sweep { Int64(bitPattern: $0) > Int64(bitPattern: $1) }
                case (.int, .greaterEqual): sweep { Int64(bitPattern: $0) >= Int64(bitPattern: $1) }
                case (.double, .equal): sweep { Double(bitPattern: $0) == Double(bitPattern: $1) }
                case (.double, .notEqual): sweep { Double(bitPattern: $0) != Double(bitPattern: $1) }
                case (.double, .less): sweep { Double(bitPattern: $0) < Double(bitPattern: $1) }
                case (.double, .lessEqual): sweep { Double(bitPattern: $0) <= Double(bitPattern: $1) }
                case (.double, .greater): sweep { Double(bitPattern: $0) > Double(bitPattern: $1) }
                case (.double, .greaterEqual): sweep { Double(bitPattern: $0) >= Double(bitPattern: $1) }
                default:
                    // Set tests and size comparisons: PlanOperand.holds, whose switch goes the same way throughout the group.
                    let test = PlanOperand(test: group.test, operation: group.operation, slot: 0)
                    sweep { var t = test; t.k = $1; return t.holds($0) }
                }
            }
        }
        registers[0] = Self.true
        registers[1] = Self.false
        steps.withUnsafeBufferPointer { steps in
        combinations.withUnsafeBufferPointer { combinations in
            for step in steps {
                let o = step.operands
                let flags = registers[Int(o.0)] | registers[Int(o.1)] | registers[Int(o.2)] | registers[Int(o.3)]
                registers[Int(step.register)] = combinations[Int(step.table | flags)]
            }
        }
        }
    }

    /// The slots whose answers made register `register` true, as ``Evaluator`` gathers evidence:
    /// every operand of a true `&&`, the first true operand of a true `||` (the others were not
    /// needed), in the order the rule writes them.
    func evidence(of register: Int32, _ registers: [UInt8], into slots: inout [Int]) {
        let slot = registerSlots[Int(register)]
        if slot >= 0 {
            slots.append(Int(slot))
            return
        }
        let index = registerSteps[Int(register)]
        guard index >= 0 else { return }  // the neutral registers
        let step = steps[Int(index)]
        let o = step.operands
        // NOTE: the operands are read from the tuple; an array of them was an allocation per step.
        for k in 0..<4 {
            let operand = k == 0 ? o.0 : k == 1 ? o.1 : k == 2 ? o.2 : o.3
            guard operand > 1 else { continue }
            if step.table == 32 {
                evidence(of: operand, registers, into: &slots)
            } else if registers[Int(operand)] == Self.true {
                evidence(of: operand, registers, into: &slots)
                return
            }
        }
    }

    /// ``combine(_:all:)`` for every set of flags: `||` at 0..<32, `&&` at 32..<64.
    static let combinationTable: [UInt8] = (0..<64).map { combine(UInt8($0 & 31), all: $0 >= 32) }

    /// `&&` (all) or `||` over operands whose flags are `flags`, as ``Evaluator`` decides it: one
    /// deciding operand decides; else unknown wins (an answer may still decide), then error, then N/A.
    @inline(__always) static func combine(_ flags: UInt8, all: Bool) -> UInt8 {
        let decisive = all ? Self.false : Self.true
        if flags & decisive != 0 { return decisive }
        if flags & (unknown | notApplicable | error) == 0 { return all ? Self.true : Self.false }
        return flags & unknown != 0 ? unknown : (flags & error != 0 ? error : notApplicable)
    }
}
