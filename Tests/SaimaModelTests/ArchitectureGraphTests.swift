import Foundation
import Testing

/// `ARCHITECTURE.md`'s target graph is the code's: its table lists, for every library and executable target, exactly the
/// project targets that `Package.swift` declares as dependencies, and those are exactly the project modules the
/// target's sources import (no undeclared import can compile, and no declared dependency goes unused).
struct ArchitectureGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Non-test targets of `Package.swift` and their dependencies on the project's own targets (`.product(…)` left out).
    static func packageGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var graph: [String: Set<String>] = [:]
        for opener in [".target(", ".executableTarget(", ".systemLibrary("] {
            var search = text.startIndex
            while let found = text.range(of: opener, range: search..<text.endIndex) {
                search = found.upperBound
                // The call's text, to its balancing parenthesis.
                var i = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found.upperBound.samePosition(in: text.unicodeScalars)!)
                var depth = 1
                var call: [Unicode.Scalar] = []
                while i < scalars.count, depth > 0 {
                    if scalars[i] == "(" { depth += 1 } else if scalars[i] == ")" { depth -= 1 }
                    if depth > 0 { call.append(scalars[i]) }
                    i += 1
                }
                let body = String(String.UnicodeScalarView(call))
                guard let name = Self.quoted(after: "name:", in: body).first else { continue }
                var deps: Set<String> = []
                if let d = body.range(of: "dependencies:") {
                    var list = String(body[d.upperBound...])
                    if let close = list.firstIndex(of: "]") { list = String(list[..<close]) }
                    // Drop `.product(name: "X", package: "Y")` entries: external packages are not drawn.
                    while let p = list.range(of: ".product("), let e = list[p.upperBound...].firstIndex(of: ")") {
                        list.removeSubrange(p.lowerBound...e)
                    }
                    deps = Set(Self.quoted(after: "", in: list))
                }
                graph[name] = deps
            }
        }
        return graph
    }

    /// Every string literal after `label` (all of them when `label` is empty).
    static func quoted(after label: String, in text: String) -> [String] {
        var rest = Substring(text)
        if !label.isEmpty {
            guard let r = text.range(of: label) else { return [] }
            rest = text[r.upperBound...]
        }
        var out: [String] = []
        let parts = rest.split(separator: "\"", omittingEmptySubsequences: false)
        for (n, part) in parts.enumerated() where n % 2 == 1 { out.append(String(part)) }
        return label.isEmpty ? out : Array(out.prefix(1))
    }

    /// The project modules imported by the Swift files under `Sources/<target>`.
    static func imports(of target: String, modules: Set<String>) throws -> Set<String> {
        let dir = root.appendingPathComponent("Sources").appendingPathComponent(target)
        var found: Set<String> = []
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        for case let url as URL in walker where url.pathExtension == "swift" {
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                    words[..<at].allSatisfy({ ["public", "package", "internal", "@testable", "@preconcurrency"].contains($0) })
                else { continue }
                if modules.contains(words[at + 1]) { found.insert(words[at + 1]) }
            }
        }
        return found
    }

    /// The table under `### Target graph (checked)` in ARCHITECTURE.md.
    static func documentedGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        guard let section = text.range(of: "### Target graph (checked)") else { return [:] }
        var graph: [String: Set<String>] = [:]
        // The table's rows follow its header and separator lines, after the note on how it is generated.
        let lines = text[section.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("| target ") }
        for line in lines.dropFirst(2) {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            graph[name] = cells[1] == "(none)" ? [] : Set(cells[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return graph
    }

    @Test func theDocumentedGraphIsPackageSwiftsAndTheSourcesImports() throws {
        let package = try Self.packageGraph()
        #expect(package["SaimaPipeline"]?.contains("SaimaScoring") == true, "Package.swift was read")
        let documented = try Self.documentedGraph()
        let modules = Set(package.keys)
        // System-library shims have no Swift sources and are not rows of the table.
        let swiftTargets = package.filter { !["CCurl", "CLibCrypto", "CMalloc"].contains($0.key) }
        #expect(Set(documented.keys) == Set(swiftTargets.keys), "ARCHITECTURE.md lists every target, and only those")
        for (target, deps) in swiftTargets.sorted(by: { $0.key < $1.key }) {
            #expect(documented[target] == deps, "\(target): ARCHITECTURE.md says \(documented[target]?.sorted() ?? []), Package.swift \(deps.sorted())")
            let imported = try Self.imports(of: target, modules: modules)
            #expect(imported == deps, "\(target): its sources import \(imported.sorted()), Package.swift declares \(deps.sorted())")
        }
    }

    /// The command line only parses, calls SaimaPipeline and prints: of the project's targets it imports the pipeline,
    /// and the portal it serves (`saima serve`), nothing else.
    @Test func theCommandLineImportsOnlyThePipelineAndThePortal() throws {
        let modules = Set(try Self.packageGraph().keys)
        #expect(try Self.imports(of: "saima", modules: modules) == ["SaimaPipeline", "SaimaPortal"])
    }
}
