public import Foundation
public import SaimaModel
import Synchronization

/// Settings of one run that are not per team.
public struct RunnerOptions: Sendable {
    /// Global cap on transfers in flight across all teams.
    public var maxInFlight: Int
    public var retry: RetryPolicy
    /// Response bodies larger than this are aborted and recorded as `too_large`.
    public var maxResponseBytes: Int
    /// Stream every team's answers (per-submission `stream` applies otherwise).
    public var forceStream: Bool
    /// The organizer's ceiling on any request's total and connect timeouts, whatever a submission asks.
    public var timeoutCeilingSeconds: Double
    /// A team whose requests fail this many times in a row (attempts ending in connection failures or timeouts,
    /// with no HTTP answer between them: the endpoint is dead) is cut off: nothing more is sent to it, its remaining items are
    /// recorded as `cut_off` (an item cut off between retries keeps its last attempt's outcome), so a dead
    /// endpoint cannot keep the round from ending. 0 turns the cut-off off.
    public var maxConsecutiveFailures: Int

    public init(maxInFlight: Int = 256, retry: RetryPolicy = RetryPolicy(), maxResponseBytes: Int = 4 << 20,
                forceStream: Bool = false, timeoutCeilingSeconds: Double = 300, maxConsecutiveFailures: Int = 20)
    {
        self.maxInFlight = max(1, maxInFlight)
        self.retry = retry
        self.maxResponseBytes = maxResponseBytes
        self.forceStream = forceStream
        self.timeoutCeilingSeconds = max(0.001, timeoutCeilingSeconds)
        self.maxConsecutiveFailures = max(0, maxConsecutiveFailures)
    }
}

/// Calls every team's endpoint on every planned item, fairly and within limits, and stores each
/// final outcome as soon as it is known.
///
/// Fairness: each team has its own workers (as many as its `max_concurrency`), its own adaptive
/// in-flight limit and token bucket; all teams then queue first-come-first-served for the global
/// `maxInFlight` slots, so a slow team holds only its own slots and never starves the others.
public struct RoundRunner: Sendable {
    let transport: any HTTPTransport
    let writer: any ResultSink
    let options: RunnerOptions
    let onEvent: @Sendable (RunEvent) -> Void
    let environment: @Sendable (String) -> String?
    let drain: DrainSignal?

    public init(
        transport: any HTTPTransport, writer: any ResultSink, options: RunnerOptions,
        environment: @escaping @Sendable (String) -> String? = { ProcessInfo.processInfo.environment[$0] },
        drain: DrainSignal? = nil, onEvent: @escaping @Sendable (RunEvent) -> Void = { _ in }
    ) {
        self.drain = drain
        self.transport = transport
        self.writer = writer
        self.options = options
        self.environment = environment
        self.onEvent = onEvent
    }

