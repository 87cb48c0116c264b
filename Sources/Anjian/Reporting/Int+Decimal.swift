extension Int {
    /// The most bytes ``writeDecimal(to:width:)`` writes when `width` is at most this.
    static let maxDecimalLength = 21

    /// Writes `String(self)`, sign included, after as many zeros as bring it to `width`, and
    /// returns the bytes written: reports write dates and locations by the thousand, and a string
    /// per number cost more than the number.
    @inline(__always) func writeDecimal(to out: UnsafeMutablePointer<UInt8>, width: Int = 0) -> Int {
        // NOTE: digits are counted by comparison and written two at a time: most numbers in a
        // report are line and column numbers and date parts of a few digits.
        let pairs = Self.digitPairs
        if self >= 0 && self < 10_000 && width <= 4 {
            let digitCount = self < 10 ? 1 : self < 100 ? 2 : self < 1000 ? 3 : 4
            let length = Swift.max(digitCount, width)
            let high = self / 100 &* 2, low = self % 100 &* 2
            let digits = (pairs[high], pairs[high + 1], pairs[low], pairs[low + 1])
            switch length {
            case 1: out[0] = digits.3
            case 2: out[0] = digits.2; out[1] = digits.3
            case 3: out[0] = digits.1; out[1] = digits.2; out[2] = digits.3
            default: out[0] = digits.0; out[1] = digits.1; out[2] = digits.2; out[3] = digits.3
            }
            return length
        }
        let value = magnitude
        var digitCount = 1
        var limit: UInt = 10
        while value >= limit && digitCount < 19 { digitCount += 1; limit &*= 10 }
        if value >= limit { digitCount = 20 }
        let length = digitCount + (self < 0 ? 1 : 0)
        var end = 0
        while end < width - length { out[end] = UInt8(ascii: "0"); end += 1 }
        if self < 0 { out[end] = UInt8(ascii: "-"); end += 1 }
        end += digitCount
        var at = end
        var rest = value
        while rest >= 10 {
            let pair = Int(rest % 100) &* 2
            rest /= 100
            at -= 2
            out[at] = pairs[pair]
            out[at + 1] = pairs[pair + 1]
        }
        if at > end - digitCount { out[at - 1] = UInt8(ascii: "0") &+ UInt8(rest) }
        return end
    }

    /// "00" to "99", one after another.
    private static var digitPairs: UnsafePointer<UInt8> {
        // NOTE: a literal, so that it is a constant rather than a lazily initialized global.
        let pairs: StaticString = """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        return pairs.utf8Start
    }
}
