@testable import CallProcessing
import Foundation
import Testing

@Suite("Recording folders")
struct RecordingFolderTests {
    @Test("folders a killed worker left are removed once old; young ones and others' files stay")
    func abandoned() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent(RecordingFolder.prefix + "old")
        let young = directory.appendingPathComponent(RecordingFolder.prefix + "young")
        let foreign = directory.appendingPathComponent("someone-else")
        for folder in [old, young, foreign] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("audio".utf8).write(to: folder.appendingPathComponent("recording.wav"))
        }
        let longAgo = Date().addingTimeInterval(-7 * 3600)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: foreign.path)
        #expect(RecordingFolder.removeAbandoned(olderThan: .seconds(6 * 3600), in: directory) == 1)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: young.path))
        #expect(FileManager.default.fileExists(atPath: foreign.path))
    }
}
