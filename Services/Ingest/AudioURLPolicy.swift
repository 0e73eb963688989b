import CallAuditCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The checks a user-given URL passes before it is accepted: http or https, a host, and, unless allowed,
/// no literal loopback, private, link-local or otherwise internal address (names are checked again when the
/// worker connects, after DNS, by the HTTP client).
enum AudioURLPolicy {
    static func check(_ text: String, field: String, allowPrivate: Bool) throws {
        guard text.count <= 2048 else {
            throw CallAuditError.badRequest("invalid_url", "\(field) is longer than 2048 characters")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { throw CallAuditError.badRequest("invalid_url", "\(field) is not a valid URL") }
        guard scheme == "http" || scheme == "https" else {
            throw CallAuditError.badRequest("invalid_url", "\(field) must use http or https")
        }
        if !allowPrivate && isInternal(host: host) {
            throw CallAuditError.badRequest(
                "forbidden_url", "\(field) points at a loopback or private address; set AUDIO_URL_ALLOW_PRIVATE=true to allow it")
        }
    }

    /// Whether `host` names this machine or an address that is not on the public internet.
    static func isInternal(host rawHost: String) -> Bool {
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") {
            return true
        }
        var v4 = in_addr()
        if inet_aton(host, &v4) != 0 {
            return isInternal(ipv4: UInt32(bigEndian: v4.s_addr))
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            return isInternal(ipv6: bytes)
        }
        return false
    }

    static func isInternal(ipv4 address: UInt32) -> Bool {
        func within(_ network: UInt32, _ prefix: UInt32) -> Bool {
            address >> (32 - prefix) == network >> (32 - prefix)
        }
        return within(0x0000_0000, 8) || within(0x0A00_0000, 8) || within(0x6440_0000, 10) || within(0x7F00_0000, 8)
            || within(0xA9FE_0000, 16) || within(0xAC10_0000, 12) || within(0xC000_0000, 24) || within(0xC0A8_0000, 16)
            || within(0xC612_0000, 15) || within(0xE000_0000, 4) || within(0xF000_0000, 4)
    }

    static func isInternal(ipv6 bytes: [UInt8]) -> Bool {
        let isMapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        let isCompatible = bytes[0..<12].allSatisfy { $0 == 0 }
        if isMapped || isCompatible {
            let v4 = bytes[12..<16].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return isInternal(ipv4: v4)
        }
        return bytes[0] & 0xFE == 0xFC || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80) || bytes[0] == 0xFF
    }
}
