import CLibCrypto
public import Foundation

/// SHA-256 of bytes, as lower-case hex, computed by the system's OpenSSL libcrypto.
public enum SHA256Digest {
    public static func hex(_ data: some DataProtocol) -> String { hex(bytes: Array(data)) }

    /// Lower-case hex SHA-256 of a byte array (no copy).
    public static func hex(bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            _ = SHA256(input.baseAddress, input.count, &digest)
        }
        return hexString(digest)
    }

    /// Lower-case hex of bytes.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex(_ text: String) -> String { hex(Data(text.utf8)) }
}
