import CCurl
import Foundation
import Synchronization

/// The runner's HTTP transport: every transfer of a run on one dedicated thread that drives
/// libcurl's multi interface; each `send` is an async call resumed when its transfer finishes.
///
/// Connections are kept alive and reused per host from the multi handle's cache; easy handles
/// are pooled. Nothing here blocks a Swift task: callers enqueue under a lock and wake the loop
/// with `curl_multi_wakeup`, the one multi call libcurl allows from other threads.
public final class CurlMultiTransport: HTTPTransport {
    private let shared: LoopShared

    /// - Parameter maxConnections: size of the connection cache (`CURLMOPT_MAXCONNECTS`).
    public init(maxConnections: Int = 1024) {
        precondition(CurlGlobal.initialized, "curl_global_init failed")
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        _ = saima_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxConnections)
        shared = LoopShared(multi: multi)
        let shared = self.shared
        let thread = Thread { CurlLoop(shared: shared).run() }
        thread.name = "saima-curl-loop"
        thread.start()
    }

    deinit { shutdown() }

    /// Stops the loop thread; transfers still in flight end as `cancelled`. Safe to call twice.
    public func shutdown() {
        shared.inbox.withLock { inbox in
            inbox.stop = true
            shared.wakeLocked(inbox)
        }
    }

    /// The linked libcurl, for reports and benchmarks.
    public static var libcurlVersion: String { CurlGlobal.versionText }

    public func send(_ request: HTTPRequest, streaming: Bool) async -> HTTPResult {
        let id = shared.nextID.add(1, ordering: .relaxed).newValue
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let transfer = CurlTransfer(id: id, request: request, streaming: streaming, continuation: continuation)
                let accepted = shared.inbox.withLock { inbox in
                    guard !inbox.closed else { return false }
                    inbox.adds.append(transfer)
                    if inbox.polling { shared.wakeLocked(inbox) }
                    return true
                }
                if !accepted {
                    transfer.started = MonotonicClock.nanoseconds()
                    continuation.resume(returning: transfer.result(status: 0, failure: .cancelled))
                }
            }
        } onCancel: {
            shared.inbox.withLock { inbox in
                inbox.cancels.insert(id)
                shared.wakeLocked(inbox)
            }
        }
    }
}

/// What callers and the loop thread share: the locked inbox and the multi handle, which other
/// threads use only for `curl_multi_wakeup`.
final class LoopShared: Sendable {
    struct Inbox {
        var adds: [CurlTransfer] = []
        var cancels: Set<UInt64> = []
        var stop = false
        /// The loop is in (or about to enter) `curl_multi_poll` and must be woken for new work.
        var polling = false
        /// The loop has ended and the multi handle is gone: nothing may use it any more.
        var closed = false
    }

    let inbox = Mutex(Inbox())
    let nextID = Atomic<UInt64>(0)
    nonisolated(unsafe) let multi: UnsafeMutableRawPointer

    init(multi: UnsafeMutableRawPointer) { self.multi = multi }

    /// Wakes the loop. Called with the inbox lock held, so that it can never race the loop's
    /// cleanup of the multi handle (which happens after `closed` is set under the same lock).
    func wakeLocked(_ inbox: Inbox) {
        if !inbox.closed { curl_multi_wakeup(multi) }
    }
}

/// The loop that owns the multi handle, the easy handles and the active transfers.
private final class CurlLoop {
    let shared: LoopShared
    var active: [UInt64: CurlTransfer] = [:]
    var pendingCancels: Set<UInt64> = []
    var idleHandles: [UnsafeMutableRawPointer] = []

    init(shared: LoopShared) { self.shared = shared }

    var multi: UnsafeMutableRawPointer { shared.multi }

