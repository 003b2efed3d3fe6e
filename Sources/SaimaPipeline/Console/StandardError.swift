import Foundation
/// A line on standard error.
package func printErr(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
