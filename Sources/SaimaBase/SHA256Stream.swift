import CLibCrypto

/// SHA-256 over bytes fed piece by piece (libcrypto's EVP interface), for digests of more data than should be
/// held at once — a question set's canonical items, say. Same digest as `SHA256Digest.hex` of the concatenation.
public final class SHA256Stream {
    private let context: OpaquePointer?

    public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: some Sequence<UInt8>) {
        let done: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) }
        }
    }

    public func update(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) }
    }

    /// The digest as lower-case hex; the stream is finished afterwards.
    public func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        _ = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        return SHA256Digest.hexString(digest)
    }
}