    func run() {
        while true {
            let (adds, cancels, stop) = shared.inbox.withLock { inbox in
                defer {
                    inbox.adds.removeAll(keepingCapacity: true)
                    inbox.cancels.removeAll(keepingCapacity: true)
                }
                return (inbox.adds, inbox.cancels, inbox.stop)
            }
            pendingCancels.formUnion(cancels)
            for transfer in adds { start(transfer) }
            // A cancel may arrive before its transfer's add (a task cancelled before it sent):
            // unmatched cancels wait in `pendingCancels` until `start` sees the transfer.
            for id in pendingCancels {
                if let transfer = active[id] { finish(transfer, status: 0, failure: .cancelled) }
            }
            if stop { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            drainCompleted()
            // Callers wake the loop only while it polls: under load, new work is picked up on the
            // next turn without a wake-up syscall per request.
            let idle = shared.inbox.withLock { inbox in
                inbox.polling = inbox.adds.isEmpty && inbox.cancels.isEmpty && !inbox.stop
                return inbox.polling
            }
            if idle {
                var ready: Int32 = 0
                curl_multi_poll(multi, nil, 0, 1000, &ready)
                shared.inbox.withLock { $0.polling = false }
            }
        }
        // Close the inbox first: after this no caller touches the multi handle, and transfers that
        // arrived since the last turn are answered as cancelled.
        let late = shared.inbox.withLock { inbox -> [CurlTransfer] in
            inbox.closed = true
            defer { inbox.adds.removeAll() }
            return inbox.adds
        }
        for transfer in late {
            transfer.started = MonotonicClock.nanoseconds()
            transfer.continuation?.resume(returning: transfer.result(status: 0, failure: .cancelled))
        }
        for transfer in Array(active.values) { finish(transfer, status: 0, failure: .cancelled) }
        for handle in idleHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
    }

    private func start(_ transfer: CurlTransfer) {
        if pendingCancels.remove(transfer.id) != nil {
            transfer.started = MonotonicClock.nanoseconds()
            transfer.continuation?.resume(returning: transfer.result(status: 0, failure: .cancelled))
            return
        }
        guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
            transfer.continuation?.resume(returning: transfer.result(status: 0, failure: .other("curl_easy_init failed")))
            return
        }
        transfer.easy = easy
        configure(easy, for: transfer)
        active[transfer.id] = transfer
        transfer.started = MonotonicClock.nanoseconds()
        if curl_multi_add_handle(multi, easy) != CURLM_OK {
            finish(transfer, status: 0, failure: .other("curl_multi_add_handle failed"))
        }
    }

    private func configure(_ easy: UnsafeMutableRawPointer, for transfer: CurlTransfer) {
        let request = transfer.request
        let opaque = Unmanaged.passUnretained(transfer).toOpaque()
        _ = saima_easy_setopt_string(easy, CURLOPT_URL, request.url)
        _ = saima_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = saima_easy_setopt_long(easy, CURLOPT_POST, 1)
        _ = saima_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        request.body.withUnsafeBytes { raw in
            // COPYPOSTFIELDS copies the body, so it need not outlive this call.
            _ = saima_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers + ["Expect:"] { list = curl_slist_append(list, header) }
        transfer.headerList = list
        _ = saima_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list)
        _ = saima_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        _ = saima_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        _ = saima_easy_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxResponseBytes))
        let version = request.http2 ? CURL_HTTP_VERSION_2_0 : CURL_HTTP_VERSION_1_1
        _ = saima_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, version)
        _ = saima_easy_setopt_write_cb(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        _ = saima_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, opaque)
        _ = saima_easy_setopt_write_cb(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        _ = saima_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, opaque)
        _ = saima_easy_setopt_pointer(easy, CURLOPT_PRIVATE, opaque)
    }

    static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    private func drainCompleted() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            var privatePointer: UnsafeMutableRawPointer?
            _ = saima_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &privatePointer)
            guard let privatePointer else { continue }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(privatePointer).takeUnretainedValue()
            var status = 0
            _ = saima_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            finish(transfer, status: status, failure: Self.failure(for: code, transfer: transfer))
        }
    }

    static func failure(for code: CURLcode, transfer: CurlTransfer) -> HTTPResult.Failure? {
        switch code {
        case CURLE_OK: return nil
        case CURLE_OPERATION_TIMEDOUT: return .timeout
        case CURLE_FILESIZE_EXCEEDED: return .bodyTooLarge
        case CURLE_WRITE_ERROR where transfer.exceeded: return .bodyTooLarge
        case CURLE_PARTIAL_FILE: return .truncated
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_RECV_ERROR, CURLE_SEND_ERROR,
            CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR, CURLE_COULDNT_RESOLVE_PROXY:
            return .connection(String(cString: curl_easy_strerror(code)))
        default: return .other(String(cString: curl_easy_strerror(code)))
        }
    }

    /// Removes the transfer from the loop, recycles its easy handle and resumes its caller.
    private func finish(_ transfer: CurlTransfer, status: Int, failure: HTTPResult.Failure?) {
        active[transfer.id] = nil
        pendingCancels.remove(transfer.id)
        if let easy = transfer.easy {
            curl_multi_remove_handle(multi, easy)
            curl_easy_reset(easy)
            if idleHandles.count < 1024 { idleHandles.append(easy) } else { curl_easy_cleanup(easy) }
            transfer.easy = nil
        }
        if let list = transfer.headerList { curl_slist_free_all(list) }
        transfer.headerList = nil
        let continuation = transfer.continuation
        transfer.continuation = nil
        continuation?.resume(returning: transfer.result(status: status, failure: failure))
    }
}
