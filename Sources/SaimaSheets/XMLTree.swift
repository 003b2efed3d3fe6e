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
        for c in children {
            if c.localName == local { out.append(c) }
            out += c.descendants(local)
        }
        return out
    }

    /// The attribute with this local name (any prefix).
    func attribute(_ local: String) -> String? {
        attributes.first { ($0.key.split(separator: ":").last ?? Substring($0.key)) == local }?.value
    }

    /// Parses `data`; nil when it is not well-formed XML.
    static func parse(_ data: Data) -> XMLElementNode? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:])
        {
            let node = XMLElementNode(name: elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
    }
}
