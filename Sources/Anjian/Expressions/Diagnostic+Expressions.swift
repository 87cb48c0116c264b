import AnjianCore

/// The expression stage's messages (type checking), in English and Chinese side by side.
extension Diagnostic {
    static func expressionTooLong(_ length: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("expr.too-long", "the expression is \(length) characters long, more than the limit of \(limit); split it into facts",
               zh: "表达式长 \(length) 个字符，超过上限 \(limit)；请拆成若干事实（facts）", at: location)
    }

    /// A syntax error of `when:`, `expr:` or `ask_if:`, at its column in the file.
    static func syntax(_ error: SyntaxError, at location: SourceLocation) -> Diagnostic {
        .error("expr.syntax", error.message, zh: error.messageZH, at: location)
    }

    static func notCondition(field: String, type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.not-bool",
                      "'\(field)' must be a true/false condition, but this is \(t.en); compare it, e.g. \(example(for: type))",
                      zh: "'\(field)' 必须是结果为真/假的条件，但这里是\(t.zh)；请写成比较，例如 \(example(for: type))",
                      at: location)
    }

    static func mixedList(_ first: ExprType, _ other: ExprType, at location: SourceLocation) -> Diagnostic {
        .error("expr.mixed-list",
               "list mixes \(first) and \(other); a list holds values of one type",
               zh: "列表里混用了 \(first) 和 \(other)；一个列表只能放同一类型的值",
               at: location)
    }

    static func notOperand(_ type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "'!' applies to a true/false value, not \(t.en)",
                      zh: "'!' 只能用于真/假值，不能用于\(t.zh)",
                      at: location)
    }

    static func negationOperand(_ type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "'-' applies to numbers, not \(t.en)",
                      zh: "'-' 只能用于数字，不能用于\(t.zh)",
                      at: location)
    }

    static func conditionalTest(_ type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "the condition before '?' must be true/false, not \(t.en)",
                      zh: "'?' 前面的条件必须是真/假值，不能是\(t.zh)",
                      at: location)
    }

    static func conditionalBranches(_ a: ExprType, _ b: ExprType, at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "the two branches of '? :' have different types (\(a) and \(b)); make them the same",
               zh: "'? :' 的两个分支类型不同（\(a) 和 \(b)）；请让两者类型一致",
               at: location)
    }

    static func nameNotIncluded(_ name: String, belongsTo other: String, from checklist: String, at location: SourceLocation) -> Diagnostic {
        .error("expr.not-included",
               "'\(name)' belongs to checklist '\(other)', which '\(checklist)' does not include; add \(other) to its includes",
               zh: "'\(name)' 属于检查表 '\(other)'，而 '\(checklist)' 没有包含这个检查表；请把 \(other) 加到它的 includes 中",
               at: location)
    }

    /// `bare` when the name has no dot, so it may be text the author forgot to quote.
    static func undeclared(_ name: String, suggestion: String?, bare: Bool, at location: SourceLocation) -> Diagnostic {
        var hint = Suggestion.didYouMean(suggestion)
        if suggestion == nil, bare {
            hint = LocalizedText(en: "; name a question or fact of this checklist, or write text in quotes (\"\(name)\")",
                                 zh: "；请写本检查表中的问题或条件项，文本值要加引号（\"\(name)\"）")
        }
        return .error("expr.undeclared",
                      "unknown name '\(name)'" + hint.en,
                      zh: "未知的名称 '\(name)'" + hint.zh,
                      at: location)
    }

    static func unknownChoiceLiteral(_ text: String, choices: [String], suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("expr.unknown-choice",
                      "\"\(text)\" is not one of the choices [\(choices.joined(separator: ", "))]" + hint.en,
                      zh: "\"\(text)\" 不在选项 [\(choices.joined(separator: ", "))] 之中" + hint.zh,
                      at: location)
    }

    /// An operand of `&&` or `||` that is not a condition.
    static func logicalOperand(_ op: String, type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "'\(op)' joins true/false conditions, but this is \(t.en); compare it, e.g. \(example(for: type))",
                      zh: "'\(op)' 用来连接真/假条件，但这里是\(t.zh)；请写成比较，例如 \(example(for: type))",
                      at: location)
    }

    static func nullComparison(at location: SourceLocation) -> Diagnostic {
        .error("expr.null-comparison",
               "an unanswered question is not null; to test whether it was answered write answered(question)",
               zh: "未回答的问题并不等于 null；要判断问题是否已回答，请写 answered(问题)",
               at: location)
    }

    static func cannotCompare(_ a: ExprType, _ b: ExprType, op: String, at location: SourceLocation) -> Diagnostic {
        let (ta, tb, h) = (describe(a), describe(b), hint(a, b))
        return .error("expr.type-mismatch",
                      "cannot compare \(ta.en) and \(tb.en) with '\(op)'" + h.en,
                      zh: "不能用 '\(op)' 比较\(ta.zh)和\(tb.zh)" + h.zh,
                      at: location)
    }

    static func cannotOrder(_ a: ExprType, _ b: ExprType, op: String, at location: SourceLocation) -> Diagnostic {
        let (ta, tb, h) = (describe(a), describe(b), hint(a, b))
        return .error("expr.type-mismatch",
                      "cannot order \(ta.en) and \(tb.en) with '\(op)'; it compares numbers, texts or dates of the same kind" + h.en,
                      zh: "不能用 '\(op)' 比较\(ta.zh)和\(tb.zh)的大小；它只能比较同类的数字、文本或日期" + h.zh,
                      at: location)
    }

    static func inNeedsList(_ type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "'in' needs a list on its right, such as [\"甲\", \"乙\"] or a multi question, not \(t.en)",
                      zh: "'in' 右边必须是列表，例如 [\"甲\", \"乙\"] 或多选（multi）问题，不能是\(t.zh)",
                      at: location)
    }

    static func inElement(_ type: ExprType, element: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "'in' looks for \(t.en) in a list of \(element)",
                      zh: "'in' 要在元素为 \(element) 的列表中查找\(t.zh)，两者类型不一致",
                      at: location)
    }

    static func mixedArithmetic(_ op: String, at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "'\(op)' does not mix int and number; write the int as a number (e.g. 2.0) or convert it with double(…)",
               zh: "'\(op)' 不能混用 int 和 number；请把整数写成小数形式（例如 2.0），或用 double(…) 转换",
               at: location)
    }

    static func remainderOfNumbers(at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "'%' applies to whole numbers only",
               zh: "'%' 只能用于整数",
               at: location)
    }

    static func cannotCombine(_ op: String, _ a: ExprType, _ b: ExprType, at location: SourceLocation) -> Diagnostic {
        let (ta, tb) = (describe(a), describe(b))
        return .error("expr.type-mismatch",
                      "'\(op)' cannot combine \(ta.en) and \(tb.en)",
                      zh: "'\(op)' 不能用于\(ta.zh)和\(tb.zh)",
                      at: location)
    }

    /// `usage` shows the call written correctly, e.g. `size(x)`.
    static func arity(_ function: String, count: Int, usage: String, at location: SourceLocation) -> Diagnostic {
        .error("expr.arity",
               "\(function) takes \(count) argument\(count == 1 ? "" : "s"): \(usage)",
               zh: "\(function) 需要 \(count) 个参数：\(usage)",
               at: location)
    }

    static func sizeArgument(_ type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "size() measures text or lists, not \(t.en)",
                      zh: "size() 只能计算文本或列表的长度，不能用于\(t.zh)",
                      at: location)
    }

    /// `contains()`, `startsWith()` or `endsWith()` called on something that is not text.
    static func textFunctionTarget(_ function: String, type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        let list = type.isListLike
        return .error("expr.type-mismatch",
                      "\(function)() applies to text, not \(t.en)" + (list ? "; to test a list write \"选项\" in list" : ""),
                      zh: "\(function)() 只能用于文本，不能用于\(t.zh)" + (list ? "；要判断列表是否包含某一项，请写 \"选项\" in list" : ""),
                      at: location)
    }

    static func textFunctionArgument(_ function: String, type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "\(function)() takes text, not \(t.en)",
                      zh: "\(function)() 的参数必须是文本，不能是\(t.zh)",
                      at: location)
    }

    static func answeredNeedsName(at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "answered() takes a question name, e.g. answered(license_valid)",
               zh: "answered() 的参数必须是问题名称，例如 answered(license_valid)",
               at: location)
    }

    static func answeredNeedsQuestion(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "answered() takes a question, and '\(name)' is not one",
               zh: "answered() 的参数必须是问题，而 '\(name)' 不是问题",
               at: location)
    }

    static func firedNeedsRuleID(at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "fired() takes a rule id in quotes, e.g. fired(\"GAS-001\")",
               zh: "fired() 的参数必须是带引号的规则 id，例如 fired(\"GAS-001\")",
               at: location)
    }

    static func firedUnknownRule(_ id: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("expr.unknown-rule",
                      "unknown rule '\(id)'" + hint.en,
                      zh: "未知的规则 '\(id)'" + hint.zh,
                      at: location)
    }

    static func ruleNotIncluded(_ id: String, belongsTo other: String, from checklist: String, at location: SourceLocation) -> Diagnostic {
        .error("expr.not-included",
               "rule '\(id)' belongs to checklist '\(other)', which '\(checklist)' does not include; add it to includes",
               zh: "规则 '\(id)' 属于检查表 '\(other)'，而 '\(checklist)' 没有包含这个检查表；请把它加到 includes 中",
               at: location)
    }

    static func dateNeedsLiteral(at location: SourceLocation) -> Diagnostic {
        .error("expr.type-mismatch",
               "date() takes a date in quotes, e.g. date(\"2021-04-05\")",
               zh: "date() 的参数必须是带引号的日期，例如 date(\"2021-04-05\")",
               at: location)
    }

    static func badDateLiteral(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("expr.bad-date",
               "'\(text)' is not a valid date; write YYYY-MM-DD, e.g. date(\"2021-04-05\")",
               zh: "'\(text)' 不是有效的日期；请写成 YYYY-MM-DD，例如 date(\"2021-04-05\")",
               at: location)
    }

    static func daysBetweenArgument(_ type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "days_between() takes dates, not \(t.en)",
                      zh: "days_between() 的参数必须是日期，不能是\(t.zh)",
                      at: location)
    }

    /// `int()` or `double()` of something that is not a number.
    static func conversionArgument(_ function: String, type: ExprType, at location: SourceLocation) -> Diagnostic {
        let t = describe(type)
        return .error("expr.type-mismatch",
                      "\(function)() converts numbers, not \(t.en)",
                      zh: "\(function)() 只能转换数字，不能转换\(t.zh)",
                      at: location)
    }

    static func unknownFunction(_ function: String, suggestion: String?, known: [String], at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("expr.unknown-function",
                      "unknown function '\(function)'" + hint.en + "; available: \(known.joined(separator: ", "))",
                      zh: "未知的函数 '\(function)'" + hint.zh + "；可用的函数有：\(known.joined(separator: ", "))",
                      at: location)
    }

    // NOTE: the Chinese descriptions start with a Chinese character, so that messages can put
    // them straight after a Chinese word ("不能用于类型为 text 的值").
    private static func describe(_ t: ExprType) -> LocalizedText {
        switch t {
        case .choice(let c):
            LocalizedText(en: "a choice of [\(c.joined(separator: ", "))]", zh: "选项为 [\(c.joined(separator: ", "))] 的单选值")
        case .multi(let c):
            LocalizedText(en: "a multiple choice of [\(c.joined(separator: ", "))]", zh: "选项为 [\(c.joined(separator: ", "))] 的多选值")
        default:
            LocalizedText(en: "a value of type \(t)", zh: "类型为 \(t) 的值")
        }
    }

    private static func example(for t: ExprType) -> String {
        switch t {
        case .choice(let c): "x == \"\(c.first ?? "")\""
        case .multi(let c): "\"\(c.first ?? "")\" in x"
        case .int, .double: "x > 0"
        case .string: "x == \"…\""
        case .date: "x < inspection.date"
        default: "x == …"
        }
    }

    private static func hint(_ a: ExprType, _ b: ExprType) -> LocalizedText {
        if a == .bool || b == .bool {
            return LocalizedText(en: "; a yes/no question is compared with true or false (e.g. q == false)",
                                 zh: "；是/否问题要与 true 或 false 比较（例如 q == false）")
        }
        if (a.isNumeric && b.isStringLike) || (b.isNumeric && a.isStringLike) {
            return LocalizedText(en: "; write the number without quotes", zh: "；数字不要加引号")
        }
        if a == .date || b == .date {
            return LocalizedText(en: "; write a date as date(\"2021-04-05\")", zh: "；日期请写成 date(\"2021-04-05\")")
        }
        return .empty
    }
}

