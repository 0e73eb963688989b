/// Command arguments laid out as hiredis's argv form wants them: pointers with explicit lengths (binary-safe, so an
/// argument may be empty or hold NUL bytes).
struct RedisArguments {
    /// Every argument's UTF-8 bytes back to back, plus one trailing byte so the buffer always has an address.
    private let bytes: [UInt8]
    private let lengths: [Int]

    /// `arguments` must not be empty: the client refuses an empty command before it gets here.
    init(_ arguments: [String]) {
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(arguments.count)
        for argument in arguments {
            let start = bytes.count
            bytes.append(contentsOf: argument.utf8)
            lengths.append(bytes.count - start)
        }
        bytes.append(0)
        self.bytes = bytes
        self.lengths = lengths
    }

    /// Calls `body` with `argc`, `argv` and `argvlen`, valid only during the call.
    func withArgv<R>(
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
    ) -> R {
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var offset = 0
            var pointers: [UnsafePointer<CChar>?] = lengths.map { length in
                defer { offset += length }
                return base + offset
            }
            return pointers.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeBufferPointer { argvLengths in
                    body(Int32(lengths.count), argv.baseAddress!, argvLengths.baseAddress!)
                }
            }
        }
    }
}
