import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small XML element tree (the parts of an .xlsx file are small XML documents), built with Foundation's
/// `XMLParser`. Element names keep their prefix (`r:id`); text is the concatenated character data.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Direct children with this local name (any namespace prefix).
    func children(_ local: String) -> [XMLElementNode] { children.filter { $0.localName == local } }

    func child(_ local: String) -> XMLElementNode? { children.first { $0.localName == local } }

    var localName: Substring { name.split(separator: ":").last ?? Substring(name) }

    /// Every descendant with this local name, in document order.
    func descendants(_ local: String) -> [XMLElementNode] {
        var out: [XMLElementNode] = []
        var pending: [XMLElementNode] = children.reversed()
        while let c = pending.popLast() {
            if c.localName == local { out.append(c) }
            pending.append(contentsOf: c.children.reversed())
        }
        return out
    }

    /// The attribute with this local name (any prefix).
    func attribute(_ local: String) -> String? {
        attributes.first { ($0.key.split(separator: ":").last ?? Substring($0.key)) == local }?.value
    }

    /// Why a part could not be read.
    enum Failure: Error {
        case malformed
        case tooDeep(Int)
        case tooManyElements(Int)
    }

    /// Parses `data` within the element and depth limits.
    static func parse(_ data: Data, limits: SheetLimits = .standard) -> Result<XMLElementNode, Failure> {
        // Only valid UTF-8 without NUL reaches the parser: FoundationXML traps on some invalid names (found by the fuzz
        // run), and a workbook's parts are UTF-8.
        guard !data.contains(0), String(validating: data, as: UTF8.self) != nil else { return .failure(.malformed) }
        let builder = Builder(limits: limits)
        let parser = XMLParser(data: data)
        parser.delegate = builder
        let ok = parser.parse()
        if let exceeded = builder.exceeded { return .failure(exceeded) }
        guard ok, let root = builder.root else { return .failure(.malformed) }
        return .success(root)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        let limits: SheetLimits
        var count = 0
        var exceeded: Failure?

        init(limits: SheetLimits) { self.limits = limits }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:])
        {
            guard exceeded == nil else { return }
            count += 1
            if stack.count >= limits.depth || count > limits.elements {
                exceeded = stack.count >= limits.depth ? .tooDeep(limits.depth) : .tooManyElements(limits.elements)
                parser.abortParsing()
                return
            }
            let node = XMLElementNode(name: elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard exceeded == nil else { return }
            stack.last?.text += string
        }
    }
}
