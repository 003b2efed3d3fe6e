public import Foundation
public import SaimaBase
public import SaimaModel

extension HTTPRequest {
    /// `POST {base_url}/chat/completions` with a JSON body, the endpoint's deadlines and HTTP
    /// version, and `Authorization: Bearer <key>` when a key is given. Contestant calls, judge calls
    /// and endpoint checks all go out through this one shape.
    public static func chatCompletion(endpoint: EndpointSettings, apiKey: String?, body: Data, maxResponseBytes: Int)
        -> HTTPRequest
    {
        var headers = ["Content-Type: application/json", "Accept: application/json"]
        if let apiKey, !apiKey.isEmpty { headers.append("Authorization: Bearer \(apiKey)") }
        return HTTPRequest(
            url: endpoint.baseURL + "/chat/completions", headers: headers, body: body,
            timeout: .seconds(endpoint.timeoutSeconds), connectTimeout: .seconds(endpoint.connectTimeoutSeconds),
            maxResponseBytes: maxResponseBytes, http2: endpoint.http2)
    }

    /// The same for a body built from `messages` (see `ChatRequestBuilder.body(messages:endpoint:stream:)`).
    public static func chatCompletion(endpoint: EndpointSettings, apiKey: String?, messages: [JSONValue], stream: Bool,
                                      maxResponseBytes: Int) -> HTTPRequest
    {
        let body = ChatRequestBuilder.body(messages: .array(messages), endpoint: endpoint, stream: stream)
        return chatCompletion(endpoint: endpoint, apiKey: apiKey, body: Data(body.canonicalJSON.utf8),
                              maxResponseBytes: maxResponseBytes)
    }
}