/// The syntax errors of expressions, in English and Chinese side by side.
extension SyntaxError {
    private init(_ message: String, zh: String, at span: Range<Int>) {
        self.init(message: message, messageZH: zh, span: span)
    }

    static func singleEquals(at span: Range<Int>) -> SyntaxError {
        SyntaxError("'=' is not an operator; write '==' to compare", zh: "'=' 不是运算符；判断相等请写 '=='", at: span)
    }

    static func curlyQuote(_ c: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("curly quote \(c) cannot start a string; use straight quotes \"…\"",
                    zh: "中文引号 \(c) 不能用来写文本；请改用英文直引号 \"…\"", at: span)
    }

    static func fullWidth(_ c: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("full-width '\(c)' is not an operator; switch the input method to half-width",
                    zh: "全角字符 '\(c)' 不是运算符；请把输入法切换到半角", at: span)
    }

    static func nonASCIIName(_ c: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("names use ASCII letters, digits and '_'; write text values in quotes, e.g. \"\(String(c))…\"",
                    zh: "名称只能用英文字母、数字和 '_'；文本值要加引号，例如 \"\(String(c))…\"", at: span)
    }

    static func unexpectedCharacter(_ c: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("unexpected character '\(c)'", zh: "这里不能出现字符 '\(c)'", at: span)
    }