    /// Runs the plans; returns when every request is stored or the task is cancelled (then
    /// everything finished so far is committed before it rethrows `CancellationError`), or throws `RunDrained` once a
    /// drain was asked for and the requests in flight are stored.
    public func run(_ plans: [TeamPlan]) async throws -> RunSummary {
        let started = MonotonicClock.nanoseconds()
        let global = FairShareLimiter(limit: options.maxInFlight, teams: plans.filter { !$0.work.isEmpty }.count)
        let tally = RunTally()
        var cancelled = false
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for plan in plans where !plan.work.isEmpty {
                    let workers = min(plan.submission.endpoint.maxConcurrency, plan.work.count)
                    global.register(team: plan.submission.id, workers: workers)
                }
                for plan in plans where !plan.work.isEmpty {
                    let team = TeamLane(plan: plan, options: options, onEvent: onEvent)
                    for _ in 0..<min(plan.submission.endpoint.maxConcurrency, plan.work.count) {
                        group.addTask {
                            defer { global.workerDone(team: plan.submission.id) }
                            while !(drain?.isDraining ?? false), let work = try await team.cursor.next() {
                                let result = team.isCutOff
                                    ? team.cutOffResult(work, after: options.maxConsecutiveFailures)
                                    : try await perform(work, lane: team, global: global)
                                writer.append(result)
                                await writer.waitForRoom()
                                tally.count(result)
                                onEvent(.finished(team: work.key.team, outcome: result.outcome, latencyMs: result.latencyMs))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch is CancellationError {
            cancelled = true
        } catch {
            // Any other failure (an item that cannot be read back): what finished is stored first, then it is thrown.
            _ = try? await writer.finish()
            throw error
        }
        let head = try await writer.finish()
        if cancelled { throw CancellationError() }
        if drain?.isDraining == true { throw RunDrained() }
        let t = tally.state.withLock { $0 }
        return RunSummary(
            outcomes: t.outcomes, requests: t.requests, attempts: t.attempts,
            seconds: Double(MonotonicClock.nanoseconds() &- started) / 1e9, chainHead: head)
    }

    /// Makes every attempt for one work item and returns its final record.
    func perform(_ work: WorkItem, lane: TeamLane, global: FairShareLimiter) async throws -> ItemResult {
        var endpoint = lane.endpoint
        endpoint.timeoutSeconds = min(endpoint.timeoutSeconds, options.timeoutCeilingSeconds)
        endpoint.connectTimeoutSeconds = min(endpoint.connectTimeoutSeconds, options.timeoutCeilingSeconds)
        let streaming = options.forceStream || endpoint.stream
        let promptHash: String
        let body: Data
        // An item that cannot be read back stops the run (thrown); nothing is asked against anything else.
        let item = try work.item()
        do {
            (body, promptHash) = try work.builder.request(for: item, endpoint: endpoint, stream: streaming)
        } catch {
            // An attachment vanished after validation: a harness-side problem, recorded, not sent.
            return ItemResult(
                key: work.key, outcome: .malformed, httpStatus: 0, attempts: [], latencyMs: 0,
                promptHash: "", templateVersion: PromptTemplates.version, detail: "request not built: \(error)")
        }
        // The key is read from the environment at request time and goes nowhere but this header.
        let request = HTTPRequest.chatCompletion(
            endpoint: endpoint, apiKey: endpoint.apiKeyEnv.flatMap(environment), body: body,
            maxResponseBytes: options.maxResponseBytes)

        var attempts: [AttemptRecord] = []
        var last: (HTTPResult, AttemptOutcome)?
        for attempt in 1...options.retry.maxAttempts {
            try await lane.concurrency.acquire()
            do {
                try await lane.bucket?.take()
                try await global.acquire(team: work.key.team)
            } catch {
                lane.concurrency.release(congested: false, succeeded: false, reason: "")
                throw error
            }
            // Cut off while this item waited: send nothing more (a retry ends with the last attempt's outcome).
            if lane.isCutOff {
                global.release(team: work.key.team)
                lane.concurrency.release(congested: false, succeeded: false, reason: "")
                if last == nil { return lane.cutOffResult(work, after: options.maxConsecutiveFailures) }
                break
            }
            let result = await transport.send(request, streaming: streaming)
            global.release(team: work.key.team)
            let classified = ChatResponseParser.classify(result, streamed: streaming)
            lane.record(classified.outcome, limit: options.maxConsecutiveFailures, onEvent: onEvent)
            let congested = classified.outcome == .rateLimited || classified.outcome == .timeout
            lane.concurrency.release(
                congested: congested, succeeded: classified.outcome == .ok, reason: classified.detail ?? "")
            if result.failure == .cancelled || Task.isCancelled { throw CancellationError() }
            attempts.append(
                AttemptRecord(status: result.status, outcome: classified.outcome, latencyMs: result.totalSeconds * 1000,
                              detail: classified.detail))
            last = (result, classified)
            guard classified.outcome.isRetryable, attempt < options.retry.maxAttempts else { break }
            let wait = options.retry.delay(afterAttempt: attempt, retryAfter: result.retryAfter)
            try await Task.sleep(for: .seconds(wait))
        }
        let (result, classified) = last!
        return ItemResult(
            key: work.key, outcome: classified.outcome, httpStatus: result.status, attempts: attempts,
            latencyMs: result.totalSeconds * 1000, ttftMs: result.firstContentSeconds.map { $0 * 1000 },
            content: classified.content, rawResponse: Self.excerpt(result.body), promptHash: promptHash,
            templateVersion: PromptTemplates.version, usage: classified.usage.map { ($0.promptTokens, $0.completionTokens) },
            detail: classified.detail)
    }

    /// The start of a body for diagnosis: at most `ItemResult.rawResponseCap` bytes, invalid UTF-8 replaced.
    static func excerpt(_ body: Data) -> String? {
        guard !body.isEmpty else { return nil }
        return String(decoding: body.prefix(ItemResult.rawResponseCap), as: UTF8.self)
    }
}

/// Outcome counts per team, shared by all workers.
final class RunTally: Sendable {
    let state = Mutex<(outcomes: [String: [Outcome: Int]], requests: Int, attempts: Int)>(([:], 0, 0))

    func count(_ result: ItemResult) {
        state.withLock {
            $0.outcomes[result.key.team, default: [:]][result.outcome, default: 0] += 1
            $0.requests += 1
            $0.attempts += result.attempts.count
        }
    }
}

/// One team's share of the runner: its work cursor, adaptive limit and rate limit.
final class TeamLane: Sendable {
    let endpoint: EndpointSettings
    let cursor: any WorkSource
    let concurrency: AdaptiveConcurrency
    let bucket: TokenBucket?

    init(plan: TeamPlan, options: RunnerOptions, onEvent: @escaping @Sendable (RunEvent) -> Void) {
        endpoint = plan.submission.endpoint
        cursor = plan.source ?? WorkCursor(plan.work)
        concurrency = AdaptiveConcurrency(
            team: plan.submission.id, maximum: plan.submission.endpoint.maxConcurrency,
            log: { [team = plan.submission.id] in onEvent(.limitChanged(team: team, line: $0)) })
        bucket = plan.submission.endpoint.requestsPerMinute.map { TokenBucket(requestsPerMinute: $0) }
    }

    /// Consecutive failed attempts, and whether the team has been cut off.
    private let failures = Mutex<(streak: Int, cutOff: Bool)>((0, false))

    var isCutOff: Bool { failures.withLock { $0.cutOff } }

    /// Counts an attempt's outcome toward the cut-off: timeouts and connection failures (no live server)
    /// extend the streak; any HTTP answer — even a 500 for one kind of item — ends it.
    func record(_ outcome: Outcome, limit: Int, onEvent: @Sendable (RunEvent) -> Void) {
        guard outcome != .cutOff, limit > 0 else { return }
        let justCut: Bool = failures.withLock { f in
            if outcome == .timeout || outcome == .connectError { f.streak += 1 } else { f.streak = 0 }
            guard !f.cutOff, f.streak >= limit else { return false }
            f.cutOff = true
            return true
        }
        if justCut {
            onEvent(.log("\(endpoint.model): team cut off after \(limit) consecutive failed requests; its remaining items are recorded as cut_off / 连续失败，停止向该队发送"))
        }
    }

    /// The record of an item not sent because the team was cut off.
    func cutOffResult(_ work: WorkItem, after limit: Int) -> ItemResult {
        ItemResult(
            key: work.key, outcome: .cutOff, httpStatus: 0, attempts: [], latencyMs: 0, promptHash: "",
            templateVersion: PromptTemplates.version,
            detail: "not sent: the team's endpoint failed \(limit) requests in a row / 该队端点连续失败，未发送")
    }
}

/// Hands out a team's work items one at a time to its workers.
final class WorkCursor: WorkSource {
    private let work: [WorkItem]
    private let index = Atomic<Int>(0)

    init(_ work: [WorkItem]) { self.work = work }

    func next() -> WorkItem? {
        let i = index.add(1, ordering: .relaxed).oldValue
        return i < work.count ? work[i] : nil
    }
}
