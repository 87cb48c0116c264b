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

    static func run(_ arguments: [String], in directory: URL = root) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
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

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("anjian-cli-\(UUID().uuidString)")
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
        try "anjian-answers: 1\nanswers: [unclosed\n".write(to: bad, atomically: true, encoding: .utf8)
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
        """.write(to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
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
