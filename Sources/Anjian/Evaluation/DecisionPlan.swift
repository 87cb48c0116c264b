/// A catalog's conditions compiled for deciding outcomes fast: one flat array of nodes whose
/// operands are node indices, answer slots and unboxed constants, so that deciding a rule does
/// no look-up by name, no string comparison, no allocation and no dynamic dispatch.
///
/// The plan decides only each rule's ``Outcome``; the tree-walking ``Evaluator`` still supplies
/// the evidence, missing questions and reasons of the rules that need them. A condition the plan
/// cannot express (text answers, string functions, list equality…) keeps a root of `-1` and is
/// decided by the ``Evaluator``, as is every rule that depends on one.
struct DecisionPlan: Sendable {
    var nodes: [PlanNode] = []
    /// The operands of every ``PlanOp/all`` and ``PlanOp/any`` node, by ``PlanNode/b``..<``PlanNode/c``.
    var operands: [PlanOperand] = []
    /// Constant list items for `x in [..]` over numbers, bools and dates, by ``PlanNode/b`` range.
    var listItems: [PlanListItem] = []
    /// Root node of each rule's condition, in the catalog's rule order; -1 when not planned.
    var ruleRoots: [Int32] = []
    /// Root node of each fact's expression; -1 when not planned.
    var factRoots: [Int32] = []
    /// Index of each rule's checklist in ``checklistIDs``.
    var ruleChecklists: [Int32] = []
    /// Checklist ids, sorted, so that a sheet's selection is a row of flags.
    var checklistIDs: [String] = []
    /// The rules decided by sweeping, the others by ``DecisionRunner``.
    var sweep = SweepPlan()
    /// Per slot, how an answer is unboxed into ``AnswerFrame``.
    var slotKinds: [PlanKind] = []
}

/// What an evaluated node holds: a status and, when it is `ok`, 64 bits whose meaning the node's
/// static ``PlanKind`` gives (a bool as 0/1, an `Int`, a `Double`'s bit pattern, a day number,
/// a choice's index, a `multi` answer's set of choice indices as bits).
struct PlanCell: Sendable, Equatable {
    var status: UInt8
    var bits: UInt64

    /// Status values. They are flags so that combining the statuses of two operands is one `|`.
    static let ok: UInt8 = 0, unknown: UInt8 = 1, notApplicable: UInt8 = 2, error: UInt8 = 4
    /// A memo slot that has not been computed yet.
    static let pending: UInt8 = 0x80

    static let `true` = PlanCell(status: ok, bits: 1)
    static let `false` = PlanCell(status: ok, bits: 0)
    static let errorCell = PlanCell(status: error, bits: 0)

    @inline(__always) static func bool(_ b: Bool) -> PlanCell { PlanCell(status: ok, bits: b ? 1 : 0) }
    @inline(__always) static func int(_ i: Int) -> PlanCell { PlanCell(status: ok, bits: UInt64(bitPattern: Int64(i))) }
    @inline(__always) static func double(_ d: Double) -> PlanCell { PlanCell(status: ok, bits: d.bitPattern) }
    @inline(__always) var int: Int { Int(Int64(bitPattern: bits)) }
    @inline(__always) var double: Double { Double(bitPattern: bits) }

    /// A strict operator's undetermined result, as ``Value/undetermined(_:)`` orders it: an
    /// error first, then not applicable, then unknown.
    @inline(__always) static func strict(_ flags: UInt8) -> PlanCell {
        PlanCell(status: flags & error != 0 ? error : (flags & notApplicable != 0 ? notApplicable : unknown), bits: 0)
    }
}

/// The static kind of a planned expression's value.
enum PlanKind: Sendable, Equatable {
    case bool, int, double, date
    case choice([String])
    /// At most 64 choices, held as bits.
    case multi([String])
    /// Not unboxed: text answers and `multi` with more than 64 choices.
    case unplanned
}

/// One operation of a ``DecisionPlan``.
struct PlanNode: Sendable {
    var op: PlanOp
    /// The comparison or arithmetic operator, for the ops that take one.
    var operation: PlanOperation = .equal
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var k: UInt64 = 0
}

enum PlanOperation: UInt8, Sendable {
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case add, subtract, multiply, divide, remainder
}

