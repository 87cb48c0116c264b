/// "Did you mean" suggestions: the candidate closest to a misspelt word, if it is close enough.
public enum Suggestion {
    /// The nearest candidate by edit distance, when it is within a third of the word's length (at least 1, at most 3).
    public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = min(3, max(1, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let d = distance(word, candidate)
            if d <= limit, best.map({ d < $0.1 || (d == $0.1 && candidate < $0.0) }) ?? true {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or nothing.
    public static func clause(for word: String, in candidates: some Sequence<String>) -> String {
        nearest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `; did you mean 'x'?` in English and `；是否应为 'x'？` in Chinese, or nothing when there is no suggestion.
    public static func didYouMean(_ suggestion: String?) -> LocalizedText {
        guard let suggestion else { return .empty }
        return LocalizedText(en: "; did you mean '\(suggestion)'?", zh: "；是否应为 '\(suggestion)'？")
    }

    /// Levenshtein distance over characters (with transpositions counted once).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = Swift.min(cur[j], prev2[j - 2] + 1)
                }
            }
            prev2 = prev
            prev = cur
        }
        return prev[b.count]
    }
}
