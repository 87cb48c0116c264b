import Foundation
import Testing

/// End-to-end: runs the built `anjian` binary as an inspector or a policy editor would.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL = {
        // The test bundle sits in the same build directory as the executable.
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL]
        candidates += [Bundle.main.bundleURL.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")]
        for dir in candidates {
            let url = dir.appendingPathComponent("anjian")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/anjian")
    }()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], in directory: URL = root, stdin: URL? = nil) throws -> Result {
        let process = Process()
        if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // NOTE: messages follow the locale; these tests read the English ones whatever the developer's locale.
        process.environment = environment([:])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large report cannot fill the pipe and block.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// One folder per test process, removed when the process ends, so that runs leave nothing in /tmp.
    static let temporaryRoot: URL = {
        atexit {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("anjian-cli-tests-\(getpid())"))
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("anjian-cli-tests-\(getpid())")
    }()

    static func temporaryDirectory() throws -> URL {
        let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct CLITests {
    @Test("evaluate prints the example's report and exits 0")
    func evaluate() throws {
        let r = try CLI.run(["evaluate", "Examples/gas-station.yaml"])
        #expect(r.status == 0)
        let golden = try String(contentsOf: CLI.root.appendingPathComponent("Examples/gas-station.txt"), encoding: .utf8)
        #expect(r.stdout == golden)
    }

    @Test("--fail-on major exits 1 on a major finding; general exits 1 on any finding")
    func failOn() throws {
        #expect(try CLI.run(["evaluate", "Examples/gas-station.yaml", "--fail-on", "major"]).status == 1)
        #expect(try CLI.run(["evaluate", "Examples/tourism-compliant.yaml", "--fail-on", "general"]).status == 0)
    }

    @Test("--strict exits 2 when rules are undetermined")
    func strict() throws {
        let r = try CLI.run(["evaluate", "Examples/half-answered.yaml", "--strict"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("answers.incomplete"))
        #expect(try CLI.run(["evaluate", "Examples/gas-station.yaml", "--strict"]).status == 0)
    }

    @Test("several files give one JSON report per line; a bad one is reported, skipped, and the run exits 2")
    func ndjson() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "anjian-answers: 1\nanswers: [unclosed\n".write(to: bad, atomically: false, encoding: .utf8)
        let r = try CLI.run(["evaluate", "Examples/gas-station.yaml", bad.path, "Examples/tourism-compliant.yaml", "--format", "json"])
        #expect(r.status == 2)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        #expect(r.stderr.contains("bad.yaml:3:1: error"))
        #expect(r.stderr.contains("1 of 3 answer files could not be evaluated"))
    }

    @Test("--output writes the whole report; on bad input an existing file is left as it was")
    func output() throws {
        let dir = try CLI.temporaryDirectory()
        let out = dir.appendingPathComponent("report.json")
        let first = try CLI.run(["evaluate", "Examples/gas-station.yaml", "--format", "json", "--output", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("{\"anjian-report\": 1"))
        let r = try CLI.run(["evaluate", "no-such-file.yaml", "--output", out.path])
        #expect(r.status == 2)
        #expect(try String(contentsOf: out, encoding: .utf8) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
    }

    @Test("--output to a pipe or device writes through it and leaves it a pipe (as /dev/null stays a device)")
    func outputToPipe() throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir.appendingPathComponent("reports.fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let copy = dir.appendingPathComponent("copy.json")
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo.path, copy.path]
        try reader.run()
        let r = try CLI.run(["evaluate", "Examples/gas-station.yaml", "--format", "json", "--output", fifo.path])
        reader.waitUntilExit()
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: copy, encoding: .utf8).hasPrefix("{\"anjian-report\": 1"))
        var status = stat()
        #expect(stat(fifo.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("the shipped catalog is used from any working directory")
    func otherDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["evaluate", CLI.root.appendingPathComponent("Examples/gas-station.yaml").path], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("GAS-001"))
        #expect(try CLI.run(["lint"], in: dir).status == 0)
    }

    @Test("lint reports every problem of a broken rule file with its location and exits 2")
    func lint() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Rules/departments.yaml"), to: dir.appendingPathComponent("departments.yaml"))
        try """
        anjian: 1
        checklist: broken
        title: 测试
        source: 二(三)6
        departments: [县住建局]
        questions:
          - id: flag
            text: 是否落实？
            type: bool
        rules:
          - id: B-001
            title: 测试
            when: flag == "是的" && nosuch
            serverity: general
            basis: 依据
            remedy: 整改
            deadline_days: 7
            source: 二(三)6
        """.write(to: dir.appendingPathComponent("broken.yaml"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["lint", "--rules", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.yaml:13:19: error[expr.type-mismatch]"))
        #expect(r.stderr.contains("broken.yaml:13:27: error[expr.undeclared]"))
        #expect(r.stderr.contains("broken.yaml:14:5: error[decode.unknown-field]: unknown field 'serverity' in rule; did you mean 'severity'?"))
        #expect(r.stderr.contains("   |                   ^"))
        let json = try CLI.run(["lint", "--rules", dir.path, "--format", "json"])
        #expect(json.status == 2)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.count >= 4)
    }

    @Test("usage errors exit 64")
    func usage() throws {
        #expect(try CLI.run(["evaluate"]).status == 64)
        #expect(try CLI.run(["evaluate", "x.yaml", "--format", "pdf"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }
}

extension CLI {
    /// This process's environment without its locale variables, with `variables` added.
    static func environment(_ variables: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] { environment[key] = nil }
        return environment.merging(variables) { $1 }
    }

    /// Runs the CLI in the repository root with `variables` (`LANG`, …) added to ``environment(_:)``.
    static func run(_ arguments: [String], environment variables: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = environment(variables)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite struct CLILanguageTests {
    /// A small valid catalog of one checklist `t`, with a tests folder of one passing and one failing case.
    private func rules() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tests"), withIntermediateDirectories: true)
        let files = [
            "departments.yaml": """
                anjian-departments: 1
                departments:
                  - name: 县住建局
                """,
            "t.yaml": """
                anjian: 1
                checklist: t
                title: 测试
                source: 二(三)6
                sectors: [test]
                departments: [县住建局]
                questions:
                  - id: flag
                    text: 是否落实？
                    type: bool
                rules:
                  - id: T-001
                    title: 未落实
                    when: flag == false
                    severity: general
                    basis: 依据
                    remedy: 整改
                    deadline_days: 7
                    source: 二(三)6
                """,
            "tests/t.yaml": """
                anjian-tests: 1
                cases:
                  - name: 未落实时发现隐患
                    inspection: {checklists: [t]}
                    answers: {t: {flag: false}}
                    expect: {T-001: fired}
                  - name: 写错的期望
                    inspection: {checklists: [t]}
                    answers: {t: {flag: true}}
                    expect: {T-001: fired}
                """,
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        return dir
    }

    /// An answer file for checklist `t`, in a folder of its own (not among the rules).
    private func answers(_ body: String, name: String) throws -> String {
        let url = try CLI.temporaryDirectory().appendingPathComponent(name)
        try """
            anjian-answers: 1
            enterprise: {name: 测试企业, sector: test}
            inspection: {date: 2021-04-12, inspector: 测试}
            answers:
              t: \(body)
            """.write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }

    @Test("lint --lang zh and LANG=zh_CN.UTF-8 print the message in Chinese with the same prefix; English otherwise")
    func lintInChinese() throws {
        let dir = try rules()
        try String(contentsOf: dir.appendingPathComponent("t.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    severity: general", with: "    serverity: general")
            .write(to: dir.appendingPathComponent("t.yaml"), atomically: false, encoding: .utf8)
        let prefix = "t.yaml:15:5: error[decode.unknown-field]: "
        let chinese = prefix + "规则中有未知字段 'serverity'；是否应为 'severity'？"
        let english = prefix + "unknown field 'serverity' in rule; did you mean 'severity'?"

        let option = try CLI.run(["lint", "--rules", dir.path, "--lang", "zh"], environment: [:])
        #expect(option.status == 2)
        #expect(option.stderr.contains(chinese), "\(option.stderr)")
        #expect(option.stderr.contains(" 15 |     serverity: general\n    |     ^"))

        let locale = try CLI.run(["lint", "--rules", dir.path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(locale.status == 2)
        #expect(locale.stderr.contains(chinese), "\(locale.stderr)")
        #expect(locale.stderr == option.stderr)

        let plain = try CLI.run(["lint", "--rules", dir.path], environment: [:])
        #expect(plain.stderr.contains(english), "\(plain.stderr)")
        let chosen = try CLI.run(["lint", "--rules", dir.path, "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chosen.stderr == plain.stderr)

        let json = try CLI.run(["lint", "--rules", dir.path, "--format", "json", "--lang", "zh"], environment: [:])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let unknown = try #require(list.first { $0["code"] as? String == "decode.unknown-field" })
        #expect(unknown["message"] as? String == "unknown field 'serverity' in rule; did you mean 'severity'?")
        #expect(unknown["message_zh"] as? String == "规则中有未知字段 'serverity'；是否应为 'severity'？")
    }

    @Test("evaluate, lint and test print their other lines in the chosen language; the final count of test stays English")
    func otherOutput() throws {
        let dir = try rules()
        let good = try answers("{flag: true}", name: "good.yaml")
        let half = try answers("{}", name: "half.yaml")
        let bad = try CLI.temporaryDirectory().appendingPathComponent("bad.yaml")
        try "anjian-answers: 1\nanswers: [unclosed\n".write(to: bad, atomically: false, encoding: .utf8)

        let lint = try CLI.run(["lint", "--rules", dir.path, "--lang", "zh"], environment: [:])
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("1 个检查表，1 个问题，1 条规则：没有错误"), "\(lint.stdout)")

        let r = try CLI.run(["evaluate", "--rules", dir.path, good, bad.path, "--format", "json"], environment: ["LC_MESSAGES": "zh_CN.UTF-8"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:3:1: error[yaml.syntax]: "))
        #expect(r.stderr.contains("anjian: 2 个答卷文件中有 1 个无法评估"), "\(r.stderr)")

        let strict = try CLI.run(["evaluate", "--rules", dir.path, half, "--strict", "--lang", "zh"], environment: [:])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("half.yaml: error[answers.incomplete]: 有些问题没有回答"), "\(strict.stderr)")

        let tests = try CLI.run(["test", "--rules", dir.path, "--lang", "zh"], environment: [:])
        #expect(tests.status == 1)
        #expect(tests.stdout.contains("未通过 \(dir.path)/tests/t.yaml:"), "\(tests.stdout)")
        #expect(tests.stdout.contains("  T-001：预期 fired，实际 passed（通过）"), "\(tests.stdout)")
        #expect(tests.stdout.hasSuffix("\n1 passed, 1 failed\n"), "\(tests.stdout)")
        let english = try CLI.run(["test", "--rules", dir.path], environment: [:])
        #expect(english.stdout.contains("  T-001: expected fired, got passed  ("), "\(english.stdout)")
        #expect(english.stdout.hasSuffix("\n1 passed, 1 failed\n"))
    }

    @Test("every command takes --lang, and only en or zh")
    func everyCommand() throws {
        let dir = try rules()
        for command in [["lint"], ["test"], ["template", "t"], ["schema", "rules"], ["graph", "t"], ["explain", "T-001"]] {
            let r = try CLI.run(command + ["--rules", dir.path, "--lang", "zh"], environment: [:])
            #expect(r.status != 64, "\(command): \(r.stderr)")
        }
        let evaluate = try CLI.run(["evaluate", "--rules", dir.path, try answers("{flag: false}", name: "a.yaml"), "--lang", "zh"], environment: [:])
        #expect(evaluate.status == 0, "\(evaluate.stderr)")
        #expect(try CLI.run(["lint", "--lang", "fr"], environment: [:]).status == 64)
        let unknown = try CLI.run(["explain", "T-0001", "--rules", dir.path, "--lang", "zh"], environment: [:])
        #expect(unknown.stderr.contains("<command line>:1:1: error[cli.unknown-rule]: 未知的规则 'T-0001'；是否应为 'T-001'？"), "\(unknown.stderr)")
    }
}
