import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import SaimaStorage

/// Counts what a test endpoint saw: requests per prompt, concurrency, headers.
actor EndpointLog {
    var requestsByPrompt: [String: Int] = [:]
    var times: [String: [Date]] = [:]
    var inFlight = 0
    var maxInFlight = 0
    var authorizations: [String] = []
    var bodies: [JSONValue] = []

    func begin(prompt: String, authorization: String?, body: JSONValue) -> Int {
        requestsByPrompt[prompt, default: 0] += 1
        times[prompt, default: []].append(Date())
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        if let authorization { authorizations.append(authorization) }
        bodies.append(body)
        return requestsByPrompt[prompt]!
    }

    func end() { inFlight -= 1 }
}

/// A run of a few in-memory items against a real local server, stored in a temporary run folder.
struct RunnerHarness {
    let folder = NSTemporaryDirectory() + "saima-run-" + UUID().uuidString

    static func track(prompts: [String], type: ItemType = .shortAnswer) -> Track {
        let items = prompts.enumerated().map { index, prompt in
            Item(id: "i\(index)", type: type, prompt: prompt, answer: .texts(["x"]), raw: .null, line: index + 1)
        }
        let set = QuestionSet(
            id: "s", trackID: "t", file: "s.jsonl", path: "/dev/null", trackDirectory: "/tmp",
            pilotUnit: LocalizedText(zh: "测试", en: "Test"), split: .dev, weight: 1, items: ItemList(items), contentHash: "")
        return Track(
            id: "t", name: LocalizedText(zh: "测试", en: "Test"), description: LocalizedText(zh: "", en: ""),
            weight: 1, questionSets: [set], datasets: [], directories: [])
    }

    static func submission(_ server: LocalEndpointServer, team: String = "team", concurrency: Int = 4,
                           timeout: Double = 5, keyEnv: String? = nil, stream: Bool = false, model: String = "m",
                           requestsPerMinute: Double? = nil) -> Submission
    {
        Submission(
            id: team, team: LocalizedText(zh: team, en: team), contact: nil, tracks: ["t"],
            endpoint: EndpointSettings(
                baseURL: server.baseURL, model: model, apiKeyEnv: keyEnv, maxConcurrency: concurrency,
                requestsPerMinute: requestsPerMinute, timeoutSeconds: timeout, connectTimeoutSeconds: 2, stream: stream),
            path: "")
    }

    /// Runs `prompts` for the submissions and returns the stored results keyed by prompt.
    func run(
        prompts: [String], submissions: [Submission], options: RunnerOptions = RunnerOptions(
            retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05)),
        environment: @escaping @Sendable (String) -> String? = { _ in nil }
    ) async throws -> [String: ItemResult] {
        let track = Self.track(prompts: prompts)
        let store = try RunStore(folder: folder)
        let plans = RunPlanner.plan(
            registry: [track], submissions: submissions, trackFilter: nil, split: .dev, samples: 1,
            existing: try store.currentOutcomes(), retryFailed: false)
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        let runner = RoundRunner(
            transport: transport, writer: try ResultWriter(store: store), options: options, environment: environment)
        _ = try await runner.run(plans)
        var byPrompt: [String: ItemResult] = [:]
        for result in try store.currentResults() {
            let index = Int(result.key.item.dropFirst())!
            byPrompt[submissions.count > 1 ? "\(result.key.team):\(prompts[index])" : prompts[index]] = result
        }
        return byPrompt
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The text of the last user message of a chat request body.
    static func prompt(of body: JSONValue) -> String {
        guard let content = body["messages"]?.arrayValue?.last?["content"]?.stringValue else { return "" }
        return String(content.split(separator: "\n").first ?? "")
    }
}
