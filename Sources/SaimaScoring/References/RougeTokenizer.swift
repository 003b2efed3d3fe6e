/// The two tokenizations Saima's ROUGE uses, identical to rouge-score 0.1.2 given the same tokenizer.
enum RougeTokenizer {
    /// rouge-score's `DefaultTokenizer(use_stemmer=False)`: `text.lower()`, every run of characters outside
    /// `[a-z0-9]` replaced by a space, split; so tokens are the maximal runs of ASCII lowercase letters and
    /// digits after Python's lowercasing (which turns U+212A KELVIN SIGN into `k` and U+0130 into `i` + U+0307).
    static func english(_ text: String) -> [ArraySlice<Unicode.Scalar>] {
        let lower = PythonText.lowercased(Array(scalarsOf: text))
        var tokens: [ArraySlice<Unicode.Scalar>] = []
        var start = -1
        for (i, s) in lower.enumerated() {
            let alnum = (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
            if alnum {
                if start < 0 { start = i }
            } else if start >= 0 {
                tokens.append(lower[start..<i])
                start = -1
            }
        }
        if start >= 0 { tokens.append(lower[start..<lower.count]) }
        return tokens
    }

    /// Character tokens for Chinese: the code points of `text.lower()` (Python), whitespace code points
    /// (`str.isspace()`) dropped — what rouge-score computes with a tokenizer whose `tokenize(text)` returns
    /// `[c for c in text.lower() if not c.isspace()]`.
    static func chinese(_ text: String) -> [Unicode.Scalar] {
        PythonText.lowercased(Array(scalarsOf: text)).filter { !PythonText.isSpace($0) }
    }
}
