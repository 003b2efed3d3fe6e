/// A text given in Chinese and English, as written in `track.yaml` and `submission.yaml`.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// "中文 (English)", or one of them when the other is empty or identical.
    /// The Chinese text, or the English one when there is no Chinese (a team registered with an English name only).
    public var primary: String { zh.isEmpty ? en : zh }

    public var bilingual: String {
        if en.isEmpty || en == zh { return zh }
        if zh.isEmpty { return en }
        return "\(zh) (\(en))"
    }
}
