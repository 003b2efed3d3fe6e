import SaimaModel
import SaimaScoring

/// The scoring library's JSON-object finder, for judge replies.
enum JSONObjectExtractorBridge {
    static func firstObject(_ reply: String) -> [String: JSONValue]? { JSONObjectExtractor.firstObject(in: reply) }
}
