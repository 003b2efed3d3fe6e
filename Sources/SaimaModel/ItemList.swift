import Foundation
import Synchronization

/// A question set's items, in file order: held in memory, or — for a long run — read back one at a time from a
/// private copy of the lines they were parsed from.
///
/// It is a source, not a collection: reading an item is an explicit `try item(at:)` (or `try all()` for every item
/// once), because on demand each read is file I/O and a JSON parse, and it can fail. Ids, counts and traits are
/// held in memory and cost nothing to read.
///
/// On demand, an item costs 33 bytes of memory (its id, and where its line lies in the copy) instead of about 500
/// (its parsed fields and canonical text): 100,000 items are 3 MB, not 50. Reading an item back parses the canonical
/// text of the line that was parsed and checked when the set was loaded — the same value — so it gives the same
/// `Item`. The copy is an unlinked temporary file that only this process can see, so no later edit of the question
/// file can change what a run asks or scores. Items whose parsing depends on other files (attachments) stay in
/// memory.
public struct ItemList: Sendable, Hashable, ExpressibleByArrayLiteral {
    private enum Storage: Sendable {
        case resident([Item])
        case onDemand(ItemSpool)
    }

    private let storage: Storage

    public init(_ items: [Item]) { storage = .resident(items) }
    public init(arrayLiteral items: Item...) { storage = .resident(items) }
    package init(spool: ItemSpool) { storage = .onDemand(spool) }

    /// How many items the set has.
    public var count: Int {
        switch storage {
        case .resident(let items): items.count
        case .onDemand(let spool): spool.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// The items' positions, `0..<count`.
    public var indices: Range<Int> { 0..<count }

    /// The item at `position` (held, or read back from its private copy). Throws when the copy can no longer be
    /// read or parsed (the disk failed under the run): an answer must never be asked or scored against anything but
    /// the item that was checked.
    public func item(at position: Int) throws(ItemReadError) -> Item {
        switch storage {
        case .resident(let items): items[position]
        case .onDemand(let spool): try spool.item(at: position)
        }
    }

    /// Every item, in order, each read once.
    public func all() throws(ItemReadError) -> [Item] {
        switch storage {
        case .resident(let items): return items
        case .onDemand(let spool): return try indices.map { (i) throws(ItemReadError) in try spool.item(at: i) }
        }
    }

    /// The items at `positions`, in that order.
    public func items(at positions: [Int]) throws(ItemReadError) -> [Item] {
        try positions.map { (i) throws(ItemReadError) in try item(at: i) }
    }

    /// The id of the item at `position`, without reading the item back.
    public func id(at position: Int) -> String {
        switch storage {
        case .resident(let items): items[position].id
        case .onDemand(let spool): spool.ids[position]
        }
    }

    /// Every item's id, in order, without reading the items back.
    public var ids: [String] {
        switch storage {
        case .resident(let items): items.map(\.id)
        case .onDemand(let spool): spool.ids
        }
    }

    /// Positions of the items that have any of `traits`, in order, without reading any item back.
    public func positions(with traits: ItemTraits) -> [Int] {
        switch storage {
        case .resident(let items): items.indices.filter { !ItemTraits(of: items[$0]).isDisjoint(with: traits) }
        case .onDemand(let spool): spool.traits.indices.filter { !spool.traits[$0].isDisjoint(with: traits) }
        }
    }

    /// The items at `positions` (in that order), held the same way: on demand, the same private copy is shared.
    public func keeping(positions: [Int]) -> ItemList {
        switch storage {
        case .resident(let items): ItemList(positions.map { items[$0] })
        case .onDemand(let spool): ItemList(spool: spool.keeping(positions: positions))
        }
    }

    /// Whether items are read back from a private copy of their lines.
    public var isOnDemand: Bool {
        if case .onDemand = storage { return true }
        return false
    }

    /// Two lists are equal when they hold equal items in the same order; a list whose items cannot be read back
    /// equals no other.
    public static func == (a: ItemList, b: ItemList) -> Bool {
        if case .resident(let x) = a.storage, case .resident(let y) = b.storage { return x == y }
        guard a.count == b.count, a.ids == b.ids, let x = try? a.all(), let y = try? b.all() else { return false }
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for i in indices { hasher.combine(id(at: i)) }
    }
}

/// An item that could not be read back from its private copy: the run stops (its finished results are stored and
/// it resumes from them) rather than ask or score anything but the item that was checked.
public struct ItemReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var item: String
    public var reason: String
    public var description: String {
        "item \(item): \(reason) / 无法读回题目；已完成的结果已保存，可续跑 (finished results are stored; the run resumes from them)"
    }
}

/// What the checks made after loading look for in items (a cited dataset section, a named metric, the multi-choice
/// type), recorded as each item is read so that finding the few that have them reads back only those.
public struct ItemTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let citation = ItemTraits(rawValue: 1)
    public static let metric = ItemTraits(rawValue: 2)
    public static let multiChoice = ItemTraits(rawValue: 4)

    /// The traits `item` has.
    public init(of item: Item) {
        var traits: ItemTraits = []
        if item.citation != nil { traits.insert(.citation) }
        if item.metric != nil { traits.insert(.metric) }
        if item.type == .multiChoice { traits.insert(.multiChoice) }
        self = traits
    }
}

