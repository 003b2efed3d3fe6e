import ArgumentParser
import SaimaPipeline

/// `saima signing-key generate`: the organizer's Ed25519 key pair for signing rounds (apart from the teams' API keys).
struct SigningKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signing-key",
        abstract: "Make the organizer's round-signing key pair (Ed25519). 生成轮次签名密钥对",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new private key (mode 0600) and its public key; never overwrites. 生成新的签名私钥与公钥",
            discussion: """
                Keep the private key out of the repository and out of run folders; give it to `round start --sign-key`
                (or in SAIMA_SIGNING_KEY). Publish the public key: anyone can then check a run with
                `saima round verify --public-key`. This key is not the teams' API keys file (`--keys`).
                """)

        @Option(name: .customLong("private"), help: "Private key file to create. 私钥文件") var privatePath = "saima-signing.key"
        @Option(name: .customLong("public"), help: "Public key file to create. 公钥文件") var publicPath = "saima-signing.pub"

        func run() throws {
            do {
                let key = try RunSigning.generate(privatePath: privatePath, publicPath: publicPath)
                print("private key 私钥: \(privatePath) (mode 0600)\npublic key 公钥: \(publicPath)\nfingerprint 指纹: \(key.fingerprint)")
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }
}
