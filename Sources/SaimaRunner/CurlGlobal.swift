import CCurl
import Foundation

/// Process-wide libcurl set-up, done exactly once before any thread uses curl.
enum CurlGlobal {
    /// `curl_global_init` runs in this initializer; Swift runs a `static let` initializer once, thread-safely.
    static let initialized: Bool = {
        // libcurl with CURLOPT_NOSIGNAL no longer ignores SIGPIPE for us; a peer that resets a
        // connection must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    /// The linked libcurl's version text, e.g. "libcurl/7.88.1 OpenSSL/3.0.15 …".
    static var versionText: String { String(cString: curl_version()) }
}
