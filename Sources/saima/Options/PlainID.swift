import SaimaPipeline
/// The plain ids a folder and file name can carry.
enum PlainID {
    static func check(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
