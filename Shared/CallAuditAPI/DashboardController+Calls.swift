import CallAuditCore
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird

/// The Analyze form's submission and the calls' screens: the table, its CSV, a call with its recording and review.
extension DashboardController {
    func submit(_ request: Request) async throws -> Response {
        var fields: [String: String] = [:]
        do {
            return try await MultipartForm.withUpload(request, maxFileBytes: configuration.maxUploadBytes, storage: calls) { form in
                fields = form.fields
                try checkForm(request, csrf: form.fields["csrf"])
                var submission = form.submission
                submission.dialogText = form.fields["dialog_text"].flatMap { $0.trimmed.isEmpty ? nil : $0 }
                submission.audioURL = form.fields["audio_url"].flatMap { $0.trimmed.isEmpty ? nil : $0 }
                let audio = form.audio.flatMap { $0.size == 0 ? nil : $0 }
                let call: NewCall
                if let audio {
                    guard submission.dialogText == nil, submission.audioURL == nil else {
                        throw CallAuditError.badRequest("invalid_body", "give a dialog, a recording or its URL, not more than one")
                    }
                    call = try submission.validated(source: .upload, idempotencyKey: nil, id: form.audioID, audio: audio,
                                                    limits: configuration.submissionLimits)
                } else {
                    let source = try CallsController<Context>.source(of: submission)
                    call = try submission.validated(source: source, idempotencyKey: nil, limits: configuration.submissionLimits)
                }
                let stored = try await intake.accept(call)
                return Response(status: .seeOther, headers: [.location: "/calls/\(stored.id.uuidString.lowercased())"])
            }
        } catch let error as CallAuditError {
            return page(request, section: .analyze, title: "analyze_title", template: "analyze",
                        status: HTTPResponse.Status(code: error.status)) {
                AnalyzePage(language: $0, fields: fields, error: error.message)
            }
        }
    }

    func list(_ request: Request) async throws -> Response {
        let pairs = Self.pairs(request)
        do {
            let query = try Self.listQuery(request)
            let found = try await calls.list(query.filter, sort: query.sort, limit: query.limit, cursor: query.cursor)
            return page(request, section: .calls, title: "calls_title", template: "calls") {
                CallsPage(language: $0, query: pairs, page: found)
            }
        } catch let error as CallAuditError {
            return page(request, section: .calls, title: "calls_title", template: "calls",
                        status: HTTPResponse.Status(code: error.status)) {
                CallsPage(language: $0, query: pairs, page: CallPage(calls: [], nextCursor: nil), error: error.message)
            }
        }
    }

    /// Every call the filters match (up to ``maxExportRows``), in the table's order, as CSV.
    func export(_ request: Request, context: Context) async throws -> Response {
        let query = try Self.listQuery(request)
        var rows: [[String]] = []
        var cursor: String?
        repeat {
            let page = try await calls.list(query.filter, sort: query.sort, limit: 200, cursor: cursor)
            rows += page.calls.map { call in
                [call.id.uuidString.lowercased(), call.externalID ?? "", call.managerID, call.mode.rawValue,
                 call.status.rawValue, CSVTable.timestamp(call.createdAt), call.outcome.map { String($0.totalScore) } ?? "",
                 call.outcome?.sentiment.rawValue ?? "", call.outcome.map { String($0.hasProfanity) } ?? "",
                 call.outcome?.language ?? call.languageHint ?? "", call.error ?? ""]
            }
            cursor = page.nextCursor
        } while cursor != nil && rows.count < Self.maxExportRows
        let header = ["id", "call_id", "manager_id", "mode", "status", "created_at", "total_score", "sentiment", "profanity",
                      "language", "error"]
        return try CSVTable(header: header, rows: Array(rows.prefix(Self.maxExportRows)), filename: "calls.csv")
            .response(from: request, context: context)
    }

    func show(_ request: Request, context: Context) async throws -> Response {
        try await callPage(request, id: context.parameters.get("id").flatMap(UUID.init(uuidString:)))
    }

    /// The Call screen; `reviewError` (with its status) when a review from it was refused.
    func callPage(_ request: Request, id: UUID?, reviewError: CallAuditError? = nil) async throws -> Response {
        guard let id, let call = try await calls.find(id) else {
            return page(request, section: .calls, title: "not_found", template: "message", status: .notFound) {
                MessagePage(text: DashboardStrings.table($0)["call_not_found"] ?? "")
            }
        }
        let result = call.status == .done ? try await calls.result(of: id) : nil
        let unfinished = call.status == .queued || call.status == .processing
        let admin = sessions.session(of: request)?.admin == true
        let retry = call.status == .failed && admin
            ? try? await queue.deadLetters(limit: AdminController<Context>.maxListed).first { $0.callID == id }?.entryID : nil
        let trail = try await calls.reviews(of: id)
        let reviews = CallDetailPage.Reviews(trail: trail.reviews, notes: trail.notes, canReview: admin, error: reviewError?.message)
        let callbacks = try await calls.callbacks(of: id)
        let conversations = result == nil ? [] : try await calls.conversations(about: .call(id), id: nil)
        return page(request, section: .calls, title: "call_title", template: "call",
                    status: reviewError.map { HTTPResponse.Status(code: $0.status) } ?? .ok,
                    poll: unfinished ? "/v1/calls/\(id.uuidString.lowercased())" : nil) {
            CallDetailPage(language: $0, call: call, result: result, retryEntryID: retry, review: reviews,
                           callbacks: callbacks, canReplayCallbacks: admin, conversation: conversations.last)
        }
    }

