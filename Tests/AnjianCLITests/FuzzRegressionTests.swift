import Foundation
import Testing

/// Inputs the fuzzers found (Tests/FuzzRegressions/<target>/) and the seed corpus are replayed
/// through every fuzz target on each test run: none may crash or hang.
@Suite struct FuzzRegressionTests {
    @Test("every saved input and seed replays through its fuzz target", arguments: ["yaml", "rules", "expression", "answers", "scanner"])
    func replay(target: String) throws {
        let binary = CLI.binary.deletingLastPathComponent().appendingPathComponent("AnjianFuzz")
        let process = Process()
        process.executableURL = binary
        process.arguments = [target, "Tests/FuzzRegressions/\(target)", "Rules", "Examples"]
        process.currentDirectoryURL = CLI.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("inputs replayed through \(target)"))
    }
}
