/// A compiled expression: names resolved to answer slots, fact and rule indices, literal
/// choices checked, so that evaluation does no look-ups by name.
indirect enum Program: Sendable {
    case constant(Value)
    case question(slot: Int)
    case fact(Int)
    case enterprise(EnterpriseField)
    case inspectionDate
    case inspector
    case not(Program)
    case negate(Program)
    case and(Program, Program)
    case or(Program, Program)
    case conditional(Program, Program, Program)
    case compare(Expr.BinaryOperator, Program, Program)
    case arithmetic(Expr.BinaryOperator, Program, Program)
    case list([Program])
    case contains(element: Program, list: Program)
    case size(Program)
    case stringTest(StringTest, Program, Program)
    case answered(slot: Int)
    case fired(rule: Int)
    case daysBetween(Program, Program)
    case toDouble(Program)
    case toInt(Program)

    enum EnterpriseField: String, Sendable, CaseIterable { case name, code, town, sector, kind }
    enum StringTest: String, Sendable { case contains, startsWith, endsWith }
}
