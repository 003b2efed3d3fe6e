package import SaimaModel

extension EndpointSettings {
    /// A judge's (or LLM reader's) endpoint at `url`, a base URL ending in /v1 (a trailing slash dropped), asked at
    /// temperature 0.
    package static func judge(
        url: String, model: String, apiKeyEnv: String?, concurrency: Int, timeout: Double
    ) -> EndpointSettings {
        EndpointSettings(
            baseURL: url.hasSuffix("/") ? String(url.dropLast()) : url, model: model, apiKeyEnv: apiKeyEnv,
            maxConcurrency: concurrency, timeoutSeconds: timeout, extraBody: ["temperature": .number(0)])
    }
}
