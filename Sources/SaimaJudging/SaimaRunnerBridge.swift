import SaimaModel
import SaimaRunner

/// The runner's prompt layout, reused so judges see exactly what contestants saw.
enum SaimaRunnerBridge {
    static func userText(item: Item, track: Track) -> String {
        ChatRequestBuilder(track: track).userText(for: item)
    }
}