    /// A question from the Call screen's chat panel, through the same answerer as `POST /v1/calls/{id}/chat`: streamed
    /// to the page's script (`Accept: text/event-stream`), or, from the form alone, answered whole and then back to
    /// the panel, which shows the conversation.
    func ask(_ request: Request, context: Context) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        let id = try CallsController<Context>.callID(context)
        let question = try ChatQuestion(question: form["question"], conversationID: form["conversation_id"]).validated()
        let answer = try await chat.respond(question, about: .call(id))
        guard request.headers[.accept]?.contains("text/event-stream") != true else { return answer }
        try await answer.body.write(DiscardingBodyWriter())
        return Response(status: .seeOther, headers: [.location: "/calls/\(id.uuidString.lowercased())#chat"])
    }

    /// Sends a call's failed callback deliveries again, for a signed-in admin, as
    /// `POST /v1/admin/calls/{id}/callbacks/replay` does; then back to the call's callbacks.
    func replayCallbacks(_ request: Request, context: Context) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        guard sessions.session(of: request)?.admin == true else {
            throw CallAuditError(status: 403, code: "admin_required", message: "sending callbacks again needs an admin key: sign in with one")
        }
        let id = try CallsController<Context>.callID(context)
        _ = try await calls.replayCallbacks(of: id)
        return Response(status: .seeOther, headers: [.location: "/calls/\(id.uuidString.lowercased())#callbacks"])
    }

    /// A review from the Call screen's forms, for a signed-in admin, through the same validation and store as
    /// `POST /v1/admin/calls/{id}/reviews`; then back to the call's review section, or the page with the reason.
    func review(_ request: Request, context: Context) async throws -> Response {
        let id = context.parameters.get("id").flatMap(UUID.init(uuidString:))
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        guard let id, let session = sessions.session(of: request), session.admin else {
            throw CallAuditError(status: 403, code: "admin_required", message: "reviewing needs an admin key: sign in with one")
        }
        do {
            let body = ReviewRequest(criterion: form["criterion"], score: form["score"].flatMap { Int($0.trimmed) },
                                     notes: form["notes"], reason: form["reason"], reviewer: form["reviewer"])
            let review = try body.validated(fallbackReviewer: "admin key \(session.identity)")
            _ = try await calls.review(id, change: review.change, reason: review.reason, reviewer: review.reviewer)
            return Response(status: .seeOther, headers: [.location: "/calls/\(id.uuidString.lowercased())#review"])
        } catch let error as CallAuditError {
            return try await callPage(request, id: id, reviewError: error)
        } catch let error as CallStoreError {
            return try await callPage(request, id: id, reviewError: JSONErrorMiddleware<Context>.apiError(for: error))
        }
    }

    /// An uploaded recording for the Call screen's player; a `Range: bytes=` request (a seek) gets that part (206).
    func recording(_ request: Request, context: Context) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text), let audio = try await calls.audio(of: id)
        else { throw CallAuditError.notFound("this call has no uploaded recording") }
        var headers: HTTPFields = [.contentType: audio.contentType ?? "application/octet-stream", .acceptRanges: "bytes",
                                   .cacheControl: "private, max-age=3600"]
        guard let range = request.headers[.range].flatMap({ Self.byteRange($0, size: audio.size) }) else {
            return Response(status: .ok, headers: headers, body: Self.recordingBody(id, range: 0...max(0, audio.size - 1), calls: calls))
        }
        headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(audio.size)"
        return Response(status: .partialContent, headers: headers, body: Self.recordingBody(id, range: range, calls: calls))
    }

    /// The bytes `range` of a call's recording, read from the store a chunk at a time as the response is written.
    static func recordingBody(_ id: UUID, range: ClosedRange<Int>, calls: any CallStorage) -> ResponseBody {
        ResponseBody(contentLength: range.count) { writer in
            for index in (range.lowerBound / AudioChunk.size)...(range.upperBound / AudioChunk.size) {
                guard let chunk = try await calls.audioChunk(index, of: id) else { break }
                let start = index * AudioChunk.size
                let slice = chunk[max(0, range.lowerBound - start)..<min(chunk.count, range.upperBound - start + 1)]
                try await writer.write(ByteBuffer(bytes: slice))
            }
            try await writer.finish(nil)
        }
    }

    /// The one range of a `Range: bytes=a-b`, `bytes=a-` or `bytes=-n` header within `size` bytes; `nil` for anything
    /// else (the whole file is sent).
    static func byteRange(_ header: String, size: Int) -> ClosedRange<Int>? {
        guard size > 0, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let bounds = header.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2 else { return nil }
        switch (Int(bounds[0]), Int(bounds[1])) {
        case (let start?, let end?) where start <= end && start < size: return start...min(end, size - 1)
        case (let start?, nil) where bounds[1].isEmpty && start < size: return start...(size - 1)
        case (nil, let suffix?) where bounds[0].isEmpty && suffix > 0: return max(0, size - suffix)...(size - 1)
        default: return nil
        }
    }

    /// The Calls screen's query: `to` given as a day includes that day.
    static func listQuery(_ request: Request) throws -> CallListQuery {
        var query = try CallListQuery(request.uri.queryParameters)
        if givesDay(request, "to") { query.filter.to = query.filter.to?.addingTimeInterval(86_400) }
        return query
    }

    /// Whether the query's `name` is a day (`2026-12-01`) rather than an instant.
    static func givesDay(_ request: Request, _ name: String) -> Bool {
        guard let value = request.uri.queryParameters.get(name) else { return false }
        return value.count == 10 && value.split(separator: "-").count == 3
    }
}
