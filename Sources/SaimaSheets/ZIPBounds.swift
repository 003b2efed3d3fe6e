/// Checks, before ZIPFoundation reads an archive, that every entry's stored data lies inside the file: ZIPFoundation
/// reads an entry until its central directory's compressed size is consumed, and an entry whose size runs past the end
/// of the file made it loop forever at end of file (found by the fuzz run's xlsx target).
///
/// Reads the end-of-central-directory record (searched in the last 65,557 bytes), then each central directory entry's
/// compressed size and local header offset, and the local header's name and extra lengths: the data must end at or
/// before the end of the file. Returns the names of the entries that do not (empty when all do, or when the directory
/// cannot be found, which ZIPFoundation then reports itself).
enum ZIPBounds {
    static func overruns(_ d: [UInt8]) -> [String] {
        let n = d.count
        func u16(_ i: Int) -> Int { i + 2 <= n ? Int(d[i]) | Int(d[i + 1]) << 8 : -1 }
        func u32(_ i: Int) -> Int { i + 4 <= n ? Int(d[i]) | Int(d[i + 1]) << 8 | Int(d[i + 2]) << 16 | Int(d[i + 3]) << 24 : -1 }
        var eocd = -1
        var i = n - 22
        while i >= max(0, n - 65_557) {
            if u32(i) == 0x0605_4b50 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { return [] }
        let entries = u16(eocd + 10)
        var p = u32(eocd + 16)
        var bad: [String] = []
        for _ in 0..<max(0, entries) {
            guard p >= 0, u32(p) == 0x0201_4b50 else { return bad.isEmpty ? ["central directory"] : bad }
            let compressed = u32(p + 20)
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let local = u32(p + 42)
            guard nameLength >= 0, extraLength >= 0, commentLength >= 0, p + 46 + nameLength <= n else { return bad + ["central directory"] }
            let name = String(decoding: d[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            if compressed < 0 || local < 0 || local + 30 > n || u32(local) != 0x0403_4b50 {
                bad.append(name)
            } else {
                let dataStart = local + 30 + max(0, u16(local + 26)) + max(0, u16(local + 28))
                if dataStart + compressed > n { bad.append(name) }
            }
            p += 46 + nameLength + extraLength + commentLength
        }
        return bad
    }
}
