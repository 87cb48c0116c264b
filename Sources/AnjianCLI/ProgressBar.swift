import Anjian
import Foundation

/// A progress line on stderr with count, rate and ETA, drawn only when stderr is a terminal.
struct ProgressBar {
    private let total: Int?
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private let language: Language

    init(total: Int?, language: Language) {
        self.total = total
        self.language = language
        self.enabled = isatty(STDERR_FILENO) == 1
    }

    mutating func update(done: Int, failed: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        // NOTE: redraw at most ten times a second; drawing costs more than evaluating a file.
        guard now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        let seconds = Double(now - start) / 1e9
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var line = "\r"
        if let total, total > 0 {
            let width = 30
            let filled = min(width, done * width / total)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
            if rate > 0 { line += String(format: "  %.0f/s  ETA %.0fs", rate, Double(total - done) / rate) }
        } else {
            line += (language == .zh ? "\(done) 个文件" : "\(done) files") + String(format: "  %.0f/s", rate)
        }
        if failed > 0 { line += language == .zh ? "  \(failed) 个失败" : "  \(failed) failed" }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
