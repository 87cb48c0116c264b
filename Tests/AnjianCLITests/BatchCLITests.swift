import Foundation
import Testing

extension CLI {
    /// Runs the binary with `input` on standard input.
    static func run(_ arguments: [String], stdin input: String) throws -> Result {
        let file = try temporaryDirectory().appendingPathComponent("stdin")
        try input.write(to: file, atomically: false, encoding: .utf8)
        return try run(arguments, stdin: file)
    }

    static var exampleFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Examples/" + $0 }
    }
}

@Suite struct BatchCLITests {
    @Test("a folder is evaluated recursively in input order, the same on one core as on all")
    func folder() throws {
        let all = try CLI.run(["evaluate", "Examples", "--format", "json"])
        #expect(all.status == 0)
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == CLI.exampleFiles.count)
        let files = try lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["file"] as? String)
        }
        #expect(files == CLI.exampleFiles)
        let one = try CLI.run(["evaluate", "Examples", "--format", "json", "--jobs", "1"])
        #expect(one.stdout == all.stdout)
    }

    @Test("NDJSON on stdin: a truncated line is reported at its line and skipped, the others evaluated")
    func ndjson() throws {
        let good = "{\"anjian-answers\": 1, \"enterprise\": {\"name\": \"甲\", \"sector\": \"gas\"}, \"inspection\": {\"date\": \"2021-04-12\", \"checklists\": [\"gas\"]}, \"answers\": {\"gas\": {\"license_valid\": false}}}"
        let r = try CLI.run(["evaluate", "-", "--format", "json"], stdin: good + "\n" + String(good.dropLast(30)) + "\n" + good + "\n")
        #expect(r.status == 2)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stderr.contains("<stdin>:2:"))
        #expect(r.stderr.contains("1 of 3 answer files could not be evaluated"))
        #expect(r.stdout.contains("\"location\": \"<stdin>:3:"))
    }

    @Test("an NDJSON file named on the command line is a stream of answer sets")
    func ndjsonFile() throws {
        let good = "{\"anjian-answers\": 1, \"enterprise\": {\"name\": \"甲\", \"sector\": \"gas\"}, \"inspection\": {\"date\": \"2021-04-12\", \"checklists\": [\"gas\"]}, \"answers\": {\"gas\": {\"license_valid\": false}}}"
        let file = try CLI.temporaryDirectory().appendingPathComponent("sets.ndjson")
        try (good + "\n\n" + good + "\n").write(to: file, atomically: false, encoding: .utf8)
        let r = try CLI.run(["evaluate", file.path, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stdout.contains("sets.ndjson:3:"))
    }

    @Test("a YAML stream on stdin: each document is one answer file, located in the stream")
    func yamlStream() throws {
        let doc = { (name: String, value: String) in
            "anjian-answers: 1\nenterprise: {name: \(name), sector: gas}\ninspection: {date: 2021-04-12, checklists: [gas]}\nanswers: {gas: {license_valid: \(value)}}\n"
        }
        let r = try CLI.run(["evaluate", "-", "--format", "json"], stdin: doc("甲", "false") + "---\n" + doc("乙", "maybe") + "---\n" + doc("丙", "true"))
        #expect(r.status == 2)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stderr.contains("<stdin>:9:32: error[answers.wrong-type]"))
    }

    @Test("in a folder, a broken file and an unreadable entry are reported and skipped; other files are still evaluated")
    func badFilesInFolder() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Examples/gas-station.yaml"), to: dir.appendingPathComponent("a.yaml"))
        try "anjian-answers: 1\nanswers: [unclosed\n".write(to: dir.appendingPathComponent("b.yaml"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("c.yaml"), withIntermediateDirectories: true)
        try "not yaml at all".write(to: dir.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Examples/gas-clean.yaml"), to: dir.appendingPathComponent("d.yaml"))
        let r = try CLI.run(["evaluate", dir.path, "--format", "json"])
        #expect(r.status == 2)
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stderr.contains("b.yaml:3:1: error[yaml.syntax]"))
        #expect(r.stderr.contains("c.yaml:1:1: error[io.is-directory]"))
        #expect(r.stderr.contains("2 of 4 answer files could not be evaluated"))
    }

    @Test("every format is written; csv starts with a BOM; html is one self-contained page")
    func formats() throws {
        let csv = try CLI.run(["evaluate", "Examples/gas-station.yaml", "Examples/tourism-findings.yaml", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}文件,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 1 + 9 + 4 + 1)
        let html = try CLI.run(["evaluate", "Examples/gas-station.yaml", "Examples/tourism-findings.yaml", "--format", "html"])
        #expect(html.stdout.components(separatedBy: "<!DOCTYPE html>").count == 2)
        #expect(html.stdout.components(separatedBy: "<section class=\"report\">").count == 3)
        let md = try CLI.run(["evaluate", "Examples/gas-station.yaml", "--format", "markdown"])
        #expect(md.stdout.hasPrefix("# 安全检查报告"))
    }

    @Test("shards evaluated by separate worker processes roll up exactly as one run does")
    func shards() throws {
        let files = CLI.exampleFiles
        let dir = try CLI.temporaryDirectory()
        var processes: [Process] = []
        var outputs: [String] = []
        for shard in 0..<3 {
            let mine = files.enumerated().filter { $0.offset % 3 == shard }.map(\.element)
            let out = dir.appendingPathComponent("shard\(shard).ndjson").path
            outputs.append(out)
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["evaluate"] + mine + ["--format", "json", "--output", out, "--jobs", "1"]
            p.currentDirectoryURL = CLI.root
            p.environment = CLI.environment([:])
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            processes.append(p)
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let whole = dir.appendingPathComponent("all.ndjson").path
        #expect(try CLI.run(["evaluate", "Examples", "--format", "json", "--output", whole]).status == 0)
        for by in ["department", "town", "sector", "checklist"] {
            let merged = try CLI.run(["summarize"] + outputs + ["--by", by, "--as-of", "2021-06-30", "--format", "json"])
            let single = try CLI.run(["summarize", whole, "--by", by, "--as-of", "2021-06-30", "--format", "json"])
            #expect(merged.status == 0 && merged.stdout == single.stdout)
        }
    }

    @Test("diff matches subjects across two batches and exits 1 with --fail-on overdue")
    func diff() throws {
        let dir = try CLI.temporaryDirectory()
        let old = dir.appendingPathComponent("old.ndjson").path, new = dir.appendingPathComponent("new.ndjson").path
        #expect(try CLI.run(["evaluate", "Examples/gas-station.yaml", "--format", "json", "--output", old]).status == 0)
        // The re-inspection a month later finds GAS-001 fixed, the rest still open.
        var text = try String(contentsOf: CLI.root.appendingPathComponent("Examples/gas-station.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "date: 2021-04-20", with: "date: 2021-05-20").replacingOccurrences(of: "license_valid: false", with: "license_valid: true")
        let answers = dir.appendingPathComponent("again.yaml")
        try text.write(to: answers, atomically: false, encoding: .utf8)
        #expect(try CLI.run(["evaluate", answers.path, "--format", "json", "--output", new]).status == 0)
        let r = try CLI.run(["diff", old, new, "--format", "json", "--fail-on", "overdue"])
        #expect(r.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["rectified"] == 1 && summary["new"] == 0 && (summary["overdue"] ?? 0) > 0)
        let bad = dir.appendingPathComponent("bad.ndjson")
        try "{\"anjian-report\": 7}\n".write(to: bad, atomically: false, encoding: .utf8)
        let versioned = try CLI.run(["summarize", bad.path])
        #expect(versioned.status == 2 && versioned.stderr.contains("bad.ndjson:1:1: error[report.version]"))
    }

    @Test("a run killed midway leaves the old --output file whole")
    func killedRun() throws {
        let dir = try CLI.temporaryDirectory()
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let source = try Data(contentsOf: CLI.root.appendingPathComponent("Examples/gas-station.yaml"))
        for i in 0..<1500 { try source.write(to: inputs.appendingPathComponent(String(format: "%05d.yaml", i))) }
        let out = dir.appendingPathComponent("report.ndjson")
        try "OLD\n".write(to: out, atomically: false, encoding: .utf8)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["evaluate", inputs.path, "--format", "json", "--output", out.path]
        p.currentDirectoryURL = CLI.root
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: 0.5)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let after = try String(contentsOf: out, encoding: .utf8)
        // Either the run had already finished (a whole report) or the old file is untouched.
        #expect(after == "OLD\n" || after.split(separator: "\n").count == 1500)
    }
}
