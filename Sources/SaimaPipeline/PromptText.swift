import SaimaModel
import SaimaRunner

/// The text a contestant's model was sent for an item, as one string: the system message, the history and the user
/// message (`ChatRequestBuilder`), joined by blank lines. Choice readings leave out what a reply copied from it.
enum PromptText {
    static func of(_ item: Item, track: Track) -> String {
        var parts: [String] = []
        if let system = item.system { parts.append(system) }
        for turn in item.messages { parts.append(turn.content) }
        parts.append(ChatRequestBuilder(track: track).userText(for: item))
        return parts.joined(separator: "\n\n")
    }
}
