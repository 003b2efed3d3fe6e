import ArgumentParser
import SaimaPipeline

/// A format `saima import --from` takes (`SetImport.formatNames`), listed in `--help` and completed by shells.
struct ImportFormatChoice: ExpressibleByArgument {
    let name: String

    init?(argument: String) {
        guard SetImport.formatNames.contains(argument) else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { SetImport.formatNames }
}
