/// 16-bit samples as little-endian bytes: what WAV files and the realtime provider's `audio/pcm` hold.
public enum LittleEndianPCM {
    /// The bytes of `samples`.
    public static func bytes(_ samples: [Int16]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(samples.count * 2)
        for sample in samples {
            let bits = UInt16(bitPattern: sample)
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
        }
        return bytes
    }
}