/// The private copy of the item lines of every set one load reads: an unlinked temporary file only this process
/// can see, written once while loading and read with `pread` (safe from any thread). One file per load, not per
/// set, so a contest with hundreds of sets holds one descriptor.
package final class SpoolFile: Sendable {
    let descriptor: Int32
    /// Bytes written so far.
    private let end = Mutex(0)

    /// A new private file, or nil when none can be made.
    package init?() {
        var template = Array((NSTemporaryDirectory() + "/saima-items-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        // Close-on-exec: child processes (the PDF converter) never inherit it.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        unlink(path)
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends `bytes`; returns the offset they start at, or nil when the write failed.
    func append(_ bytes: [UInt8]) -> Int? {
        end.withLock { end -> Int? in
            var done = 0
            let ok = bytes.withUnsafeBytes { raw -> Bool in
                while done < raw.count {
                    let n = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(end + done))
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return false }
                    done += n
                }
                return true
            }
            guard ok else { return nil }
            defer { end += bytes.count }
            return end
        }
    }

    /// `length` bytes at `offset`, or nil when they cannot be read.
    func read(offset: Int, length: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let n = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, length - done, off_t(offset + done))
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }
}

/// One question set's items in a `SpoolFile`: each item's canonical text, and the function that parses it again.
package final class ItemSpool: Sendable {
    /// Where an item's line lies in the file, or (`length` < 0) its position in `resident`.
    struct Span: Sendable {
        var offset: Int
        var length: Int32
        var line: Int32
    }

    let ids: [String]
    let traits: [ItemTraits]
    private let spans: [Span]
    private let resident: [Item]
    private let file: SpoolFile
    /// Parses an item's line again (the loader's own parser, with the set's settings).
    private let parse: @Sendable (ArraySlice<UInt8>, Int) -> Item?

    var count: Int { spans.count }

    /// Collects a set's items as a loader parses them.
    package final class Writer {
        private var ids: [String] = []
        private var traits: [ItemTraits] = []
        private var spans: [Span] = []
        private var resident: [Item] = []
        private var buffer: [UInt8] = []
        /// Spans from this one on point into `buffer` until it is written.
        private var firstBuffered = 0
        private let file: SpoolFile
        private var failed = false

        package init(file: SpoolFile) { self.file = file }

        package func reserveCapacity(_ n: Int) {
            ids.reserveCapacity(n)
            traits.reserveCapacity(n)
            spans.reserveCapacity(n)
        }

        /// Adds an item read from 1-based `line`, with `text` to copy (what parses back to it).
        package func add(_ item: Item, text: ArraySlice<UInt8>, line number: Int) {
            ids.append(item.id)
            traits.append(ItemTraits(of: item))
            if !item.attachments.isEmpty {
                spans.append(Span(offset: resident.count, length: -1, line: Int32(clamping: number)))
                resident.append(item)
                return
            }
            spans.append(Span(offset: buffer.count, length: Int32(clamping: text.count), line: Int32(clamping: number)))
            buffer.append(contentsOf: text)
            if buffer.count >= 1 << 20 { flush() }
        }

        private func flush() {
            defer {
                buffer.removeAll(keepingCapacity: true)
                firstBuffered = spans.count
            }
            guard !buffer.isEmpty else { return }
            guard let base = file.append(buffer) else {
                failed = true
                return
            }
            for i in firstBuffered..<spans.count where spans[i].length >= 0 { spans[i].offset += base }
        }

        /// The set's spool, or nil when its lines could not be written.
        package func finish(parse: @escaping @Sendable (ArraySlice<UInt8>, Int) -> Item?) -> ItemSpool? {
            flush()
            if failed { return nil }
            return ItemSpool(ids: ids, traits: traits, spans: spans, resident: resident, file: file, parse: parse)
        }
    }

    private init(ids: [String], traits: [ItemTraits], spans: [Span], resident: [Item], file: SpoolFile,
                 parse: @escaping @Sendable (ArraySlice<UInt8>, Int) -> Item?)
    {
        self.ids = ids
        self.traits = traits
        self.spans = spans
        self.resident = resident
        self.file = file
        self.parse = parse
    }

    /// A spool of the items at `positions`, sharing this one's copy and parser.
    func keeping(positions: [Int]) -> ItemSpool {
        ItemSpool(
            ids: positions.map { ids[$0] }, traits: positions.map { traits[$0] }, spans: positions.map { spans[$0] },
            resident: resident, file: file, parse: parse)
    }

    /// The item at `position`, parsed again from its copied line.
    func item(at position: Int) throws(ItemReadError) -> Item {
        let span = spans[position]
        if span.length < 0 { return resident[span.offset] }
        guard let bytes = file.read(offset: span.offset, length: Int(span.length)) else {
            throw ItemReadError(item: ids[position], reason: "cannot be read back from its private copy")
        }
        guard let item = parse(bytes[...], Int(span.line)) else {
            throw ItemReadError(item: ids[position], reason: "no longer parses from its private copy")
        }
        return item
    }
}
