/// Command arguments laid out as hiredis's argv form wants them: C strings with explicit lengths (binary-safe).
struct RedisArguments {
    private let arguments: [[UInt8]]

    init(_ arguments: [String]) {
        self.arguments = arguments.map { Array($0.utf8) }
    }

    func withArgv<R>(
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
    ) -> R {
        let buffers = arguments.map { bytes -> UnsafeMutablePointer<CChar> in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { buffer.initialize(from: $0.baseAddress!, count: bytes.count) }
            }
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var pointers = buffers.map { UnsafePointer<CChar>?(UnsafePointer($0)) }
        let lengths = arguments.map(\.count)
        return pointers.withUnsafeMutableBufferPointer { argv in
            lengths.withUnsafeBufferPointer { argvLengths in
                body(Int32(arguments.count), argv.baseAddress!, argvLengths.baseAddress!)
            }
        }
    }
}
