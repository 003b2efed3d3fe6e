import ArgumentParser
import SaimaPipeline

/// `--sign-key FILE` (or `SAIMA_SIGNING_KEY`): the organizer's Ed25519 private key for signing a run.
enum SigningKeyOption {
    static func load(_ path: String?, runFolder: String) throws -> RunSigning.PrivateKey? {
        do { return try RunSigning.privateKey(file: path, runFolder: runFolder) } catch { throw ValidationError("\(error)") }
    }
}
