import AnjianCore

/// The YAML stage's messages, in English and Chinese side by side.
extension Diagnostic {
    static func fileTooLarge(bytes: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("yaml.file-too-large",
               "file is \(bytes) bytes, more than the limit of \(limit); split it into smaller files",
               zh: "文件有 \(bytes) 字节，超过了 \(limit) 字节的上限；请拆分成几个较小的文件",
               at: location)
    }

    static func utf16File(at location: SourceLocation) -> Diagnostic {
        .error("yaml.encoding",
               "file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
               zh: "文件是 UTF-16 编码（开头有 UTF-16 字节顺序标记）；请另存为 UTF-8 编码",
               at: location)
    }

    static func invalidUTF8(at location: SourceLocation) -> Diagnostic {
        .error("yaml.encoding",
               "invalid UTF-8 byte sequence; save the file as UTF-8",
               zh: "这里的字节不是有效的 UTF-8 编码；请把文件另存为 UTF-8 编码",
               at: location)
    }

    static func tabIndent(at location: SourceLocation) -> Diagnostic {
        .error("yaml.tab-indent",
               "a tab is used for indentation; indent with spaces only",
               zh: "这一行用制表符（Tab）缩进；YAML 只能用空格缩进",
               at: location)
    }

    static func nulByte(at location: SourceLocation) -> Diagnostic {
        .error("yaml.control-character",
               "the file contains a NUL byte; remove it (the file may not be text)",
               zh: "文件里有 NUL 字节，请删除它（这个文件可能不是文本文件）",
               at: location)
    }

    static func multipleDocuments(at location: SourceLocation) -> Diagnostic {
        .error("yaml.multiple-documents",
               "a second document starts here; a file holds one document, so remove the '---' and what follows or move it to its own file",
               zh: "第二个文档从这里开始；一个文件只能有一个文档，请删除 '---' 及其后的内容，或把它移到单独的文件",
               at: location)
    }

    static func recursiveAlias(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error("yaml.recursive-alias",
               "alias '*\(name)' refers to a node that contains it; a value cannot include itself",
               zh: "别名 '*\(name)' 引用了包含它自身的内容；一个值不能包含它自己",
               at: location)
    }

    static func undefinedAlias(_ name: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        let hint = Suggestion.didYouMean(suggestion)
        return .error("yaml.undefined-alias",
                      "alias '*\(name)' names no anchor defined before it" + hint.en + "; define '&\(name)' first",
                      zh: "别名 '*\(name)' 之前没有定义对应的锚点" + hint.zh + "；请先定义 '&\(name)'",
                      at: location)
    }

    static func aliasExpansion(limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("yaml.alias-expansion",
               "aliases expand to more than \(limit) nodes; write the values out or use fewer aliases",
               zh: "别名展开后超过 \(limit) 个节点；请直接写出这些值，或少用别名",
               at: location)
    }

    static func scalarTooLong(bytes: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("yaml.scalar-too-long",
               "a value of \(bytes) bytes is longer than the limit of \(limit)",
               zh: "这个值有 \(bytes) 字节，超过了 \(limit) 字节的上限",
               at: location)
    }

    static func nonStringKey(at location: SourceLocation) -> Diagnostic {
        .error("yaml.non-string-key",
               "a key must be plain text, not a list or mapping; write the key as text",
               zh: "键只能是普通文本，不能是列表或映射；请把键写成文本",
               at: location)
    }

