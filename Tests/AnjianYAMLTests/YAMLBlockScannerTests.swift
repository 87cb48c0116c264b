import Foundation
import Testing
@_spi(Testing) @testable import AnjianYAML

/// Differential tests of ``YAMLBlockScanner``: wherever it accepts an input, its events must be
/// libyaml's, marks included; it must accept the answer files the fast path is for; and small
/// edits of accepted files must never make it disagree with libyaml.
@Suite struct YAMLBlockScannerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every `.yaml` file under `folder` of the package (following the Rules link), sorted.
    static func yamlFiles(_ folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder).resolvingSymlinksInPath()
        let names = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { base.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] {
        [UInt8]((try? Data(contentsOf: url)) ?? Data())
    }

    /// Every input of the YAML test suite beside the checkout (none if it is not there).
    static func suiteInputs() -> [(String, [UInt8])] {
        let suite = YAMLTestSuiteTests.suite
        let names = (try? FileManager.default.contentsOfDirectory(atPath: suite.path)) ?? []
        return names.sorted().compactMap { id in
            let url = suite.appendingPathComponent(id).appendingPathComponent("in.yaml")
            return FileManager.default.fileExists(atPath: url.path) ? (id, bytes(url)) : nil
        }
    }

    @Test("on the rule files, examples, fixtures and the YAML test suite, accepted means libyaml's events")
    func corpus() throws {
        var inputs: [(String, [UInt8])] = []
        for folder in ["Rules", "Examples", "Tests/AnjianTests/Fixtures"] {
            inputs += Self.yamlFiles(folder).map { ("\(folder)/\($0.lastPathComponent)", Self.bytes($0)) }
        }
        #expect(inputs.count > 50)
        inputs += Self.suiteInputs().map { ("yaml-test-suite/\($0.0)", $0.1) }
        var accepted = 0
        for (name, bytes) in inputs {
            if let problem = YAMLScannerCheck.mismatch(bytes) { Issue.record("\(name): \(problem)") }
            if YAMLScannerCheck.accepts(bytes) { accepted += 1 }
        }
        print("YAMLBlockScanner accepts \(accepted) of \(inputs.count) corpus inputs")
    }

    @Test("every answer file in Examples/ and the benchmark's answer files take the fast path")
    func acceptsAnswerFiles() throws {
        let examples = Self.yamlFiles("Examples")
        #expect(examples.count >= 30)
        for url in examples {
            let accepted = YAMLScannerCheck.accepts(Self.bytes(url))
            #expect(accepted, "declined \(url.lastPathComponent)")
        }
        for text in [Self.benchmarkAnswers1, Self.benchmarkAnswers2] {
            let accepted = YAMLScannerCheck.accepts(Array(text.utf8))
            #expect(accepted)
            #expect(YAMLScannerCheck.mismatch(Array(text.utf8)) == nil)
        }
    }

    /// Small inputs for each construct of the subset, each of which the scanner must accept.
    static let accepted = [
        "a: 1\n",
        "a: 1",
        "a: 1   \n\n   ",
        "",
        "# only a comment\n\n",
        "# c\n\n---\na: b\n",
        "--- # c\n- x\n",
        "a:\nb:\n  c:\n",
        "a:   # c\n  # d\n\nb: 2 # e\n# f",
        "a:\n- x\n-\n- y\nb: 1\n",
        "a:\n  - x\n  -   y z  \n",
        "- id: a\n  text: b\n-   id: c\n    sub:\n    - 1\n    - 2\n-\n  k: v\n",
        "k: [a, b c, \"d\", 'e''f', -1, 中文]\nm: {name: x, code: \"y\", 'z': w}\ne: []\nf: {}\ng: [ ]\n",
        "q: \"a\\\"b\\\\c\\/d\\n\\t\\x41\\u00e9\\U0001F600 \\N\\_\\L\\P\\0\"\n",
        "s: 'it''s # not a comment'\n\"k y\": 1\n'k''z' : 2\n",
        "url: http://example.com/a?b=c#d\nweird: a:b ?c -d [x] {y} z,\ntime: 12:30\n",
        "名称: 燃气站 # 注释\n列表:\n  - 甲\n  - {键: 值}\n",
        "i: {date: 2021-04-12, checklists: [gas, fire], m: {a: [1, {b: c}]}}\nl: [[], {}, [x]]\n",
        "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
        "  a: 1\n  b:\n  - x\n",
        // Denser than the first guess at the number of events: read again with more room.
        String(repeating: "-\n", count: 100) + "- [[], {}]\n",
    ]

    /// Inputs outside the subset, which the scanner must leave to libyaml.
    static let declined = [
        "? x\n", "a: &x 1\n", "a: *x\n", "a: !t 1\n", "%YAML 1.2\n---\na: 1\n", "a: |\n  text\n", "a: >-\n  text\n",
        "a: \"multi\n  line\"\n", "a: b\n  c\n", "a:\tb\n", "a: 1\r\n", "\u{FEFF}a: 1\n", "a: 1\n---\nb: 2\n",
        "a: 1\n...\n", "- - x\n", "a: [b, [c]: d]\n", "a: {[b]: c}\n", "a: [b,\n  c]\n", "scalar\n", "[a]\n", "a: 1\n b: 2\n",
        "a:\n  b: 1\n c: 2\n", "a: b: c\n", "- a\nb: 1\n",
    ]

    @Test("the subset's constructs are accepted and agree with libyaml", arguments: accepted)
    func accepts(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(YAMLScannerCheck.accepts(bytes))
        #expect(YAMLScannerCheck.mismatch(bytes) == nil)
    }

    @Test("what is outside the subset is declined", arguments: declined)
    func declines(text: String) throws {
        #expect(!YAMLScannerCheck.accepts(Array(text.utf8)))
    }

    /// Single edits at many places of an accepted input: deleting, doubling or inserting an
    /// indicator, a space, a line break or a Chinese character.
    static func mutations(of text: String, stride step: Int) -> [[UInt8]] {
        let chars = Array(text.unicodeScalars)
        let inserts: [Unicode.Scalar] = [" ", ":", "-", "#", "'", "\"", "[", "]", "{", "}", ",", "\n", "中", "\\", "?", "&"]
        var variants: [[UInt8]] = []
        var position = 0
        while position <= chars.count {
            func variant(_ edit: (inout [Unicode.Scalar]) -> Void) {
                var copy = chars
                edit(&copy)
                var s = String.UnicodeScalarView()
                s.append(contentsOf: copy)
                variants.append(Array(String(s).utf8))
            }
            if position < chars.count {
                variant { $0.remove(at: position) }
                variant { $0.insert($0[position], at: position) }
            }
            for c in inserts { variant { $0.insert(c, at: position) } }
            position += step
        }
        return variants
    }

    @Test("small edits of accepted inputs never make the scanner disagree with libyaml")
    func mutations() throws {
        var seeds: [(String, Int)] = Self.accepted.map { ($0, 1) }
        seeds.append((Self.benchmarkAnswers1, 23))
        for name in ["construction-findings.yaml", "half-answered.yaml", "gas-station.yaml"] {
            seeds.append((String(decoding: Self.bytes(Self.root.appendingPathComponent("Examples/\(name)")), as: UTF8.self), 17))
        }
        var checked = 0, accepted = 0
        for (seed, step) in seeds {
            for bytes in Self.mutations(of: seed, stride: step) {
                checked += 1
                if let problem = YAMLScannerCheck.mismatch(bytes) {
                    Issue.record("\(problem) on \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                } else if YAMLScannerCheck.accepts(bytes) {
                    accepted += 1
                }
            }
        }
        print("YAMLBlockScanner mutations: \(checked) checked, \(accepted) accepted")
        #expect(accepted > checked / 4)
    }

    /// Two of the benchmark workload's generated answer files (anjian-answers/000002.yaml and 001000.yaml).
    static let benchmarkAnswers1 = """
        anjian-answers: 1
        enterprise: {name: 基准测试单位A000002, code: 91410329MA0000023H, town: 河滨街道, sector: bench}
        inspection: {date: 2026-07-11, inspector: inspector-066, checklists: [bench]}
        answers:
          gas:
            e1: ok
            n1: 123
            e2: ok
            b1: false
            b2: true
            l1:
              - warehouse
              - garage
              - basement
              - lobby
              - canteen
            b3: true
            n2: 7
            x1: 0.16
            b4: true
          electrical:
            b1: true
            l1:
              - warehouse
              - kitchen
              - garage
            b2: true
            n1: 0
            b3: true
            e1: partial
            n2: 3
            b4: true
            x1: 0.69
            e2: scheduled
          fire:
            l1: []
            b1: true
            n1: 32
            b2: true
            x1: 87.81
            b3: true
            e1: unknown
            b4: true
            n2: 9
            e2: expired
          kitchen:
            l1:
              - basement
              - cellar
              - yard
              - roof
              - stairwell
            e1: valid
            n1: 12
            b1: true
            n2: 5
            b2: true
            e2: major
            b3: true
            b4: false
            x1: 50.65
          canteen:
            e1: pending
            b1: true
            n1: 200
            b2: false
            l1:
              - cellar
              - garage
            n2: 62
            b3: true
            e2: expired
            b4: false
            x1: 95.27
          staff:
            n1: 4
            b1: true
            b2: true
            e1: minor
            e2: missing
            b3: false
            b4: true
            l1: []
            n2: 4
            x1: 22.76
          venue:
            b1: false
            b2: true
            x1: 48.7
            e1: overdue
            b3: false
            n1: 49
            b4: false
            e2: minor
            n2: 921
            l1:
              - stairwell
              - storage
          hygiene:
            b1: false
            b2: true
            b3: true
            x1: 0.72
            b4: true
            n1: 629
            l1:
              - stairwell
              - roof
              - garage
              - basement
            n2: 835
            e1: unknown
            e2: critical
          storage:
            b1: false
            b2: false
            n1: 45
            x1: 413.08
            e1: critical
            b3: true
            l1:
              - workshop
              - warehouse
            b4: true
            n2: 6
            e2: overdue
          waste:
            l1:
              - yard
              - office
              - stairwell
              - lobby
              - canteen
              - workshop
              - storage
            e1: expired
            n1: 767
            b1: true
            b2: true
            x1: 0.49
            b3: true
            b4: true
            n2: 21
            e2: overdue
          water:
            b1: true
            x1: 14.45
            e1: partial
            n1: 52
            l1:
              - canteen
              - warehouse
            b2: true
            e2: critical
            n2: 7
            b3: true
            b4: true
          ventilation:
            b1: true
            n1: 322
            b2: true
            x1: 0.37
            b3: true
            b4: true
            n2: 5
            e1: critical
            e2: critical
            l1:
              - basement
              - lab
          first_aid:
            b1: true
            b2: true
            n1: 6
            x1: 87.44
            l1:
              - yard
              - roof
              - warehouse
            b3: true
            e1: overdue
            e2: pending
            b4: true
            n2: 3
          signage:
            b1: true
            b2: true
            n1: 8
            l1:
              - kitchen
            e1: major
            b3: true
            n2: 0
            e2: partial
            x1: 5.01
            b4: true
          access:
            x1: 0.83
            b1: true
            e1: overdue
            n1: 807
            l1:
              - terrace
              - kitchen
            b2: true
            e2: valid
            b3: false
            b4: true
            n2: 488
        """

    static let benchmarkAnswers2 = """
        anjian-answers: 1
        enterprise: {name: 基准测试单位A001000, code: 91410329MA00100024, town: 彭婆镇, sector: bench}
        inspection: {date: 2026-05-17, inspector: inspector-119, checklists: [bench]}
        answers:
          gas:
            e1: ok
            n1: 121
            e2: certified
            b1: true
            b2: true
            l1:
              - warehouse
              - lobby
            b3: true
            n2: 100
            x1: 0.71
            b4: true
          electrical:
            b1: true
            l1:
              - warehouse
              - kitchen
              - terrace
            b2: false
            n1: 1
            b3: false
            e1: major
            n2: 5
            b4: true
            x1: 0.67
            e2: exempt
          fire:
            l1:
              - warehouse
            b1: true
            n1: 11
            b2: true
            x1: 28.82
            b3: true
            e1: unknown
            b4: true
            n2: 6
            e2: scheduled
          kitchen:
            l1:
              - terrace
            e1: valid
            n1: 39
            b1: true
            n2: 94
            b2: true
            e2: missing
            b3: true
            b4: false
            x1: 446.99
          canteen:
            e1: scheduled
            b1: true
            n1: 122
            b2: true
            l1:
              - canteen
              - basement
            n2: 12
            b3: true
            e2: expired
            b4: true
            x1: 76.23
          staff:
            n1: 3
            b1: true
            b2: true
            e1: minor
            e2: major
            b3: true
            b4: false
            l1:
              - stairwell
              - lobby
            n2: 7
            x1: 259.07
          venue:
            b1: true
            b2: true
            x1: 40.78
            e1: pending
            b3: true
            n1: 14
            b4: true
            e2: expired
            n2: 987
            l1:
              - cellar
              - stairwell
              - terrace
          hygiene:
            b1: true
            b2: true
            b3: false
            x1: 0.15
            b4: false
            n1: 270
            l1:
              - roof
              - garage
              - storage
              - basement
            n2: 733
            e1: missing
            e2: critical
          storage:
            b1: true
            b2: false
            n1: 7
            x1: 142.5
            e1: critical
            b3: false
            l1:
              - lobby
            b4: false
            n2: 4
            e2: unknown
          waste:
            l1:
              - yard
              - terrace
            e1: expired
            n1: 194
            b1: true
            b2: false
            x1: 0.89
            b3: true
            b4: true
            n2: 96
            e2: certified
          water:
            b1: true
            x1: 43.14
            e1: major
            n1: 45
            l1:
              - basement
              - cellar
              - stairwell
              - garage
              - terrace
            b2: true
            e2: pending
            n2: 26
            b3: false
            b4: true
          ventilation:
            b1: true
            n1: 521
            b2: false
            x1: 0.55
            b3: true
            b4: true
            n2: 3
            e1: partial
            e2: critical
            l1:
              - garage
              - lab
          first_aid:
            b1: false
            b2: true
            n1: 3
            x1: 38.85
            l1: []
            b3: false
            e1: scheduled
            e2: exempt
            b4: true
            n2: 12
          signage:
            b1: true
            b2: true
            n1: 4
            l1:
              - roof
            e1: unknown
            b3: false
            n2: 1
            e2: pending
            x1: 2.53
            b4: true
          access:
            x1: 1.04
            b1: false
            e1: major
            n1: 296
            l1:
              - storage
              - warehouse
            b2: false
            e2: overdue
            b3: true
            b4: true
            n2: 231
        """
}
