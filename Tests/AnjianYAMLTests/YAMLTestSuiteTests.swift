import AnjianCore
import Foundation
import Testing
@testable import AnjianYAML

/// The official YAML test suite (yaml/yaml-test-suite data), read from `../shared/yaml-test-suite/`
/// beside the checkout: every case is loaded through Anjian's loader, values are compared with the
/// suite's JSON under the YAML 1.2 core schema, expected errors with an error. Every disagreement
/// is listed with its reason in `yaml-test-suite-differences.tsv`; a new one, or one that went
/// away, fails the test.
@Suite struct YAMLTestSuiteTests {
    static let suite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite")
    static let available = FileManager.default.fileExists(atPath: suite.appendingPathComponent("index.tsv").path)

    enum Verdict: String { case agree, rejectsValid = "rejects-valid", acceptsInvalid = "accepts-invalid", wrongValue = "wrong-value" }

    static func verdict(_ id: String) -> Verdict {
        let dir = suite.appendingPathComponent(id)
        let bytes = [UInt8]((try? Data(contentsOf: dir.appendingPathComponent("in.yaml"))) ?? Data())
        let expectsError = FileManager.default.fileExists(atPath: dir.appendingPathComponent("error").path)
        let (roots, diagnostics) = YAMLLoader().loadStream(bytes, path: "in.yaml")
        let rejected = diagnostics.contains { $0.level == .error }
        if ProcessInfo.processInfo.environment["ANJIAN_SUITE_DETAIL"] == "1", let d = diagnostics.first {
            print("DETAIL\t\(id)\t\(d.code)\t\(d.message)")
        }
        if expectsError { return rejected ? .agree : .acceptsInvalid }
        if rejected { return .rejectsValid }
        guard let json = try? Data(contentsOf: dir.appendingPathComponent("in.json")) else { return .agree }
        guard let expected = JSONStream.values(String(decoding: json, as: UTF8.self)) else { return .agree }
        return expected == roots.map(Self.value) ? .agree : .wrongValue
    }

    /// A node as the JSON value the core schema gives it.
    static func value(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let s):
            switch s.resolved {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .number(Double(i))
            case .intOutOfRange: return .number(Double(s.value) ?? .nan)
            case .float(let d): return .number(d)
            case .string(let t): return .string(t)
            }
        case .sequence(let items): return .array(items.map(value))
        case .mapping(let pairs): return .object(Dictionary(pairs.map { ($0.key.value, value($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    static func knownDifferences() -> [String: (verdict: String, reason: String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("yaml-test-suite-differences.tsv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var result: [String: (String, String)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            if parts.count == 3 { result[parts[0]] = (parts[1], parts[2]) }
        }
        return result
    }

    @Test("every case agrees with the suite or is a listed, explained difference",
          .enabled(if: available, "../shared/yaml-test-suite is not beside the checkout; conformance not checked"))
    func conformance() throws {
        let index = try String(contentsOf: Self.suite.appendingPathComponent("index.tsv"), encoding: .utf8)
        let ids = index.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
        let known = Self.knownDifferences()
        var agree = 0
        var unexpected: [String] = []
        var resolved: [String] = []
        for id in ids {
            let v = Self.verdict(id)
            if v == .agree {
                agree += 1
                if known[id] != nil { resolved.append(id) }
            } else if known[id]?.verdict != v.rawValue {
                unexpected.append("\(id)\t\(v.rawValue)")
            }
        }
        print("YAML test suite: \(agree) of \(ids.count) cases agree; \(ids.count - agree) listed differences")
        #expect(unexpected.isEmpty, "new differences (add them with a reason, or fix them):\n\(unexpected.joined(separator: "\n"))")
        #expect(resolved.isEmpty, "listed differences that now agree (remove them): \(resolved)")
        #expect(known.values.allSatisfy { !$0.reason.isEmpty })
    }
}

/// A JSON value; numbers compare as doubles, as the suite's JSON does not tell 1 from 1.0.
indirect enum JSONValue: Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])
}

/// Parses a JSON stream (several values one after another).
struct JSONStream {
    private let chars: [Unicode.Scalar]
    private var i = 0

    static func values(_ text: String) -> [JSONValue]? {
        var p = JSONStream(chars: Array(text.unicodeScalars))
        var result: [JSONValue] = []
        while true {
            p.skip()
            if p.i >= p.chars.count { return result }
            guard let v = p.value() else { return nil }
            result.append(v)
        }
    }

    private init(chars: [Unicode.Scalar]) { self.chars = chars }

    private mutating func skip() { while i < chars.count, [" ", "\n", "\r", "\t"].contains(chars[i]) { i += 1 } }

    private mutating func literal(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard i + w.count <= chars.count, Array(chars[i..<i + w.count]) == w else { return false }
        i += w.count
        return true
    }

    private mutating func value() -> JSONValue? {
        skip()
        guard i < chars.count else { return nil }
        switch chars[i] {
        case "{":
            i += 1
            var object: [String: JSONValue] = [:]
            skip()
            if i < chars.count, chars[i] == "}" { i += 1; return .object(object) }
            while true {
                skip()
                guard case .string(let key)? = value() else { return nil }
                skip()
                guard i < chars.count, chars[i] == ":" else { return nil }
                i += 1
                guard let v = value() else { return nil }
                object[key] = v
                skip()
                guard i < chars.count else { return nil }
                if chars[i] == "," { i += 1; continue }
                if chars[i] == "}" { i += 1; return .object(object) }
                return nil
            }
        case "[":
            i += 1
            var items: [JSONValue] = []
            skip()
            if i < chars.count, chars[i] == "]" { i += 1; return .array(items) }
            while true {
                guard let v = value() else { return nil }
                items.append(v)
                skip()
                guard i < chars.count else { return nil }
                if chars[i] == "," { i += 1; continue }
                if chars[i] == "]" { i += 1; return .array(items) }
                return nil
            }
        case "\"":
            i += 1
            var s = String.UnicodeScalarView()
            while i < chars.count, chars[i] != "\"" {
                if chars[i] == "\\", i + 1 < chars.count {
                    i += 1
                    switch chars[i] {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    case "r": s.append("\r")
                    case "b": s.append("\u{8}")
                    case "f": s.append("\u{C}")
                    case "u":
                        var code = UInt32(String(String.UnicodeScalarView(chars[(i + 1)..<min(i + 5, chars.count)])), radix: 16) ?? 0
                        i += 4
                        if (0xD800...0xDBFF).contains(code), i + 6 < chars.count, chars[i + 1] == "\\", chars[i + 2] == "u",
                           let low = UInt32(String(String.UnicodeScalarView(chars[(i + 3)..<(i + 7)])), radix: 16) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                        s.append(Unicode.Scalar(code) ?? "?")
                    default: s.append(chars[i])
                    }
                } else {
                    s.append(chars[i])
                }
                i += 1
            }
            i += 1
            return .string(String(s))
        default:
            if literal("true") { return .bool(true) }
            if literal("false") { return .bool(false) }
            if literal("null") { return .null }
            let start = i
            while i < chars.count, "+-0123456789.eE".unicodeScalars.contains(chars[i]) { i += 1 }
            return Double(String(String.UnicodeScalarView(chars[start..<i]))).map(JSONValue.number)
        }
    }
}
