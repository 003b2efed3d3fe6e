import ArgumentParser
import SaimaPipeline

/// The organizer's secrets for a round: the teams' keys file and the run-signing key. Both stay in memory.
struct RoundSecretsOptions: ParsableArguments {
    @Option(help: "Organizer's keys file: TEAM_ID=KEY lines, mode 0600, outside the repository. 密钥文件")
    var keys: String?
    @Option(help: "Sign the manifest at the start and the results at the end with this Ed25519 key file (or SAIMA_SIGNING_KEY). 签名私钥")
    var signKey: String?

    /// `spec` with the keys and the signing key (for its run folder) filled in.
    func apply(to spec: inout RoundSpec) throws {
        spec.keys = try KeysOption.load(keys)
        spec.signingKey = try SigningKeyOption.load(signKey, runFolder: spec.folder)
    }
}
