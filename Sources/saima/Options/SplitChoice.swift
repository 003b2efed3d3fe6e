import ArgumentParser
import SaimaPipeline

/// The `--split` choice.
enum SplitChoice: String, ExpressibleByArgument, CaseIterable {
    case dev, test, all
    var split: Split? { self == .all ? nil : Split(rawValue: rawValue) }
}
