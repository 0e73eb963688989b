/// G.711 decoding (ITU-T G.711): one 8-bit μ-law or A-law code to a 16-bit linear sample.
enum G711 {
    /// The linear sample of a μ-law code.
    static func muLaw(_ code: UInt8) -> Int16 {
        let inverted = ~code
        let exponent = Int32((inverted >> 4) & 0x07)
        let mantissa = Int32(inverted & 0x0F)
        let magnitude = ((mantissa << 3) + 0x84) << exponent - 0x84
        return Int16(inverted & 0x80 != 0 ? -magnitude : magnitude)
    }

    /// The linear sample of an A-law code.
    static func aLaw(_ code: UInt8) -> Int16 {
        let toggled = code ^ 0x55
        let exponent = Int32((toggled >> 4) & 0x07)
        let mantissa = Int32(toggled & 0x0F)
        let magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1)
        return Int16(toggled & 0x80 != 0 ? magnitude : -magnitude)
    }
}
