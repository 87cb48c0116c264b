extension SweepPlan {
    /// Decides every swept rule of one sheet into `registers` (``registerCount`` bytes).
    func run(states: UnsafePointer<UInt8>, bits: UnsafePointer<UInt64>, registers: UnsafeMutablePointer<UInt8>) {
        leaves.withUnsafeBufferPointer { leaves in
            for leaf in leaves {
                let slot = Int(leaf.test.slot)
                let status = states[slot]
                // NOTE: PlanCell statuses 1, 2, 4 become the flags 4, 8, 16.
                registers[Int(leaf.register)] = status == PlanCell.ok
                    ? (leaf.test.holds(bits[slot]) ? Self.true : Self.false)
                    : status << 2
            }
        }
        steps.withUnsafeBufferPointer { steps in
        stepOperands.withUnsafeBufferPointer { operands in
            for step in steps {
                var flags: UInt8 = 0
                for i in Int(step.start)..<Int(step.end) { flags |= registers[Int(operands[i])] }
                registers[Int(step.register)] = Self.combine(flags, all: step.all)
            }
        }
        }
    }

    /// `&&` (all) or `||` over operands whose flags are `flags`, as ``Evaluator`` decides it: one
    /// deciding operand decides; else unknown wins (an answer may still decide), then error, then N/A.
    @inline(__always) static func combine(_ flags: UInt8, all: Bool) -> UInt8 {
        let decisive = all ? Self.false : Self.true
        if flags & decisive != 0 { return decisive }
        if flags & (unknown | notApplicable | error) == 0 { return all ? Self.true : Self.false }
        return flags & unknown != 0 ? unknown : (flags & error != 0 ? error : notApplicable)
    }
}
