/// One answer sheet unboxed for a ``DecisionPlan``: per slot 64 bits of value and a status
/// (answered, missing, or answered 不适用), plus which checklists the inspection selected.
///
/// Values and statuses share one buffer, so that deciding a sheet touches one run of memory.
struct AnswerFrame: Sendable {
    /// `slotCount` words of value bits, then one ``PlanCell`` status byte per slot.
    private(set) var storage: [UInt64]
    let slotCount: Int
    /// Per checklist of the plan's ``DecisionPlan/checklistIDs`` (plus a sentinel): 0xFF when
    /// selected, else 0, a mask so that deciding a rule of an unselected checklist is one `&`.
    private(set) var selected: [UInt8]
    private(set) var inspectionDay: Int
    /// The plan's checklist ids, shared, so that a changed inspection can be re-selected.
    private let checklistIDs: [String]
    /// False when an answer does not fit its slot's kind (a sheet read for another catalog whose
    /// question has another type): such a sheet is decided by the ``Evaluator`` alone.
    private(set) var isPlanned = true

    init(answers: [Answer?], inspection: Inspection, plan: DecisionPlan) {
        // NOTE: one spare slot, so that the buffers are never empty.
        let slotCount = answers.count + 1
        self.slotCount = slotCount
        var storage = [UInt64](repeating: 0, count: slotCount + (slotCount + 7) / 8)
        var states = [UInt8](repeating: PlanCell.unknown, count: slotCount)
        var isPlanned = true
        for (slot, answer) in answers.enumerated() {
            guard let answer else { continue }
            let kind = slot < plan.slotKinds.count ? plan.slotKinds[slot] : .unplanned
            states[slot] = PlanCell.ok
            if case .notApplicable = answer.value {
                states[slot] = PlanCell.notApplicable
            } else if let value = Self.unbox(answer.value, kind) {
                storage[slot] = value
            } else if kind != .unplanned {
                isPlanned = false
            }
            // NOTE: an unplanned slot is never read by planned nodes; it only counts as answered.
        }
        storage.withUnsafeMutableBytes { raw in
            states.withUnsafeBytes { raw.baseAddress!.advanced(by: slotCount * 8).copyMemory(from: $0.baseAddress!, byteCount: slotCount) }
        }
        self.storage = storage
        self.isPlanned = isPlanned
        checklistIDs = plan.checklistIDs
        selected = []
        inspectionDay = 0
        select(inspection)
    }

    /// Follows a change of the sheet's inspection (date, checklists).
    mutating func select(_ inspection: Inspection) {
        inspectionDay = inspection.date.dayNumber
        var selected = [UInt8](repeating: 0, count: checklistIDs.count + 1)
        for id in inspection.checklists {
            if let i = checklistIDs.firstIndex(of: id) { selected[i] = 0xFF }
        }
        self.selected = selected
    }

    private static func unbox(_ value: Value, _ kind: PlanKind) -> UInt64? {
        switch (kind, value) {
        case (.bool, .bool(let b)): return b ? 1 : 0
        case (.int, .int(let i)): return UInt64(bitPattern: Int64(i))
        case (.double, .double(let d)): return d.bitPattern
        case (.date, .date(let d)): return UInt64(bitPattern: Int64(d))
        case (.choice(let choices), .string(let s)):
            return choices.firstIndex(of: s).map { UInt64($0) }
        case (.multi(let choices), .list(let items)):
            var mask: UInt64 = 0
            for item in items {
                guard case .string(let s) = item, let i = choices.firstIndex(of: s) else { return nil }
                let bit: UInt64 = 1 << UInt64(i)
                // NOTE: a repeated choice would make size() differ from the bit count.
                guard mask & bit == 0 else { return nil }
                mask |= bit
            }
            return mask
        default:
            return nil
        }
    }
}
