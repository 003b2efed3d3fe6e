package import SaimaBase
import SaimaModel
/// What a judge talks to: a chat endpoint that answers a list of messages with text. In service it is a
/// `JudgeClient` over the runner's libcurl transport; a test can script one.
package protocol JudgeChat: Sendable {
    /// The judge model's name (part of every verdict's cache key).
    var model: String { get }
    /// How many calls may be in flight at once.
    var maxConcurrency: Int { get }
    /// The judge's reply text, or the outcome class of the last failed attempt.
    func complete(_ messages: [JSONValue]) async throws -> Result<String, JudgeCallError>
}

extension JudgeClient: JudgeChat {
    package var model: String { endpoint.model }
    package var maxConcurrency: Int { endpoint.maxConcurrency }
}
