import SaimaBase
/// What an import would write: counts by type and the first items.
package enum ImportPreview {
    package static func render(_ items: [ImportedItem], first: Int = 3) -> String {
        var counts: [String: Int] = [:]
        for i in items { counts[i.fields["type"]?.stringValue ?? "?", default: 0] += 1 }
        var out = "\(items.count) items 道题: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        for item in items.prefix(first) {
            let line = JSONValue.object(item.fields).canonicalJSON
            out += "\n  \(item.location): " + (line.count > 200 ? String(line.prefix(200)) + "…" : line)
        }
        return out
    }
}
