import SaimaBase
public import SaimaModel

/// The content hash of a question set.
///
/// Definition: SHA-256 (lower-case hex) of the UTF-8 text formed by each item's canonical JSON
/// (`JSONValue.canonicalJSON`: object keys sorted, no insignificant whitespace, integral numbers
/// without a fraction), items in file order, each followed by `\n`. It changes with any change to
/// an item's content or order, and not with key order, spacing or blank lines in the file, nor
/// with anything in `track.yaml`.
public enum QuestionSetHasher {
    public static func hash(_ items: some Sequence<Item>) -> String {
        let digest = SHA256Stream()
        for item in items { add(item, to: digest) }
        return digest.finalizeHex()
    }

    /// Adds one item, in file order, to a hash being computed.
    static func add(_ item: Item, to digest: SHA256Stream) {
        digest.update(item.rawJSON)
        digest.update("\n")
    }
}
