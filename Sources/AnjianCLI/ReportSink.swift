import Anjian
import ArgumentParser
import Foundation

/// Where a stream of reports goes: stdout as it comes, or a temporary file beside `--output`
/// renamed into place at the end, so the output file is written whole or not at all.
struct ReportSink {
    private let path: String?
    private let temporary: URL?
    private var handle: FileHandle?
    private let language: Language

    init(path: String?, language: Language) throws {
        self.path = path
        self.language = language
        guard let path else {
            temporary = nil
            return
        }
        // NOTE: a device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming a
        // file over it would replace the device itself, and it holds no old content to protect.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard let device = FileHandle(forWritingAtPath: path) else {
                let printer = DiagnosticPrinter(language: language)
                printer.printWithoutSource(.reportNotWritten(path, reason: String(cString: strerror(errno))))
                throw ExitCode(2)
            }
            handle = device
            temporary = nil
            return
        }
        let target = URL(fileURLWithPath: path)
        temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    }

    mutating func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    mutating func write(bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        // NOTE: the bytes are lent to Data rather than copied; a batch writes tens of megabytes.
        try bytes.withUnsafeBytes { buffer throws in
            try write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress!), count: buffer.count, deallocator: .none))
        }
    }

    private mutating func write(_ data: Data) throws {
        guard let temporary else {
            (handle ?? FileHandle.standardOutput).write(data)
            return
        }
        do {
            if handle == nil {
                guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission)
                }
                handle = try FileHandle(forWritingTo: temporary)
            }
            try handle?.write(contentsOf: data)
        } catch {
            fail(error)
            throw ExitCode(2)
        }
    }

    /// Renames the finished temporary file over the output.
    mutating func commit() throws {
        guard let path, let temporary else {
            try? handle?.close()
            handle = nil
            return
        }
        if handle == nil { _ = FileManager.default.createFile(atPath: temporary.path, contents: nil) }
        try? handle?.close()
        handle = nil
        // NOTE: rename(2) replaces the target atomically; readers see the old file or the new one.
        guard rename(temporary.path, path) == 0 else {
            fail(CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]))
            throw ExitCode(2)
        }
    }

    mutating func discard() {
        try? handle?.close()
        handle = nil
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    private func fail(_ error: Error) {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
        let printer = DiagnosticPrinter(language: language)
        printer.printWithoutSource(.reportNotWritten(path ?? "", reason: error.localizedDescription))
    }
}
