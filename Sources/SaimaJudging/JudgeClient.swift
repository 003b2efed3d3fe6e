import Foundation
public import SaimaModel
public import SaimaRunner

/// Calls a judge endpoint through the runner's libcurl transport, with the same retry policy and
/// its own concurrency limit.
public final class JudgeClient: Sendable {
    public let endpoint: EndpointSettings
    let apiKey: String?
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let limiter: AsyncLimiter

    public init(endpoint: EndpointSettings, apiKey: String?, transport: any HTTPTransport,
                retry: RetryPolicy = RetryPolicy())
    {
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.transport = transport
        self.retry = retry
        self.limiter = AsyncLimiter(limit: endpoint.maxConcurrency)
    }

    /// The judge's reply text, or the outcome class of the last failed attempt.
    public func complete(_ messages: [JSONValue]) async throws -> Result<String, JudgeCallError> {
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
public struct JudgeCallError: Error, Sendable, Hashable {
    public var outcome: Outcome
    public var detail: String
}
