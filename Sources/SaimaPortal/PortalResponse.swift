import Foundation
import Hummingbird
import HTTPTypes

/// Responses the portal sends: pages, redirects after a POST, errors as pages with the right status.
enum PortalResponse {
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The error's page: 400 invalid, 403 forbidden, 404 not found, 409 taken or wrong phase, 429 quota.
    static func error(_ error: PortalError, context: PortalContext, status: HTTPResponse.Status? = nil) -> Response {
        let code: HTTPResponse.Status
        switch error {
        case .invalid: code = .badRequest
        case .forbidden: code = .forbidden
        case .notFound: code = .notFound
        case .taken, .phase: code = .conflict
        case .quota: code = .tooManyRequests
        case .configuration: code = .internalServerError
        }
        let body = "<p class=\"error\">\(PortalHTML.text(error.description))</p><p><a href=\"/\">返回首页 Home</a></p>"
        return html(PortalHTML.page(title: "出错了 Error", context: context, body: body), status: status ?? code)
    }
}
