import CCurl
import Foundation
import SaimaBase
/// The state of one transfer while libcurl works on it.
///
/// Ownership: the caller creates it and hands it to the loop thread through the transport's locked
/// inbox; from then on only the loop thread (and libcurl's callbacks, which run on that thread)
/// touches it, until the loop resumes `continuation` and drops it. That hand-off is why it may be
/// `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    let id: UInt64
    let request: HTTPRequest
    let streaming: Bool
    var continuation: CheckedContinuation<HTTPResult, Never>?
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var response = Data()
    var exceeded = false
    var retryAfter: String?
    var started: UInt64 = 0
    var firstByte: UInt64?
    var firstContent: UInt64?
    var firstToken = FirstTokenDetector()

    init(id: UInt64, request: HTTPRequest, streaming: Bool, continuation: CheckedContinuation<HTTPResult, Never>) {
        self.id = id
        self.request = request
        self.streaming = streaming
        self.continuation = continuation
    }

    /// Appends body bytes; returns false (abort) past the size cap.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let now = MonotonicClock.nanoseconds()
        if firstByte == nil { firstByte = now }
        if response.count + bytes.count > request.maxResponseBytes {
            exceeded = true
            return false
        }
        if streaming, firstContent == nil, firstToken.feed(bytes) { firstContent = now }
        response.append(contentsOf: bytes)
        return true
    }

    /// Notes the headers the runner cares about.
    func receiveHeader(_ line: String) {
        let lower = line.lowercased()
        if lower.hasPrefix("retry-after:") {
            retryAfter = String(line.dropFirst("retry-after:".count)).trimmed
        } else if lower.hasPrefix("http/") {
            retryAfter = nil  // a new response (after a redirect or 100-continue) starts
        }
    }

    func result(status: Int, failure: HTTPResult.Failure?) -> HTTPResult {
        let end = MonotonicClock.nanoseconds()
        func seconds(_ t: UInt64?) -> Double? { t.map { Double($0 &- started) / 1e9 } }
        return HTTPResult(
            status: status, body: response, retryAfter: retryAfter, failure: failure,
            totalSeconds: Double(end &- started) / 1e9, firstByteSeconds: seconds(firstByte),
            firstContentSeconds: seconds(firstContent))
    }
}

/// Monotonic time for latency measurement.
enum MonotonicClock {
    static func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

// libcurl callbacks. They are file-scope functions of a library target on purpose: libcurl calls
// them on the loop thread, and code in an executable's top level would be main-actor isolated.

func curlWriteCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                       _ userdata: UnsafeMutableRawPointer?) -> Int
{
    guard let data, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    return transfer.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

func curlHeaderCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                        _ userdata: UnsafeMutableRawPointer?) -> Int
{
    guard let data, let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    let bytes = UnsafeRawBufferPointer(start: data, count: length)
    transfer.receiveHeader(String(decoding: bytes, as: UTF8.self))
    return length
}