    static func malformedHex(at span: Range<Int>) -> SyntaxError {
        SyntaxError("integer literal out of range or malformed", zh: "整数超出范围或写法有误", at: span)
    }

    static func unsignedLiteral(at span: Range<Int>) -> SyntaxError {
        SyntaxError("unsigned literals are not supported; drop the 'u'", zh: "不支持无符号数字；请去掉 'u'", at: span)
    }

    static func numberRunsIntoName(at span: Range<Int>) -> SyntaxError {
        SyntaxError("a number cannot run into a name; put a space or an operator between them",
                    zh: "数字后面不能紧跟名称；请在两者之间加空格或运算符", at: span)
    }

    static func malformedNumber(at span: Range<Int>) -> SyntaxError {
        SyntaxError("malformed number", zh: "数字的写法有误", at: span)
    }

    static func integerTooLarge(_ text: String, at span: Range<Int>) -> SyntaxError {
        SyntaxError("integer literal \(text) does not fit in 64 bits", zh: "整数 \(text) 超出了 64 位的范围", at: span)
    }

    static func unterminatedString(quote: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("unterminated string; close it with \(quote)", zh: "文本没有结束；请用 \(quote) 结束它", at: span)
    }

    static func stringPastEndOfLine(quote: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("string runs past the end of the line; close it with \(quote)",
                    zh: "文本一直延续到了行尾；请用 \(quote) 结束它", at: span)
    }

