// swift-tools-version: 6.2
import PackageDescription

/// Every Saima target compiles in Swift 6 language mode with warnings treated as errors.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error), .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Saima",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "saima", targets: ["saima"]),
        .executable(name: "saima-fuzz", targets: ["SaimaFuzz"]),
        .library(name: "SaimaRegistry", targets: ["SaimaRegistry"]),
        .library(name: "SaimaRunner", targets: ["SaimaRunner"]),
        .library(name: "SaimaScoring", targets: ["SaimaScoring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Ed25519 signatures of a round's manifest and results (RunSigning).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // A round's shared run store for runner processes on many hosts (SaimaPostgres).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The contest service's web portal (SaimaPortal): HTTP serving and bcrypt password hashes.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // C: libcurl behind typed wrappers for its variadic setters; nothing else.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // C: SHA-256 from the system's OpenSSL libcrypto (content hashes, result chains).
        .systemLibrary(
            name: "CLibCrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // C: glibc's mallopt, so the command line can cap malloc arenas.
        .systemLibrary(name: "CMalloc"),
        // The JSON stack and plain utilities every other target shares: JSON values, their parser and coder, CSV,
        // bounded reads, SHA-256, seeded randomness, percentiles, timestamps, diagnostics. Knows nothing of contests.
        .target(name: "SaimaBase", dependencies: ["CLibCrypto"], swiftSettings: strict),
        // Plain Sendable value types: tracks, items, submissions, outcomes.
        .target(name: "SaimaModel", dependencies: ["SaimaBase"], swiftSettings: strict),
        // Loading and validating Tracks/ and Submissions/ with path:line diagnostics.
        .target(
            name: "SaimaRegistry",
            dependencies: ["SaimaBase", "SaimaModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Sheets people send: .xlsx (ZIPFoundation + XML) and CSV in UTF-8 or GBK, with file.xlsx:Sheet!C7 locations.
        .target(
            name: "SaimaSheets",
            dependencies: ["SaimaBase", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict
        ),
        // Pilot units' questions in: Excel, CSV and the public benchmark formats into question sets.
        .target(
            name: "SaimaImport",
            dependencies: ["SaimaBase", "SaimaModel", "SaimaSheets", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Run storage: one SQLite database per run folder.
        .target(
            name: "SaimaStorage",
            dependencies: ["SaimaBase", "SaimaModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // A round's work and results in PostgreSQL, shared by runner processes: claims with leases, per-team budgets.
        .target(
            name: "SaimaPostgres",
            dependencies: [
                "SaimaModel", "SaimaRunner", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Calls contestant endpoints through libcurl's multi interface.
        .target(
            name: "SaimaRunner",
            dependencies: ["SaimaBase", "SaimaModel", "CCurl"],
            swiftSettings: strict
        ),
        // Metrics and answer extraction: pure functions over (item, response text).
        .target(name: "SaimaScoring", dependencies: ["SaimaBase", "SaimaModel"], swiftSettings: strict),
        // Aggregation and statistics: scores, bootstrap intervals, ranks (pure functions).
        .target(name: "SaimaLeaderboard", dependencies: ["SaimaBase", "SaimaModel"], swiftSettings: strict),
        // Judging open-ended answers: LLM judges, pairwise battles, Bradley–Terry, human judges.
        .target(
            name: "SaimaJudging",
            dependencies: ["SaimaBase", "SaimaModel", "SaimaRunner", "SaimaStorage", "SaimaScoring", "SaimaSheets"],
            swiftSettings: strict
        ),
        // Renderers for terminals and files.
        .target(name: "SaimaReports", dependencies: ["SaimaBase", "SaimaModel", "SaimaLeaderboard"], swiftSettings: strict),
        // A real local OpenAI-compatible HTTP server (SwiftNIO): baselines, benchmarks, test endpoints.
        .target(
            name: "SaimaEndpointServer",
            dependencies: [
                "SaimaBase", "SaimaModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Orchestration used by the CLI and the portal: rounds, scoring, judging, boards and reports, imports, the local
        // servers and the benchmarks; it re-exports the vocabulary (SaimaBase, SaimaModel, SaimaRegistry).
        .target(
            name: "SaimaPipeline",
            dependencies: [
                "SaimaBase", "SaimaModel", "SaimaRegistry", "SaimaStorage", "SaimaRunner", "SaimaScoring", "SaimaLeaderboard",
                "SaimaReports", "SaimaJudging", "SaimaSheets", "SaimaPostgres", "SaimaImport", "SaimaEndpointServer", "CMalloc",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The contest service: a web portal for organizers, teams, judges and the public, running rounds through
        // SaimaPipeline.
        .target(
            name: "SaimaPortal",
            dependencies: [
                "SaimaBase", "SaimaModel", "SaimaRegistry", "SaimaRunner", "SaimaPipeline", "SaimaReports", "SaimaLeaderboard", "SaimaJudging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        // The command line: parses arguments, calls SaimaPipeline (and the portal for `saima serve`) and prints.
        .executableTarget(
            name: "saima",
            dependencies: [
                "SaimaPipeline", "SaimaPortal", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Seeded hostile inputs for every reply parser and input loader, run by CI for a fixed time.
        .executableTarget(
            name: "SaimaFuzz",
            dependencies: ["SaimaBase", "SaimaModel", "SaimaRegistry", "SaimaRunner", "SaimaScoring", "SaimaSheets"],
            swiftSettings: strict
        ),
        // Helpers shared by test targets: locating and running the built `saima`.
        .target(name: "SaimaTestSupport", swiftSettings: strict),
        .testTarget(
            name: "SaimaStorageTests",
            dependencies: ["SaimaStorage", "SaimaBase", "SaimaModel"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaReportsTests",
            dependencies: ["SaimaReports", "SaimaLeaderboard", "SaimaBase", "SaimaModel"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaSheetsTests",
            dependencies: ["SaimaSheets", "SaimaBase"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaCLITests",
            dependencies: [
                "SaimaTestSupport", "SaimaEndpointServer", "SaimaBase", "SaimaModel", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaLeaderboardTests", dependencies: ["SaimaLeaderboard", "SaimaReports", "SaimaBase", "SaimaModel"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaScoringTests", dependencies: ["SaimaScoring", "SaimaBase", "SaimaModel"], exclude: ["RealReplies"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaJudgingTests",
            dependencies: ["SaimaJudging", "SaimaEndpointServer", "SaimaSheets", "SaimaBase", "SaimaModel", "SaimaRunner", "SaimaScoring", "SaimaStorage"],
            swiftSettings: strict
        ),
        .testTarget(name: "SaimaModelTests", dependencies: ["SaimaBase", "SaimaModel"], swiftSettings: strict),
        .testTarget(
            name: "SaimaEndpointServerTests",
            dependencies: ["SaimaEndpointServer", "SaimaBase", "SaimaModel", "SaimaRunner", "SaimaTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "SaimaPipelineTests",
            dependencies: [
                "SaimaPipeline", "SaimaStorage", "SaimaRegistry", "SaimaRunner", "SaimaBase", "SaimaModel", "SaimaImport", "SaimaEndpointServer",
                "SaimaLeaderboard", "SaimaReports", "SaimaScoring", "SaimaJudging",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaImportTests", dependencies: ["SaimaImport", "SaimaSheets", "SaimaRegistry", "SaimaBase", "SaimaModel"],
            exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(
            name: "SaimaPostgresTests",
            dependencies: ["SaimaPostgres", "SaimaBase", "SaimaModel", "SaimaTestSupport", "SaimaJudging", "SaimaStorage"],
            swiftSettings: strict),
        .testTarget(
            name: "SaimaPortalTests",
            dependencies: [
                "SaimaPortal", "SaimaPipeline", "SaimaJudging", "SaimaRegistry", "SaimaModel", "SaimaEndpointServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "SaimaRegistryTests", dependencies: ["SaimaRegistry", "SaimaBase", "SaimaModel"], swiftSettings: strict),
        .testTarget(
            name: "SaimaRunnerTests",
            dependencies: ["SaimaRunner", "SaimaStorage", "SaimaEndpointServer", "SaimaBase", "SaimaModel", "SaimaTestSupport"],
            exclude: ["Streams"],
            swiftSettings: strict
        ),
    ]
)
