import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 address of this machine that is neither loopback nor private (CI containers often have one in a
/// documentation or carrier range), to stand in for a public server in redirect tests.
enum PublicAddress {
    static let first: String? = {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var cursor = list
        while let entry = cursor?.pointee {
            defer { cursor = entry.ifa_next }
            guard let address = entry.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            let octet = ipv4 >> 24, second = (ipv4 >> 16) & 0xFF
            let isInternal = octet == 127 || octet == 10 || octet == 0 || (octet == 172 && (16...31).contains(second))
                || (octet == 192 && second == 168) || (octet == 169 && second == 254) || (octet == 100 && (64...127).contains(second))
                || octet >= 224
            if !isInternal {
                return "\(octet).\(second).\((ipv4 >> 8) & 0xFF).\(ipv4 & 0xFF)"
            }
        }
        return nil
    }()
}
