/// The language a text metric tokenizes for.
public enum ScoringLanguage: String, Sendable, Hashable, CaseIterable {
    /// Chinese: ROUGE on characters, BLEU with sacrebleu's `zh` tokenizer.
    case zh
    /// English and other space-delimited text: rouge-score's default tokenizer, sacrebleu's `13a`.
    case en

    /// `zh` when any reference contains a CJK ideograph, else `en`.
    public static func detect(references: [String]) -> ScoringLanguage {
        references.contains(where: CJK.containsIdeograph) ? .zh : .en
    }
}
