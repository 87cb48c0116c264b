/// JSON Schema (2020-12) for rule files and answer files, with Chinese descriptions, so that an
/// editor with a YAML language server completes and checks as one types.
public struct SchemaGenerator: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    static let draft: JSONValue = "https://json-schema.org/draft/2020-12/schema"
    static let identifier = "^[A-Za-z_][A-Za-z0-9_]*$"
    static let ruleID = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
    static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    static let notApplicable: JSONValue = .object([("enum", .strings(["不适用", "n/a", "N/A", "NA"])), ("description", "不适用")])

    private var departmentNames: [String] {
        catalog.departments.departments.flatMap { [$0.name] + $0.aliases }
    }

    private func text(_ description: String) -> JSONValue {
        .object([("type", "string"), ("minLength", 1), ("description", .string(description))])
    }

    private func list(_ items: JSONValue, _ description: String) -> JSONValue {
        .object([("type", "array"), ("items", items), ("description", .string(description))])
    }

    /// The schema of a rule file (a checklist).
    public func rules() -> String {
        let sections = catalog.sections.keys.sorted()
        let source: JSONValue = sections.isEmpty ? text("方案章节，如 二(三)6")
            : .object([("enum", .strings(sections)), ("description", "引用的方案章节（见 sections.yaml）")])
        let departments: JSONValue = .object([("type", "array"), ("minItems", 1),
            ("items", .object([("enum", .strings(departmentNames))])), ("description", "责任部门，牵头部门在前")])
        let expression = text("条件表达式（CEL 子集），如 license_valid == false")
        let question: JSONValue = .object([
            ("type", "object"), ("additionalProperties", false), ("required", .strings(["id", "text", "type"])),
            ("properties", .object([
                ("id", .object([("type", "string"), ("pattern", .string(Self.identifier)), ("description", "题目编号（字母、数字、下划线）")])),
                ("text", text("题目，检查人员所读的问题")),
                ("type", .object([("enum", .strings(QuestionType.names)), ("description", "bool 是/否, int 整数, number 数值, text 文字, date 日期, choice 单选, multi 多选")])),
                ("choices", .object([("type", "array"), ("minItems", 1), ("uniqueItems", true), ("items", .object([("type", "string")])), ("description", "单选、多选的选项")])),
                ("ask_if", expression),
                ("unit", text("数值的单位")),
            ])),
            ("if", .object([("properties", .object([("type", .object([("enum", .strings(["choice", "multi"]))]))]))])),
            ("then", .object([("required", .strings(["choices"]))])),
            ("else", .object([("not", .object([("required", .strings(["choices"]))]))])),
        ])
        let fact: JSONValue = .object([
            ("type", "object"), ("additionalProperties", false), ("required", .strings(["id", "expr"])),
            ("properties", .object([
                ("id", .object([("type", "string"), ("pattern", .string(Self.identifier)), ("description", "事实编号")])),
                ("expr", text("表达式")),
            ])),
        ])
        let rule: JSONValue = .object([
            ("type", "object"), ("additionalProperties", false),
            ("required", .strings(["id", "title", "when", "severity", "basis", "remedy", "source"])),
            ("oneOf", .array([.object([("required", .strings(["deadline_days"]))]), .object([("required", .strings(["deadline_workdays"]))])])),
            ("properties", .object([
                ("id", .object([("type", "string"), ("pattern", .string(Self.ruleID)), ("description", "规则编号，如 GAS-001")])),
                ("title", text("隐患名称")),
                ("when", expression),
                ("severity", .object([("enum", .strings(["major", "general", "重大隐患", "一般隐患", "重大", "一般"])), ("description", "major 重大隐患 | general 一般隐患")])),
                ("departments", departments),
                ("basis", text("法律依据（法规、标准及条款）")),
                ("remedy", text("整改要求")),
                ("deadline_days", .object([("type", "integer"), ("minimum", 0), ("maximum", 3650), ("description", "整改期限（自然日，0 为立即整改）")])),
                ("deadline_workdays", .object([("type", "integer"), ("minimum", 0), ("maximum", 3650), ("description", "整改期限（工作日，按节假日日历）")])),
                ("source", source),
            ])),
        ])
        let schema: JSONValue = .object([
            ("$schema", Self.draft), ("title", "Anjian 规则文件（检查表）"), ("type", "object"), ("additionalProperties", false),
            ("required", .strings(["anjian", "checklist", "title", "source"])),
            ("properties", .object([
                ("anjian", .object([("const", 1), ("description", "格式版本")])),
                ("checklist", .object([("type", "string"), ("pattern", .string(Self.identifier)), ("description", "检查表编号，与文件名相同")])),
                ("subject", .object([("enum", .strings(SubjectKind.allCases.map(\.rawValue))), ("description", "检查对象：enterprise 企业 | town 乡镇（街道） | department 部门 | event 活动")])),
                ("title", text("检查表名称")),
                ("source", source),
                ("sectors", list(.object([("type", "string")]), "适用的行业；\"*\" 表示全部")),
                ("includes", list(.object([("type", "string"), ("pattern", .string(Self.identifier))]), "一并检查的检查表")),
                ("departments", departments),
                ("questions", list(.object([("$ref", "#/$defs/question")]), "题目")),
                ("facts", list(.object([("$ref", "#/$defs/fact")]), "命名的条件")),
                ("rules", list(.object([("$ref", "#/$defs/rule")]), "规则（隐患）")),
            ])),
            ("$defs", .object([("question", question), ("fact", fact), ("rule", rule)])),
        ])
        return schema.pretty() + "\n"
    }

    /// The schema of an answer file for the given checklists (all when empty) and what they include.
    public func answers(_ ids: [String]) -> String {
        let lists = ids.isEmpty ? catalog.checklists : AnswerTemplate(catalog: catalog).checklists(for: ids).sorted { $0.id < $1.id }
        let blank: JSONValue = .object([("type", "null"), ("description", "未作答")])
        func answer(_ q: Question) -> JSONValue {
            var options: [JSONValue]
            switch q.type {
            case .bool: options = [.object([("type", "boolean")]), .object([("enum", .strings(["是", "否"]))])]
            case .int: options = [.object([("type", "integer")])]
            case .number: options = [.object([("type", "number")])]
            case .text: options = [.object([("type", .array(["string", "number"]))])]
            case .date: options = [.object([("type", "string"), ("pattern", .string(Self.datePattern))])]
            case .choice(let c): options = [.object([("enum", .strings(c))])]
            case .multi(let c):
                options = [.object([("type", "array"), ("uniqueItems", true), ("items", .object([("enum", .strings(c))]))]), .object([("enum", .strings(c))])]
            }
            var description = q.text
            if let unit = q.unit { description += "（单位：\(unit)）" }
            return .object([("description", .string(description)), ("anyOf", .array(options + [Self.notApplicable, blank]))])
        }
        let answers: [(String, JSONValue)] = lists.map { list in
            (list.id, .object([
                ("description", .string(list.title)), ("type", .array(["object", "null"])), ("additionalProperties", false),
                ("properties", .object(list.questions.map { ($0.id, answer($0)) })),
            ]))
        }
        let subjectFields: [(String, JSONValue)] = [
            ("name", text("名称")), ("code", .object([("type", .array(["string", "number"])), ("description", "统一社会信用代码")])),
            ("town", text("所在乡镇（街道）")), ("sector", text("行业")),
        ]
        let schema: JSONValue = .object([
            ("$schema", Self.draft), ("title", "Anjian 答题卡"), ("type", "object"), ("additionalProperties", false),
            ("required", .strings(["anjian-answers", "inspection"])),
            ("oneOf", .array([.object([("required", .strings(["enterprise"]))]), .object([("required", .strings(["subject"]))])])),
            ("properties", .object([
                ("anjian-answers", .object([("const", 1), ("description", "格式版本")])),
                ("enterprise", .object([("type", "object"), ("additionalProperties", false), ("required", .strings(["name"])),
                                        ("description", "被检查单位"), ("properties", .object([("kind", .object([("const", "enterprise")]))] + subjectFields))])),
                ("subject", .object([("type", "object"), ("additionalProperties", false), ("required", .strings(["kind", "name"])),
                                     ("description", "检查对象（乡镇、部门、活动）"),
                                     ("properties", .object([("kind", .object([("enum", .strings(SubjectKind.allCases.map(\.rawValue)))]))] + subjectFields))])),
                ("inspection", .object([("type", "object"), ("additionalProperties", false), ("required", .strings(["date"])), ("description", "检查"),
                    ("properties", .object([
                        ("date", .object([("type", "string"), ("pattern", .string(Self.datePattern)), ("description", "检查日期")])),
                        ("inspector", text("检查人")),
                        ("checklists", list(.object([("enum", .strings(catalog.checklists.map(\.id)))]), "检查表")),
                    ]))])),
                ("answers", .object([("type", .array(["object", "null"])), ("additionalProperties", false), ("description", "按检查表分组的答案"),
                                     ("properties", .object(answers))])),
            ])),
        ])
        return schema.pretty() + "\n"
    }
}
