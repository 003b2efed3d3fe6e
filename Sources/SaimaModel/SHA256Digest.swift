import CLibCrypto
import Foundation

/// SHA-256 of bytes, as lower-case hex, computed by the system's OpenSSL libcrypto.
public enum SHA256Digest {
    public static func hex(_ data: some DataProtocol) -> String {
        let bytes = Array(data)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            _ = SHA256(input.baseAddress, input.count, &digest)
        }
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    public static func hex(_ text: String) -> String { hex(Data(text.utf8)) }
}
