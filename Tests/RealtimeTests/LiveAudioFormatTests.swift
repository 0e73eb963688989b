import Foundation
@testable import Realtime
import Testing

@Suite("Live audio formats")
struct LiveAudioFormatTests {
    @Test("pcm16 takes the listed rates (24 kHz by default), G.711 only 8 kHz; anything else is refused with a reason")
    func parsing() throws {
        #expect(try LiveAudioFormat.named("pcm16", sampleRate: nil).get() == .pcm16(sampleRate: 24000))
        #expect(try LiveAudioFormat.named("pcm16", sampleRate: 16000).get() == .pcm16(sampleRate: 16000))
        #expect(try LiveAudioFormat.named("g711_ulaw", sampleRate: nil).get() == .g711ULaw)
        #expect(try LiveAudioFormat.named("g711_alaw", sampleRate: 8000).get() == .g711ALaw)
        let badRate = LiveAudioFormat.named("pcm16", sampleRate: 11025)
        #expect(throws: LiveAudioFormatError.self) { try badRate.get() }
        if case .failure(let error) = LiveAudioFormat.named("g711_ulaw", sampleRate: 16000) {
            #expect(error.description.contains("8000"))
        } else {
            Issue.record("g711 at 16 kHz was accepted")
        }
        if case .failure(let error) = LiveAudioFormat.named("opus", sampleRate: nil) {
            #expect(error.description.contains("pcm16, g711_ulaw or g711_alaw"))
        } else {
            Issue.record("opus was accepted")
        }
        #expect(LiveAudioFormat.pcm16(sampleRate: 16000).bytesPerSecond == 32000)
        #expect(LiveAudioFormat.g711ULaw.bytesPerSecond == 8000)
    }

    @Test("G.711 codes decode to the ITU table's values: silence, the largest magnitudes, and the sign")
    func g711() {
        #expect(G711.muLaw(0xFF) == 0)
        #expect(G711.muLaw(0x7F) == 0)
        #expect(G711.muLaw(0x80) == 32124)
        #expect(G711.muLaw(0x00) == -32124)
        #expect(G711.muLaw(0xFE) == 8)
        #expect(G711.muLaw(0x7E) == -8)
        #expect(G711.aLaw(0xD5) == 8)
        #expect(G711.aLaw(0x55) == -8)
        #expect(G711.aLaw(0xAA) == 32256)
        #expect(G711.aLaw(0x2A) == -32256)
        let samples = LiveAudioFormat.g711ULaw.samples([0xFF, 0x80, 0x00])
        #expect(samples == [0, 32124, -32124])
    }

    @Test("pcm16 frames are little-endian samples, and bytes(samples) gives them back")
    func pcm16() {
        let bytes: [UInt8] = [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80]
        let samples = LiveAudioFormat.pcm16(sampleRate: 16000).samples(bytes)
        #expect(samples == [1, -1, Int16.min])
        #expect(LittleEndianPCM.bytes(samples) == bytes)
        #expect(LiveAudioFormat.pcm16(sampleRate: 16000).pcm16(bytes) == bytes, "stored as it came")
        #expect(LiveAudioFormat.g711ULaw.pcm16([0xFF, 0x80]) == LittleEndianPCM.bytes([0, 32124]), "G.711 decoded")
    }

    @Test("resampling 8 kHz to 24 kHz frame by frame gives three times the samples, a ramp stays a ramp across frames")
    func resampler() {
        var resampler = PCMResampler(from: 8000, to: 24000)
        let ramp = (0..<160).map { Int16($0 * 100) }
        var output: [Int16] = []
        for frame in stride(from: 0, to: ramp.count, by: 40) { output += resampler.resample(Array(ramp[frame..<frame + 40])) }
        #expect(output.count == 480)
        let steps = zip(output.dropFirst(), output).map { Int($0) - Int($1) }
        #expect(steps.dropFirst(3).allSatisfy { (32...34).contains($0) }, "even steps of about 100/3, no jump at frame edges")
        var down = PCMResampler(from: 48000, to: 24000)
        #expect(down.resample([Int16](repeating: 5, count: 960)).count == 480)
    }
}
