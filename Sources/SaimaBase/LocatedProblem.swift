/// A problem at a place in what a user gave: `file.xlsx:Sheet1!C7`, `file.jsonl:12`, `file.json:example[3]`.
/// Kept as its two parts from where it is found to where it is printed, compiler style, as
/// `location: error: message` — never parsed back out of text.
public struct LocatedProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}