    static func unicodeEscapeDigits(at span: Range<Int>) -> SyntaxError {
        SyntaxError("\\u needs four hex digits", zh: "\\u 后面需要四位十六进制数字", at: span)
    }

    static func invalidUnicodeEscape(at span: Range<Int>) -> SyntaxError {
        SyntaxError("invalid \\u escape", zh: "无效的 \\u 转义", at: span)
    }

    static func unknownEscape(_ e: Unicode.Scalar, at span: Range<Int>) -> SyntaxError {
        SyntaxError("unknown escape '\\\(e)'", zh: "未知的转义 '\\\(e)'", at: span)
    }

    static func trailingInput(_ token: Token) -> SyntaxError {
        let t = token.described
        return SyntaxError("unexpected \(t.en) after a complete expression; join conditions with && or ||",
                           zh: "完整的表达式后面多出了\(t.zh)；多个条件请用 && 或 || 连接", at: token.span)
    }

    /// A missing `)`, `]`, `:` or `(`, with what it is for.
    static func expected(_ symbol: String, _ purpose: ExpectedPurpose, found token: Token) -> SyntaxError {
        let t = token.described
        let (en, zh): (String, String) = switch purpose {
        case .none: ("", "")
        case .conditional: ("in a conditional 'c ? a : b'", "（条件表达式 'c ? a : b' 中）")
        case .closeArguments: ("to close the argument list", "来结束参数列表")
        case .closeParenthesis: ("to close '('", "来闭合 '('")
        case .closeList: ("to close the list", "来结束列表")
        }
        return SyntaxError("expected '\(symbol)' \(en), found \(t.en)",
                           zh: "这里应当有 '\(symbol)'\(zh)，实际是\(t.zh)", at: token.span)
    }

