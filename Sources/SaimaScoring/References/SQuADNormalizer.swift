/// `normalize_answer` of the SQuAD evaluation script, code point for code point:
/// `white_space_fix(remove_articles(remove_punc(lower(s))))`, then `.split()`. That is: Python `str.lower()`;
/// delete every character of `string.punctuation` (ASCII only); replace each `\b(a|an|the)\b` — a maximal run of
/// `\w` characters that is exactly `a`, `an` or `the` — by a space; split on whitespace.
enum SQuADNormalizer {
    static func tokens(_ text: String) -> [ArraySlice<Unicode.Scalar>] {
        let lower = PythonText.lowercased(Array(scalarsOf: text)).filter { !PythonText.isASCIIPunctuation($0) }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(lower.count)
        var i = 0
        while i < lower.count {
            guard PythonText.isWordCharacter(lower[i]) else {
                out.append(lower[i])
                i += 1
                continue
            }
            var j = i
            while j < lower.count, PythonText.isWordCharacter(lower[j]) { j += 1 }
            let word = lower[i..<j]
            if word.elementsEqual(["a"]) || word.elementsEqual(["a", "n"]) || word.elementsEqual(["t", "h", "e"]) {
                out.append(" ")
            } else {
                out.append(contentsOf: word)
            }
            i = j
        }
        return PythonText.split(out)
    }
}
