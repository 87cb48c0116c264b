/// JSON written once by ``JSONWriter/record(_:)`` and copied into many writers by
/// ``JSONWriter/fragment(_:)``: a rule's part of every finding of it, a question's part of every
/// piece of evidence citing it. A view of bytes that a ``JSONFragments`` owns.
struct JSONFragment: @unchecked Sendable {
    // NOTE: @unchecked: its owner never writes the bytes again, and keeps them while it lives.
    let bytes: UnsafeRawBufferPointer
    /// Whether it ends with a value (else with a key), so that what follows is separated right.
    let endsWithValue: Bool

    static let empty = JSONFragment(bytes: UnsafeRawBufferPointer(start: nil, count: 0), endsWithValue: false)

    /// Readable bytes after every fragment's end (see ``JSONWriter/fragment(_:)``).
    static let padding = 16

    /// Where a fragment was written in its writer, until the writer's bytes are taken.
    struct Recorded {
        let range: Range<Int>
        let endsWithValue: Bool
    }
}

/// Fragments written one after another into one buffer, which this owns.
final class JSONFragments: @unchecked Sendable {
    // NOTE: @unchecked: `storage` is written only in init.
    let all: [JSONFragment]
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// `count` fragments, the `i`th as `body(i, &writer)` writes it.
    init(count: Int, capacity: Int = 1024, _ body: (Int, inout JSONWriter) -> Void) {
        var w = JSONWriter(capacity: capacity)
        let recorded = (0..<count).map { i in w.record { body(i, &$0) } }
        storage = w.takeStorage(padding: JSONFragment.padding)
        all = recorded.map { [storage] in
            JSONFragment(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[$0.range]), endsWithValue: $0.endsWithValue)
        }
    }

    deinit {
        storage.deallocate()
    }

    @inline(__always) subscript(i: Int) -> JSONFragment {
        all.withUnsafeBufferPointer { $0[i] }
    }
}
