import Foundation
import SaimaBase
import SaimaModel
import Yams

/// Reads a YAML file into nodes that remember their line, and reports problems as `path:line`.
struct YAMLReader {
    let path: String

    /// Parses the file's single document; syntax errors become a diagnostic at the reported line.
    func readDocument(into diagnostics: inout [Diagnostic]) -> Node? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "file not found or unreadable"))
            return nil
        }
        guard data.count <= Self.maxBytes else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "file is larger than \(Self.maxBytes / 1_048_576) MiB / 文件过大"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "file is not valid UTF-8"))
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.append(Diagnostic(path: path, line: 1, message: "the YAML document is empty"))
                return nil
            }
            // Aliases are expanded by reference while composing; counting the expanded tree with a budget
            // stops an alias bomb (billion laughs) before anything walks or copies it.
            var budget = Self.maxExpandedNodes
            guard Self.fits(node, budget: &budget) else {
                diagnostics.append(Diagnostic(
                    path: path, line: node.line,
                    message: "the document expands to more than \(Self.maxExpandedNodes) values (anchors and aliases?) / YAML 展开后过大"))
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, path: path))
        } catch {
            diagnostics.append(Diagnostic(path: path, line: 0, message: "malformed YAML: \(error)"))
        }
        return nil
    }

    /// Largest YAML input file read.
    static let maxBytes = 4 << 20
    /// Largest number of values a document may hold once its aliases are expanded.
    static let maxExpandedNodes = 200_000

    /// Whether the tree, aliases expanded, has at most `budget` nodes (stops counting as soon as it has not).
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .mapping(let m):
            for (k, v) in m where !fits(k, budget: &budget) || !fits(v, budget: &budget) { return false }
            return true
        case .sequence(let s):
            for v in s where !fits(v, budget: &budget) { return false }
            return true
        }
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(path: path, line: mark.line, message: "malformed YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                path: path, line: context.mark.line,
                message: "malformed YAML: duplicated keys \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(path: path, line: 0, message: "malformed YAML: \(error)")
        }
    }
}

/// A YAML mapping with typed, located accessors; every problem is appended to `diagnostics`.
struct YAMLMapping {
    let node: Node
    let path: String
    let pairs: [(key: String, value: Node)]

