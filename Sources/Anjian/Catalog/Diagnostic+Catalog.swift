import AnjianCore

/// The messages about a rules directory as a whole (its files and layers), in English and
/// Chinese side by side.
extension Diagnostic {
    static func tooManyRules(_ count: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("catalog.too-many-rules", "the catalog has \(count) rules, more than the limit of \(limit); split it or raise --max-rules",
               zh: "规则库共有 \(count) 条规则，超过上限 \(limit)；请拆分，或用 --max-rules 提高上限", at: location)
    }

    static func noDepartmentsFile(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("catalog.no-departments",
               "the rules directory has no \(name); add one listing the departments (anjian-departments: 1)",
               zh: "规则目录中没有 \(name)；请添加一个列出各部门的文件（anjian-departments: 1）",
               at: location)
    }

    static func rulesDirectoryUnreadable(at location: SourceLocation) -> Diagnostic {
        .error("io.not-found",
               "cannot read the rules directory; check the path given to --rules",
               zh: "无法读取规则目录；请检查 --rules 后面给出的路径",
               at: location)
    }

    static func emptyRuleFile(at location: SourceLocation) -> Diagnostic {
        .error("decode.empty",
               "the file is empty; a rule file starts with 'anjian: 1'",
               zh: "文件是空的；规则文件以 'anjian: 1' 开头",
               at: location)
    }

    static func overlayChangesSections(at location: SourceLocation) -> Diagnostic {
        .error("overlay.sections",
               "an overlay cannot change the index of the seed document; remove sections.yaml from the overlay",
               zh: "overlay 不能修改攻坚方案的章节索引；请从 overlay 目录中删除 sections.yaml",
               at: location)
    }

    static func overlayInBase(at location: SourceLocation) -> Diagnostic {
        .error("overlay.in-base",
               "overlay.yaml belongs in a directory given after the base catalog (--rules BASE --rules OVERLAY)",
               zh: "overlay.yaml 应当放在基础规则库之后给出的目录里（--rules BASE --rules OVERLAY）",
               at: location)
    }

    static func overlayReplacesChecklist(_ id: String, existing file: String, at location: SourceLocation) -> Diagnostic {
        .error("overlay.replaces-checklist",
               "checklist '\(id)' already exists in \(file); an overlay adds new checklists and changes rules through overlay.yaml, never by replacing a file",
               zh: "检查表 '\(id)' 已经在 \(file) 中；overlay 只能新增检查表，修改规则要通过 overlay.yaml，不能替换整个文件",
               at: location)
    }

    static func noCalendar(at location: SourceLocation) -> Diagnostic {
        .error("decode.no-calendar",
               "deadline_workdays needs a working-day calendar; add calendar/<year>.yaml beside the rules (from the State Council's holiday notice)",
               zh: "deadline_workdays 需要工作日日历；请根据国务院办公厅的放假通知，在规则旁添加 calendar/<year>.yaml",
               at: location)
    }
}