    static func tooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
        .error("yaml.too-deep",
               "lists and mappings are nested more than \(limit) deep; flatten the structure",
               zh: "列表和映射嵌套超过 \(limit) 层；请减少嵌套层数",
               at: location)
    }

    /// `shown` is the tag as written (`!!binary`, `!ok`); `negation` when it reads like a `!` condition.
    static func customTag(_ shown: String, negation: Bool, at location: SourceLocation) -> Diagnostic {
        var en = "custom tag '\(shown)' is not allowed; remove it and write a plain value"
        var zh = "不允许使用自定义标签 '\(shown)'；请删除它，直接写值"
        if negation {
            // NOTE: `when: !ok` reads as a tag in YAML; policy staff mean a negation.
            en += " (a condition that starts with '!' must be quoted: '\(shown) …', or write \(shown.dropFirst()) == false)"
            zh += "（以 '!' 开头的条件必须加引号：'\(shown) …'，或写成 \(shown.dropFirst()) == false）"
        }
        return .error("yaml.custom-tag", en, zh: zh, at: location)
    }

    static func mergeKey(at location: SourceLocation) -> Diagnostic {
        .error("yaml.merge-key",
               "merge keys ('<<') are not supported; write the fields out",
               zh: "不支持合并键（'<<'）；请把各个字段直接写出来",
               at: location)
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("yaml.duplicate-key",
               "key '\(key)' appears twice in this mapping; keep one",
               zh: "键 '\(key)' 在同一个映射里出现了两次；请只保留一个",
               at: location, notes: [.init("first defined here", zh: "第一次定义在这里", at: first)])
    }

    /// libyaml's problem and context, with a hint at the usual cause; the Chinese translates the
    /// messages libyaml is known to give and quotes any other as it is.
    static func yamlSyntax(problem: String, context: String?, at location: SourceLocation) -> Diagnostic {
        let message = problem + (context.map { " " + $0 } ?? "")
        var zh: String
        if let problemZH = libyamlProblemsZH[problem] {
            zh = problemZH
            if let context {
                zh = libyamlContextsZH[context].map { $0 + "，" + problemZH } ?? problemZH + "（\(context)）"
            }
        } else {
            zh = "YAML 语法错误：" + message
        }
        if message.contains("found character that cannot start any token") {
            zh += "（可能是制表符，或 @、` 这类必须加引号的字符）"
        } else if message.contains("did not find expected") || message.contains("could not find expected") {
            zh += "（请检查是否有未闭合的括号或引号，或缩进没有对齐）"
        }
        return .error("yaml.syntax", YAMLLoader.explain(message), zh: zh, at: location)
    }
}

/// libyaml's problem messages in Chinese.
private let libyamlProblemsZH: [String: String] = [
    "found character that cannot start any token": "这里的字符不能作为任何内容的开头",
    "could not find expected ':'": "没有找到应有的 ':'",
    "found unexpected end of stream": "文件意外结束",
    "found a tab character that violates indentation": "这里的制表符（Tab）破坏了缩进",
    "found a tab character that violate indentation": "这里的制表符（Tab）破坏了缩进",
    "mapping keys are not allowed in this context": "这里不能写映射的键",
    "mapping values are not allowed in this context": "这里不能写 '键: 值'（常见原因：冒号后面少了空格，或文本里的冒号需要加引号）",
    "block sequence entries are not allowed in this context": "这里不能写以 '- ' 开头的列表项",
    "found unknown escape character": "发现未知的转义字符",
    "found unexpected document indicator": "发现意外的文档分隔符（'---' 或 '...'）",
    "found unexpected ':'": "发现意外的 ':'",
    "did not find expected key": "没有找到应有的键（缩进可能没有对齐）",
    "did not find expected '-' indicator": "没有找到应有的 '-' 列表标记",
    "did not find expected ',' or ']'": "没有找到应有的 ',' 或 ']'",
    "did not find expected ',' or '}'": "没有找到应有的 ',' 或 '}'",
    "did not find expected node content": "没有找到应有的值",
    "did not find expected <document start>": "没有找到文档的开头",
    "did not find expected comment or line break": "这里应当是注释或换行",
    "did not find expected whitespace or line break": "这里应当是空格或换行",
    "did not find expected alphabetic or numeric character": "这里应当是字母或数字",
    "found undefined tag handle": "发现未定义的标签前缀",
    "control characters are not allowed": "文件里不能有控制字符",
    "invalid leading UTF-8 octet": "这里的字节不是有效的 UTF-8 编码",
    "invalid trailing UTF-8 octet": "这里的字节不是有效的 UTF-8 编码",
    "incomplete UTF-8 octet sequence": "UTF-8 编码不完整",
    "invalid Unicode character": "无效的 Unicode 字符",
]

/// libyaml's context messages ("while parsing …") in Chinese.
private let libyamlContextsZH: [String: String] = [
    "while scanning for the next token": "在读取下一项内容时",
    "while scanning a simple key": "在读取一个键时",
    "while scanning a quoted scalar": "在读取带引号的文本时",
    "while scanning a plain scalar": "在读取文本时",
    "while scanning a block scalar": "在读取多行文本时",
    "while scanning an anchor": "在读取锚点时",
    "while scanning an alias": "在读取别名时",
    "while scanning a tag": "在读取标签时",
    "while scanning a directive": "在读取指令时",
    "while parsing a block mapping": "在读取一组 '键: 值' 时",
    "while parsing a block collection": "在读取以 '- ' 开头的列表时",
    "while parsing a flow sequence": "在读取方括号 [ ] 列表时",
    "while parsing a flow mapping": "在读取花括号 { } 映射时",
    "while parsing a node": "在读取一个值时",
    "while parsing a block node": "在读取一个值时",
    "while parsing a flow node": "在读取一个值时",
]
