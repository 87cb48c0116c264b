import Foundation

// One binary, two uses. scripts/fuzz.sh builds it with AddressSanitizer, libFuzzer's coverage
// instrumentation and ANJIAN_FUZZING, and links libFuzzer: then it hands control to libFuzzer's
// driver with `fuzzOne` (FuzzTargets.swift). Built normally it replays inputs: `AnjianFuzz TARGET FILE|DIR...` runs each once through the
// target, so crashes found by fuzzing stay regression tests.

#if ANJIAN_FUZZING
// NOTE: the fuzz build links libFuzzer without its main, so that this stays the program's entry.
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: FuzzCallback) -> CInt

var fuzzArgc = CommandLine.argc
var fuzzArgv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&fuzzArgc, &fuzzArgv, { data, size in fuzzOne(data, size) }))
#endif

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
    FileHandle.standardError.write(Data("usage: AnjianFuzz yaml|rules|expression|answers|scanner FILE|DIR...\n".utf8))
    exit(64)
}
var count = 0
for path in arguments.dropFirst() {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
    // NOTE: resolve links first: Rules/ is a link and the enumerator does not follow one.
    let base = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let files = isDirectory.boolValue
        ? (FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String }.sorted().map { base + "/" + $0 } ?? [])
        : [path]
    for file in files {
        var dir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &dir), !dir.boolValue,
              let data = FileManager.default.contents(atPath: file) else { continue }
        target.run([UInt8](data))
        count += 1
    }
}
print("\(count) inputs replayed through \(target.rawValue)")