    /// Wraps `node` if it is a mapping; otherwise reports `what` must be a mapping.
    init?(_ node: Node, path: String, what: String, diagnostics: inout [Diagnostic]) {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(Diagnostic(path: path, line: node.line, message: "\(what) must be a mapping"))
            return nil
        }
        self.node = node
        self.path = path
        self.pairs = mapping.map { (key: $0.key.string ?? "", value: $0.value) }
    }

    var line: Int { node.line }

    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func line(of key: String) -> Int { self[key]?.line ?? line }

    func string(_ key: String, required: Bool, diagnostics: inout [Diagnostic]) -> String? {
        guard let value = self[key] else {
            if required { diagnostics.append(missing(key)) }
            return nil
        }
        guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
            diagnostics.append(Diagnostic(path: path, line: value.line, message: "`\(key)` must be a non-empty text"))
            return nil
        }
        return scalar.string
    }

    /// A finite number in `minimum...maximum`; anything else is a located error and gives `fallback`.
    func number(
        _ key: String, default fallback: Double, minimum: Double = 0, maximum: Double = 1e9,
        diagnostics: inout [Diagnostic]
    ) -> Double {
        guard let value = self[key] else { return fallback }
        guard let n = value.float ?? value.int.map(Double.init), n.isFinite, n >= minimum, n <= maximum else {
            diagnostics.append(Diagnostic(
                path: path, line: value.line,
                message: "`\(key)` must be a number from \(JSONValue.format(number: minimum)) to \(JSONValue.format(number: maximum))"))
            return fallback
        }
        return n
    }

    /// A whole number in `range`; anything else (a fraction, `1e19`, text) is a located error and gives
    /// `fallback`. Never traps, whatever the file says.
    func integer(_ key: String, default fallback: Int, range: ClosedRange<Int>, diagnostics: inout [Diagnostic]) -> Int {
        guard let value = self[key] else { return fallback }
        guard let n = value.int, range.contains(n) else {
            diagnostics.append(Diagnostic(
                path: path, line: value.line,
                message: "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return fallback
        }
        return n
    }

    /// A whole number from 0 to `UInt64.max` (a seed): what `--seed` accepts, exactly. Decimal digits are read as
    /// they are; other YAML integer forms (`0x2A`, `1_000`) as YAML reads them, up to `Int.max`.
    func unsigned64(_ key: String, default fallback: UInt64, diagnostics: inout [Diagnostic]) -> UInt64 {
        guard let value = self[key] else { return fallback }
        if let n = value.int, n >= 0 { return UInt64(n) }
        guard case .scalar(let scalar) = value, let n = UInt64(scalar.string) else {
            diagnostics.append(Diagnostic(
                path: path, line: value.line, message: "`\(key)` must be a whole number from 0 to \(UInt64.max)"))
            return fallback
        }
        return n
    }

    func optionalNumber(_ key: String, minimum: Double, maximum: Double = 1e9, diagnostics: inout [Diagnostic])
        -> Double?
    {
        guard self[key] != nil else { return nil }
        return number(key, default: minimum, minimum: minimum, maximum: maximum, diagnostics: &diagnostics)
    }

    func bool(_ key: String, default fallback: Bool, diagnostics: inout [Diagnostic]) -> Bool {
        guard let value = self[key] else { return fallback }
        guard let b = value.bool else {
            diagnostics.append(Diagnostic(path: path, line: value.line, message: "`\(key)` must be true or false"))
            return fallback
        }
        return b
    }

    /// `{zh: ..., en: ...}`; a plain string is accepted as both.
    func localized(_ key: String, required: Bool, diagnostics: inout [Diagnostic]) -> LocalizedText? {
        guard let value = self[key] else {
            if required { diagnostics.append(missing(key)) }
            return nil
        }
        if case .scalar(let s) = value { return LocalizedText(zh: s.string, en: s.string) }
        guard let m = YAMLMapping(value, path: path, what: "`\(key)`", diagnostics: &diagnostics) else { return nil }
        let zh = m.string("zh", required: true, diagnostics: &diagnostics) ?? ""
        let en = m.string("en", required: false, diagnostics: &diagnostics) ?? zh
        return LocalizedText(zh: zh, en: en)
    }

    func sequence(_ key: String, diagnostics: inout [Diagnostic]) -> [Node] {
        guard let value = self[key] else { return [] }
        guard case .sequence(let seq) = value else {
            diagnostics.append(Diagnostic(path: path, line: value.line, message: "`\(key)` must be a list"))
            return []
        }
        return Array(seq)
    }

    func stringList(_ key: String, diagnostics: inout [Diagnostic]) -> [String] {
        sequence(key, diagnostics: &diagnostics).compactMap { node in
            guard let s = node.string, !s.isEmpty else {
                diagnostics.append(Diagnostic(path: path, line: node.line, message: "`\(key)` must list texts"))
                return nil
            }
            return s
        }
    }

    /// Reports keys that are not in `known` (typos should not pass silently).
    func rejectUnknownKeys(_ known: Set<String>, what: String, diagnostics: inout [Diagnostic]) {
        for (key, value) in pairs where !known.contains(key) {
            diagnostics.append(
                Diagnostic(
                    path: path, line: value.line,
                    message: "unknown field `\(key)` in \(what) (known: \(known.sorted().joined(separator: ", ")))"))
        }
    }

    func missing(_ key: String) -> Diagnostic {
        Diagnostic(path: path, line: line, message: "missing field `\(key)`")
    }

    /// Converts a YAML subtree to JSON (for `extra_body`).
    static func json(from node: Node) -> JSONValue {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                if node.null != nil { return .null }
                if let b = node.bool { return .bool(b) }
                if let i = node.int { return .number(Double(i)) }
                if let f = node.float { return .number(f) }
            }
            return .string(s.string)
        case .mapping(let m):
            var o: [String: JSONValue] = [:]
            for (k, v) in m { o[k.string ?? ""] = json(from: v) }
            return .object(o)
        case .sequence(let s): return .array(s.map(json(from:)))
        case .alias: return .null
        }
    }
}

extension Node {
    /// 1-based line where the node starts (Yams marks are 1-based).
    var line: Int { mark?.line ?? 0 }
}
