import Foundation

/// The HTML report as an A4 PDF, converted by a tool from Debian's packages: headless chromium (A4 from the report's
/// `@page` rule, no browser header or footer, so the local file path never appears on a page), else wkhtmltopdf.
package enum ReportPDF {
    /// No converter on the search path, said with what to install.
    package struct NoConverter: Error, CustomStringConvertible {
        package var description: String {
            "no HTML-to-PDF converter found: install one with `apt-get install chromium` (or wkhtmltopdf). "
                + "未找到 PDF 转换工具，请安装 chromium 或 wkhtmltopdf。"
        }
    }

    /// Converts `html` into `pdf` with the first converter found on `searchPath` that succeeds.
    package static func convert(html: String, pdf: String, searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        throws
    {
        let absolute = URL(fileURLWithPath: html).standardizedFileURL.path
        let chromium = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                        "--print-to-pdf=\(pdf)", "file://\(absolute)"]
        let candidates: [(String, [String])] = [
            ("chromium", chromium), ("chromium-browser", chromium),
            ("wkhtmltopdf", ["--quiet", "--enable-local-file-access", absolute, pdf]),
        ]
        for (tool, arguments) in candidates {
            guard let path = ExecutableSearch.which(tool, searchPath: searchPath) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf) { return }
        }
        throw NoConverter()
    }
}
