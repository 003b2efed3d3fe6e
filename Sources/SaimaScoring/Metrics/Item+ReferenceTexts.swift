import SaimaBase
public import SaimaModel

extension Item {
    /// The reference texts that text metrics compare a reply with, in order: the answer's accepted texts
    /// (or, for other answer kinds, their string form: letters, `true`/`false`, the number as JSON writes it,
    /// the fields as canonical JSON), then the strings of the item's optional `references` list.
    public var referenceTexts: [String] {
        var texts: [String]
        switch answer {
        case .texts(let t): texts = t
        case .letters(let l): texts = [l]
        case .truth(let b): texts = [b ? "true" : "false"]
        case .number(let n): texts = [JSONValue.format(number: n)]
        case .fields(let f): texts = [JSONValue.object(f).canonicalJSON]
        }
        for extra in raw["references"]?.arrayValue ?? [] {
            if let s = extra.stringValue, !texts.contains(s) { texts.append(s) }
        }
        return texts
    }
}
