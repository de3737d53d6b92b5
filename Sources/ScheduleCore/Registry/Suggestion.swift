/// Finds the closest known name to a misspelt one ("gama" → "gamma").
public enum Suggestion {
    /// The candidate with the smallest edit distance to `word`, if it is close enough to be a
    /// plausible typo (distance at most a third of the longer word, and at least 1 allowed).
    /// Case-insensitive matches win outright.
    ///
    /// The work is bounded by the candidates, not by `word`: the distance is at least the
    /// difference in length, so a word more than half again as long as every candidate has
    /// no plausible match and is answered without computing any distance (a 100 KB "type
    /// name" costs one pass over it).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        let lowercasedCandidates = candidates.map { Array($0.lowercased()) }
        if let exact = lowercasedCandidates.firstIndex(of: lowered) { return candidates[exact] }
        func limit(_ c: [Character]) -> Int { max(1, max(lowered.count, c.count) / 3) }
        // No candidate can be within its limit: nothing to compute.
        guard lowercasedCandidates.contains(where: { abs($0.count - lowered.count) <= limit($0) }) else { return nil }
        var best: (index: Int, distance: Int)?
        for (i, candidate) in lowercasedCandidates.enumerated() {
            // The length difference bounds the distance from below: skip what cannot win.
            if let best, abs(candidate.count - lowered.count) >= best.distance { continue }
            let d = distance(lowered, candidate)
            if best == nil || d < best!.distance { best = (i, d) }
        }
        guard let (index, d) = best else { return nil }
        return d <= limit(lowercasedCandidates[index]) ? candidates[index] : nil
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions each cost 1.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    /// ``distance(_:_:)`` over characters, in three rows of memory.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
