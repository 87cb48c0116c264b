import Testing
@testable import Anjian

@Suite struct ExpressionParserTests {
    private func dump(_ e: Expr) -> String {
        switch e {
        case .literal(let l, _):
            switch l {
            case .bool(let b): return "\(b)"
            case .int(let i): return "\(i)"
            case .double(let d): return "\(d)"
            case .string(let s): return "\"\(s)\""
            case .null: return "null"
            }
        case .list(let items, _): return "[" + items.map(dump).joined(separator: ",") + "]"
        case .name(let parts, _): return parts.joined(separator: ".")
        case .unary(let op, let x, _): return "(\(op.rawValue)\(dump(x)))"
        case .binary(let op, let a, let b, _): return "(\(dump(a)) \(op.rawValue) \(dump(b)))"
        case .conditional(let c, let a, let b, _): return "(\(dump(c)) ? \(dump(a)) : \(dump(b)))"
        case .call(let f, let t, let args, _): return (t.map { dump($0) + "." } ?? "") + f + "(" + args.map(dump).joined(separator: ",") + ")"
        case .invalid: return "<invalid>"
        }
    }

    @Test("precedence and associativity follow CEL", arguments: [
        ("a || b && c", "(a || (b && c))"),
        ("!a == b", "((!a) == b)"),
        ("1 + 2 * 3 - 4", "((1 + (2 * 3)) - 4)"),
        ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
        ("\"x\" in gas.roles && size(k) > 1", "((\"x\" in gas.roles) && (size(k) > 1))"),
        ("s.startsWith('甲') || -x < -2", "(s.startsWith(\"甲\") || ((-x) < -2))"),
        ("fired(\"GAS-001\") && enterprise.town == \"城关街道\"", "(fired(\"GAS-001\") && (enterprise.town == \"城关街道\"))"),
        ("[1, 2.5, 'a\\n'] // comment", "[1,2.5,\"a\n\"]"),
    ])
    func precedence(text: String, expected: String) throws {
        let e = try Parser.parse(text).get()
        #expect(dump(e) == expected)
    }

    @Test("syntax errors point at the offending character", arguments: [
        ("a = b", 2, "'='"),
        ("a && ", 5, "ends too early"),
        ("(a", 2, "')'"),
        ("\"open", 0, "unterminated"),
        ("a b", 2, "after a complete expression"),
        ("a[0]", 1, "indexing"),
        ("是 == a", 0, "quotes"),
        ("99999999999999999999", 0, "64 bits"),
        ("a （b）", 2, "full-width"),
    ])
    func syntaxErrors(text: String, offset: Int, fragment: String) throws {
        guard case .failure(let error) = Parser.parse(text) else {
            Issue.record("expected a syntax error for \(text)")
            return
        }
        #expect(error.span.lowerBound == offset)
        #expect(error.message.contains(fragment))
    }

    @Test("deep nesting is an error, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        guard case .failure(let error) = Parser.parse(text) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message.contains("nests more than"))
    }
}

@Suite struct TypeCheckerTests {
    private let questions = [
        question("ok"),
        question("n", "int"),
        question("area", "number"),
        question("name", "text"),
        question("day", "date"),
        question("k", "choice", choices: "[全部安装, 部分安装, 未安装]"),
        question("m", "multi", choices: "[餐饮用气, 工业用气]"),
    ].joined(separator: "\n")

    private func check(_ when: String) -> [String] {
        let (_, diagnostics) = TestCatalog.single(questions: questions, rules: rule("T-001", when))
        return TestCatalog.errors(diagnostics)
    }

    @Test("well-typed conditions pass", arguments: [
        "ok == false", "!ok", "n > 3 && area >= 10", "area > 100", "n == 2.0", "k != \"全部安装\"",
        "k in [\"部分安装\", \"未安装\"]", "\"餐饮用气\" in m", "size(m) == 0", "name.contains(\"站\")",
        "day < inspection.date", "days_between(day, inspection.date) > 30", "day > date(\"2021-01-01\")",
        "answered(k) && k == \"未安装\"", "enterprise.sector == \"gas\"", "(n > 1 ? area : 2.0) > 1.5",
        "double(n) * 1.5 > area", "fired(\"T-002\")",
    ])
    func wellTyped(when: String) {
        let (_, diagnostics) = TestCatalog.single(questions: questions, rules: rule("T-001", when) + "\n" + rule("T-002", "ok"))
        #expect(TestCatalog.errors(diagnostics) == [])
    }

    // The rule's `when:` is on line 34; its quoted value starts at column 12.
    @Test("type errors are located at the exact column inside the scalar", arguments: [
        ("ok == \"是的\"", "expr.type-mismatch", 18),
        ("k == \"全部\"", "expr.unknown-choice", 17),
        ("\"燃气\" in m", "expr.unknown-choice", 12),
        ("n == \"3\"", "expr.type-mismatch", 17),
        ("ok && licence", "expr.undeclared", 18),
        ("n + 1.5 > 2", "expr.type-mismatch", 16),
        ("n", "expr.not-bool", 12),
        ("k == null", "expr.null-comparison", 12),
        ("size(ok) > 0", "expr.type-mismatch", 17),
        ("frobnicate(ok)", "expr.unknown-function", 12),
        ("fired(\"T-999\")", "expr.unknown-rule", 18),
        ("day > date(\"2021-02-30\")", "expr.bad-date", 23),
        ("ok && ok ||", "expr.syntax", 23),
    ])
    func typeErrors(when: String, code: String, column: Int) {
        let errors = check(when)
        #expect(errors.first == "34:\(column) \(code)", "\(errors)")
    }

    @Test("an unknown name suggests the nearest visible one")
    func suggestion() {
        let (_, diagnostics) = TestCatalog.single(questions: questions, rules: rule("T-001", "oks == false"))
        #expect(diagnostics.first { $0.code == "expr.undeclared" }?.message.contains("did you mean 'ok'?") == true)
    }

    @Test("ask_if must be a condition")
    func askIfType() {
        let (_, diagnostics) = TestCatalog.single(questions: question("n", "int") + "\n" + question("a", askIf: "n"), rules: rule("T-001", "a"))
        #expect(TestCatalog.errors(diagnostics) == ["14:13 expr.not-bool"])
    }
}
