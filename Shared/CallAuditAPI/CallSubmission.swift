import CallAuditCore
import CallStore
import Foundation

/// The fields of a submitted call, as any endpoint receives them, before validation.
///
/// Every endpoint (JSON, multipart, webhook, seed) fills one of these, so one set of rules decides what is accepted.
/// It is also the JSON body of `POST /v1/calls`.
struct CallSubmission: Sendable, Decodable {
    var dialogText: String?
    var audioURL: String?
    var mode: String?
    var callID: String?
    var managerID: String?
    var language: String?
    var metadata: JSONValue?
    var callbackURL: String?
    /// The name the caller used for the recording's URL, for error messages.
    var audioURLField = "audio_url"

    enum CodingKeys: String, CodingKey {
        case dialogText = "dialog_text"
        case audioURL = "audio_url"
        case mode
        case callID = "call_id"
        case managerID = "manager_id"
        case language, metadata
        case callbackURL = "callback_url"
    }

    /// Checks every field and builds the call to store; a bad field throws a 400 that names it.
    /// An upload's call gets the id its recording's chunks were stored under (`id`).
    func validated(
        source: CallSource, idempotencyKey: String?, id: UUID = UUID(), audio: UploadedAudio? = nil, limits: SubmissionLimits
    ) throws -> NewCall {
        let mode = try Self.mode(self.mode)
        let text = dialogText?.trimmed
        let url = audioURL?.trimmed
        switch source {
        case .text:
            guard let text, !text.isEmpty else {
                throw CallAuditError.badRequest("missing_field", "dialog_text is required and must not be empty")
            }
            guard text.utf8.count <= limits.maxTextBytes else {
                throw CallAuditError(status: 413, code: "text_too_large",
                                     message: "dialog_text is longer than \(limits.maxTextBytes) bytes")
            }
            guard !text.utf8.contains(0) else {
                throw CallAuditError.badRequest("invalid_field", "dialog_text contains a NUL character")
            }
        case .url:
            guard let url, !url.isEmpty else {
                throw CallAuditError.badRequest("missing_field", "\(audioURLField) is required")
            }
            try AudioURLPolicy.check(url, field: audioURLField, allowPrivate: limits.allowPrivateURLs)
        case .upload, .live:
            guard let audio, audio.size > 0 else {
                throw CallAuditError.badRequest("missing_field", "the multipart field audio is required and must not be empty")
            }
        }
        if let callbackURL {
            try AudioURLPolicy.check(callbackURL, field: "callback_url", allowPrivate: limits.allowPrivateURLs)
        }
        let metadataJSON = try Self.metadataJSON(metadata)
        return NewCall(
            id: id,
            externalID: try Self.identifier(callID, field: "call_id", maxLength: 256),
            managerID: try Self.identifier(managerID, field: "manager_id", maxLength: 128) ?? "unassigned",
            mode: mode,
            source: source,
            languageHint: try Self.language(language),
            dialogText: source == .text ? text : nil,
            audioURL: source == .url ? url : nil,
            callbackURL: callbackURL,
            metadataJSON: metadataJSON,
            idempotencyKey: try Self.identifier(idempotencyKey, field: "Idempotency-Key", maxLength: 200),
            audio: source == .upload || source == .live ? audio : nil)
    }

    static func mode(_ text: String?) throws -> CallMode {
        guard let text, !text.trimmed.isEmpty else { return .manager }
        guard let mode = CallMode(parsing: text) else {
            throw CallAuditError.badRequest(
                "invalid_mode", "mode must be manager, client or dialog (or Manager+, Client+, Диалог), not \(text.prefix(40))")
        }
        return mode
    }

    static func identifier(_ value: String?, field: String, maxLength: Int) throws -> String? {
        guard let value = value?.trimmed, !value.isEmpty else { return nil }
        guard value.count <= maxLength else {
            throw CallAuditError.badRequest("invalid_field", "\(field) is longer than \(maxLength) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw CallAuditError.badRequest("invalid_field", "\(field) contains control characters")
        }
        return value
    }

    static func language(_ value: String?) throws -> String? {
        guard let value = value?.trimmed.lowercased(), !value.isEmpty, value != "auto" else {
            return nil
        }
        guard (2...3).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw CallAuditError.badRequest("invalid_language", "language must be an ISO 639-1 code such as ru, ko or en, or auto")
        }
        return value
    }

    /// Whether a key or a string anywhere in `value` holds U+0000.
    static func containsNUL(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.utf8.contains(0)
        case .array(let items): items.contains(where: containsNUL)
        case .object(let members): members.contains { $0.key.utf8.contains(0) || containsNUL($0.value) }
        case .null, .bool, .number: false
        }
    }

    static func metadataJSON(_ metadata: JSONValue?) throws -> String {
        guard let metadata, metadata != .null else { return "{}" }
        guard case .object = metadata else {
            throw CallAuditError.badRequest("invalid_field", "metadata must be a JSON object")
        }
        guard metadata.depth <= 8 else {
            throw CallAuditError.badRequest("invalid_field", "metadata nests deeper than 8 levels")
        }
        guard !containsNUL(metadata) else {
            throw CallAuditError.badRequest("invalid_field", "metadata contains a NUL character (PostgreSQL cannot store it)")
        }
        let data = try JSONEncoder().encode(metadata)
        guard data.count <= 16 * 1024 else {
            throw CallAuditError.badRequest("invalid_field", "metadata is larger than 16 KB")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
