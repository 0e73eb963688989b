/// Converts a stream of 16-bit samples from one rate to another by linear interpolation, frame by frame: the position
/// between samples and the last sample carry over, so the frames' boundaries leave no clicks or drift.
public struct PCMResampler: Sendable {
    let step: Double
    var position: Double = 0
    var previous: Int16 = 0
    var started = false

    /// A resampler from `inputRate` to `outputRate` samples per second.
    public init(from inputRate: Int, to outputRate: Int) {
        step = Double(inputRate) / Double(outputRate)
    }

    /// The samples `input` becomes at the output rate.
    public mutating func resample(_ input: [Int16]) -> [Int16] {
        guard !input.isEmpty else { return [] }
        if !started {
            previous = input[0]
            started = true
        }
        var output: [Int16] = []
        output.reserveCapacity(Int(Double(input.count) / step) + 1)
        // `position` counts from `previous`, the sample just before `input[0]`.
        while position < Double(input.count) {
            let index = Int(position)
            let fraction = position - Double(index)
            let left = index == 0 ? previous : input[index - 1]
            let right = input[index]
            output.append(Int16(Double(left) + (Double(right) - Double(left)) * fraction))
            position += step
        }
        position -= Double(input.count)
        previous = input[input.count - 1]
        return output
    }
}
