import CCurl
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which hosts are not on the public internet, from the one table the client also checks at connect time (the C
/// shim's `ca_address_is_internal`), so that a URL's literal address is judged the same way when it is submitted as
/// when it is connected to.
public enum AddressPolicy {
    /// Whether `host` names this machine (`localhost`, `.local`, `.internal`) or is a literal IPv4 address (in any
    /// form `inet_aton` reads: decimal, hex, short) or IPv6 address that is loopback, private, link-local, shared,
    /// reserved or multicast. A DNS name is not resolved here; the connection checks what it resolves to.
    public static func isInternal(host rawHost: String) -> Bool {
        let host = rawHost.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") {
            return true
        }
        var v4 = sockaddr_in()
        if inet_aton(host, &v4.sin_addr) != 0 {
            v4.sin_family = sa_family_t(AF_INET)
            return withUnsafePointer(to: &v4) { isInternal($0) }
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            return withUnsafePointer(to: &v6) { isInternal($0) }
        }
        return false
    }

    private static func isInternal<Address>(_ address: UnsafePointer<Address>) -> Bool {
        address.withMemoryRebound(to: sockaddr.self, capacity: 1) { ca_address_is_internal($0) != 0 }
    }
}
