/// What the portal refuses, each with a message a person can act on (Chinese, then English).
package enum PortalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server is started wrongly (no secret, a bad state folder).
    case configuration(String)
    /// A form value is missing or out of bounds; the message names the field.
    case invalid(String)
    /// A name that is taken (a user name, a team id).
    case taken(String)
    /// The signed-in user may not do this.
    case forbidden(String)
    /// The thing asked for does not exist (or is not visible to this user).
    case notFound(String)
    /// The contest's phase does not allow this now.
    case phase(String)
    /// A quota is used up.
    case quota(String)

    package var description: String {
        switch self {
        case .configuration(let m), .invalid(let m), .taken(let m), .forbidden(let m), .notFound(let m), .phase(let m),
            .quota(let m):
            return m
        }
    }
}
