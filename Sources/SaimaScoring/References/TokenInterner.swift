/// Gives each distinct token a dense id `0, 1, 2, …` in order of first appearance, so that the inner loops
/// of LCS and n-gram counting compare integers instead of strings.
struct TokenInterner<Token: Hashable> {
    private(set) var ids: [Token: Int32] = [:]

    /// The number of distinct tokens seen so far; every id is below it.
    var count: Int { ids.count }

    /// The id of `token`, assigning the next free id on first sight.
    mutating func id(_ token: Token) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(ids.count)
        ids[token] = id
        return id
    }

    /// The ids of a token sequence.
    mutating func ids(_ tokens: some Sequence<Token>) -> [Int32] { tokens.map { id($0) } }
}