enum PlanOp: UInt8, Sendable {
    /// The constant ``PlanNode/k``.
    case constant
    /// Slot `a`'s answer.
    case slot
    /// Slot `a`'s answer behind its `ask_if`, node `b`.
    case gatedSlot
    /// Whether slot `a` has an answer (不适用 included).
    case answered
    /// Fact `a`, memoized per sheet.
    case fact
    /// Rule `a`'s condition, memoized per sheet.
    case fired
    case inspectionDate
    case not
    /// `&&` (all) or `||` (any) over the operands `b..<c`, with the nested chains flattened:
    /// exact because CEL's `&&` and `||` are commutative in outcome and the evaluation is pure.
    case all, any
    /// `a ? b : c`.
    case conditional
    case negateInt, negateDouble, toDouble, toInt
    /// Compare `a` with `b`: both ints, both doubles, int with double, double with int, or equal bits.
    case compareInt, compareDouble, compareIntDouble, compareDoubleInt, compareBits
    case arithmeticInt, arithmeticDouble
    /// Choice `a` is one of the choice indices set in `k`.
    case choiceInMask
    /// Bit `k` is set in the `multi` value `a`; `k` = 64 is a choice it does not have.
    case multiHasConstant
    /// Choice `a` is in the `multi` value `b` (same choices).
    case multiHasChoice
    /// Value `a` equals one of ``DecisionPlan/listItems`` in `b..<c`; `k` is `a`'s ``PlanListItem/Kind``.
    case inConstantList
    /// The number of choices set in the `multi` value `a`.
    case sizeOfMulti
    /// Days from date `a` to date `b`.
    case daysBetween
}

/// A constant of a list literal, kept with its kind because CEL's `in` compares an int with a
/// double by value but never a number with a bool.
struct PlanListItem: Sendable {
    enum Kind: UInt8, Sendable { case int, double, bool, date, other }
    var kind: Kind
    var bits: UInt64
}

/// An operand of an n-ary `&&` / `||`: a leaf test on one answer slot, done in place, or a node.
/// Leaves are what conditions are mostly made of, so they cost no call of their own.
struct PlanOperand: Sendable {
    enum Test: UInt8, Sendable {
        /// Evaluate node `slot` (the field holds a node index).
        case node
        /// Compare the slot as an int, a double, or for bit equality with `k`.
        case int, double, bits
        /// A choice slot is one of the choice indices set in `k`.
        case choiceInMask
        /// Bit `k` is set in a `multi` slot (`k` ≥ 64: a choice it does not have).
        case multiHas
        /// Compare the number of choices set in a `multi` slot with the int `k`.
        case multiSize
    }
    var test: Test
    var operation: PlanOperation = .equal
    /// The test's result is negated (a `!` folded into the leaf; undetermined stays undetermined).
    var negated = false
    var slot: Int32
    var k: UInt64 = 0
}

/// The rules whose condition is an `&&` / `||` / `!` tree over leaf tests (most rules), decided
/// for a whole sheet in two straight passes: every leaf, sorted by test so that the branch on the
/// test is predictable, then every combination in dependency order, each an `|` over bytes.
/// Exact because the leaves are pure and CEL's `&&` / `||` outcome does not depend on order.
struct SweepPlan: Sendable {
    /// Results are one byte each: a flag per outcome.
    static let `true`: UInt8 = 1, `false`: UInt8 = 2, unknown: UInt8 = 4, notApplicable: UInt8 = 8, error: UInt8 = 16

    var leaves: [SweepLeaf] = []
    /// Runs of ``leaves`` with the same test, operator and negation.
    var leafGroups: [SweepLeafGroup] = []
    var steps: [SweepStep] = []
    /// Registers 0 and 1 hold true and false for every sheet: the neutral operands that pad a
    /// step of `&&` or `||` to its four operands.
    var registerCount = 2
    /// ``combinationTable``, held by the plan so that a sweep reads it without a lazy global's check.
    var combinations = SweepPlan.combinationTable
    /// The ``Decisions`` code of a swept rule's result byte (the low five bits).
    var outcomeCodes: [UInt8] = (0..<32).map { Catalog.code(sweep: UInt8($0)) }
    /// Per rule, the register holding its outcome; -1 when the rule is not swept.
    var ruleRegisters: [Int32] = []
    /// Per register: the answer slot of the leaf that writes it, else -1.
    var registerSlots: [Int32] = []
    /// Per register: the index in ``steps`` of the step that writes it, else -1.
    var registerSteps: [Int32] = []
    /// Every rule is swept: ``DecisionRunner`` is not needed.
    var coversAllRules = false
}

/// A run of ``SweepPlan/leaves`` with the same test, operator and negation, swept by a loop of its own.
struct SweepLeafGroup: Sendable {
    var test: PlanOperand.Test
    var operation: PlanOperation
    var negated: Bool
    var start: Int
    var end: Int
}

/// A leaf test: what its group tests, of which slot, against which constant, into which register.
/// Sixteen bytes, so that a catalog's leaves stay in the first-level cache.
struct SweepLeaf: Sendable {
    var k: UInt64
    var slot: Int32
    var register: Int32
}

/// `&&` or `||` over exactly four registers: a fixed shape, so that the pass over steps has no
/// loop whose length changes from one step to the next. Longer chains are split into steps.
struct SweepStep: Sendable {
    /// Where the operator's part of ``SweepPlan/combinations`` starts: 32 for `&&`, 0 for `||`.
    var table: UInt8
    var operands: (Int32, Int32, Int32, Int32)
    var register: Int32
}