    static func tooDeep(limit: Int, at span: Range<Int>) -> SyntaxError {
        SyntaxError("expression nests more than \(limit) levels deep; split it into facts",
                    zh: "表达式嵌套超过 \(limit) 层；请拆分成几个条件项（facts）", at: span)
    }

    static func nameAfterDot(found token: Token) -> SyntaxError {
        let t = token.described
        return SyntaxError("expected a name after '.', found \(t.en)", zh: "'.' 后面应当是名称，实际是\(t.zh)", at: token.span)
    }

    static func fieldSelection(_ field: String, at span: Range<Int>) -> SyntaxError {
        SyntaxError("field selection '.\(field)' only applies to names such as enterprise.town",
                    zh: "'.\(field)' 这样的字段选择只能用在名称后面，例如 enterprise.town", at: span)
    }

    static func indexing(at span: Range<Int>) -> SyntaxError {
        SyntaxError("indexing with [ ] is not supported; use 'in' or size()", zh: "不支持用 [ ] 取下标；请用 'in' 或 size()", at: span)
    }

    static func inWithoutLeft(at span: Range<Int>) -> SyntaxError {
        SyntaxError("'in' needs a value on its left, e.g. \"选项\" in answers", zh: "'in' 左边需要一个值，例如 \"选项\" in answers", at: span)
    }

    static func mapsUnsupported(at span: Range<Int>) -> SyntaxError {
        SyntaxError("maps { } are not supported in conditions", zh: "条件中不支持 { } 映射", at: span)
    }

    static func endsTooEarly(at span: Range<Int>) -> SyntaxError {
        SyntaxError("the expression ends too early; a value or name is missing", zh: "表达式提前结束了；缺少一个值或名称", at: span)
    }

    static func unexpectedPunctuation(_ symbol: String, at span: Range<Int>) -> SyntaxError {
        SyntaxError("unexpected '\(symbol)'; a value or name was expected here", zh: "这里不应出现 '\(symbol)'；这里应当是一个值或名称", at: span)
    }
}

/// What a missing punctuation mark was needed for, in ``SyntaxError/expected(_:_:found:)``.
enum ExpectedPurpose: Sendable, CaseIterable {
    case none, conditional, closeArguments, closeParenthesis, closeList
}

extension Token {
    /// The token as a message shows it: `'name'`, `42`, `"text"`, `'('`, or the end of the expression.
    /// NOTE: the Chinese starts with a space before a token, so that it follows a Chinese word.
    var described: LocalizedText {
        switch kind {
        case .identifier(let n): LocalizedText(en: "'\(n)'", zh: " '\(n)'")
        case .int(let v): LocalizedText(en: "\(v)", zh: " \(v)")
        case .double(let v): LocalizedText(en: "\(v)", zh: " \(v)")
        case .string(let s): LocalizedText(en: "\"\(s)\"", zh: " \"\(s)\"")
        case .punctuation(let s): LocalizedText(en: "'\(s)'", zh: " '\(s)'")
        case .end: LocalizedText(en: "the end of the expression", zh: "表达式末尾")
        }
    }
}
