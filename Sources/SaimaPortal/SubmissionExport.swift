import Foundation
import SaimaBase
package import SaimaModel

/// Portal submissions written out as `Submissions/<team>/submission.yaml`, the form the command line reads, so
/// that `saima run` can run the same round. Keys are not written: each file names `SAIMA_KEY_<TEAM>`, which the
/// organizer fills from a keys file or a secret store.
package enum SubmissionExport {
    /// Writes one file per submission under `folder/Submissions/`; refuses a folder that exists (nothing is
    /// overwritten). Returns the files written.
    package static func write(_ submissions: [Submission], to folder: String) throws -> [String] {
        let root = (folder as NSString).appendingPathComponent("Submissions")
        guard !FileManager.default.fileExists(atPath: root) else {
            throw PortalError.taken("导出目录已存在，不会覆盖。\(root) exists; nothing is overwritten.")
        }
        var written: [String] = []
        for s in submissions {
            let dir = (root as NSString).appendingPathComponent(s.id)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let path = (dir as NSString).appendingPathComponent("submission.yaml")
            try Data(yaml(s).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            written.append(path)
        }
        return written
    }

    /// One submission as YAML; every string double-quoted with JSON escapes (valid YAML for any text).
    package static func yaml(_ s: Submission) -> String {
        func q(_ text: String) -> String { JSONValue.string(text).canonicalJSON }
        var out = "# Exported from the Saima portal. The API key is not here: set \(s.endpoint.apiKeyEnv ?? "no key").\n"
        out += "team: {zh: \(q(s.team.zh)), en: \(q(s.team.en))}\n"
        if let c = s.contact { out += "contact: \(q(c))\n" }
        out += "tracks: [\(s.tracks.map(q).joined(separator: ", "))]\n"
        out += "endpoint:\n  base_url: \(q(s.endpoint.baseURL))\n  model: \(q(s.endpoint.model))\n"
        if let env = s.endpoint.apiKeyEnv { out += "  api_key_env: \(env)\n" }
        out += "  max_concurrency: \(s.endpoint.maxConcurrency)\n"
        return out
    }
}
