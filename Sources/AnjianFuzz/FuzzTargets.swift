import Anjian
@_spi(Testing) import AnjianYAML
import Foundation

/// The fuzz targets: each takes arbitrary bytes and must answer with a result or located
/// diagnostics, never a crash or a hang; `scanner` also crashes on any difference between the
/// pure-Swift scanner and libyaml.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// libyaml events → node tree, limits enforced.
    case yaml
    /// A whole rule file: decoding, departments, sections, linking, the rule graph.
    case rules
    /// One `when:` expression: lexer, parser, type checker, compiler.
    case expression
    /// An answer file against the shipped catalog, evaluated and rendered.
    case answers
    /// YAMLBlockScanner against libyaml: whatever the scanner accepts must be libyaml's events.
    case scanner

    static let departments = Array("""
        anjian-departments: 1
        departments:
          - name: 县住建局
            aliases: [住建局]
          - name: 市场监管局
        """.utf8)

    static let shipped: Catalog? = try? Catalog.shipped

    func run(_ bytes: [UInt8]) {
        switch self {
        case .yaml:
            _ = YAMLLoader().load(bytes, path: "fuzz.yaml")
            _ = YAMLLoader().loadStream(bytes, path: "fuzz.yaml")
        case .rules:
            _ = try? Catalog(files: [("departments.yaml", Self.departments), ("fuzz.yaml", bytes)])
        case .expression:
            // NOTE: the input goes in as a double-quoted YAML scalar, so every byte reaches the expression parser.
            var escaped = ""
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F { escaped += String(format: "\\u%04x", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
                }
            }
            let file = """
                anjian: 1
                checklist: fuzz
                title: 模糊测试
                source: 二(三)6
                departments: [县住建局]
                questions:
                  - {id: a, text: 甲？, type: bool}
                  - {id: n, text: 数？, type: int}
                  - {id: x, text: 量？, type: number}
                  - {id: k, text: 选？, type: choice, choices: [甲, 乙]}
                  - {id: m, text: 多？, type: multi, choices: [甲, 乙]}
                  - {id: d, text: 日？, type: date}
                  - {id: s, text: 文？, type: text}
                facts:
                  - {id: f, expr: "a && n > 1"}
                rules:
                  - {id: F-001, title: 规则, when: "\(escaped)", severity: general, basis: 依据, remedy: 整改, deadline_days: 1, source: 二(三)6}
                  - {id: F-002, title: 规则, when: "fired(\\"F-001\\") || f", severity: general, basis: 依据, remedy: 整改, deadline_days: 1, source: 二(三)6}
                """
            guard let catalog = try? Catalog(files: [("departments.yaml", Self.departments), ("fuzz.yaml", Array(file.utf8))]) else { return }
            // NOTE: a full sheet, one with answers missing and 不适用, and an empty one, so that the
            // compiled plan meets every three-valued case; debug builds (the fuzzing build) assert
            // that it decides each rule, and gathers each finding's evidence, as the tree walker does.
            for given in ["{a: true, n: 3, x: 1.5, k: 甲, m: [乙], d: 2021-04-01, s: 文字}",
                          "{a: 不适用, n: 0, k: 不适用, m: [], d: 2021-05-01}", "{}"] {
                let answers = """
                    anjian-answers: 1
                    enterprise: {name: 模糊}
                    inspection: {date: 2021-04-12, checklists: [fuzz]}
                    answers: {fuzz: \(given)}
                    """
                if let sheet = try? AnswerSheet(bytes: Array(answers.utf8), path: "a.yaml", for: catalog) {
                    _ = catalog.evaluate(sheet).json()
                    _ = catalog.outcomes(sheet)
                }
            }
        case .answers:
            guard let catalog = Self.shipped, let sheet = try? AnswerSheet(bytes: bytes, path: "fuzz.yaml", for: catalog) else { return }
            let report = catalog.evaluate(sheet)
            for format in ReportFormat.allCases { _ = format.render(report, index: 0) }
        case .scanner:
            if let difference = YAMLScannerCheck.mismatch(bytes) {
                fatalError("YAMLBlockScanner disagrees with libyaml: \(difference)")
            }
        }
    }
}

/// libFuzzer's entry point; the target is chosen by ANJIAN_FUZZ_TARGET. Unused in the replay build.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, let target = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["ANJIAN_FUZZ_TARGET"] ?? "") else { return 0 }
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
