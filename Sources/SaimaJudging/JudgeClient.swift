import Foundation
package import SaimaBase
package import SaimaModel
package import SaimaRunner

/// Calls a judge endpoint through the runner's libcurl transport, with the same retry policy and
/// its own concurrency limit.
package final class JudgeClient: Sendable {
    package let endpoint: EndpointSettings
    let apiKey: String?
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let limiter: AsyncLimiter

    package init(endpoint: EndpointSettings, apiKey: String?, transport: any HTTPTransport,
                retry: RetryPolicy = RetryPolicy())
    {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
        self.retry = retry
        self.limiter = AsyncLimiter(limit: endpoint.maxConcurrency)
    }

    /// The judge's reply text, or the outcome class of the last failed attempt.
    package func complete(_ messages: [JSONValue]) async throws -> Result<String, JudgeCallError> {
        let request = HTTPRequest.chatCompletion(
            endpoint: endpoint, apiKey: apiKey, messages: messages, stream: false, maxResponseBytes: 1 << 20)
        var last = JudgeCallError(outcome: .connectError, detail: "not sent")
        for attempt in 1...retry.maxAttempts {
            try await limiter.acquire()
            let result = await transport.send(request, streaming: false)
            limiter.release()
            let classified = ChatResponseParser.classify(result, streamed: false)
            if classified.outcome == .ok, let content = classified.content { return .success(content) }
            last = JudgeCallError(outcome: classified.outcome, detail: classified.detail ?? "")
            guard classified.outcome.isRetryable, attempt < retry.maxAttempts else { break }
            try await Task.sleep(for: .seconds(retry.delay(afterAttempt: attempt, retryAfter: result.retryAfter)))
        }
        return .failure(last)
    }

    static func message(_ role: String, _ text: String) -> JSONValue {
        .object(["role": .string(role), "content": .string(text)])
    }
}

/// A judge call that failed at the transport or protocol level.
package struct JudgeCallError: Error, Sendable, Hashable {
    package var outcome: Outcome
    package var detail: String
}
