import Foundation

/// Chat completion bodies for answers the default fake does not give.
enum FakeAnswersJSON {
    static func completion(content: String, refusal: String?, finish: String) -> String {
        let object: [String: Any] = [
            "id": "chatcmpl-x", "object": "chat.completion", "model": "gpt-4o-mini",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content, "refusal": refusal ?? NSNull()] as [String: Any],
                         "finish_reason": finish] as [String: Any]],
            "usage": ["prompt_tokens": 900, "completion_tokens": 7, "total_tokens": 907],
        ]
        return String(decoding: (try? JSONSerialization.data(withJSONObject: object)) ?? Data(), as: UTF8.self)
    }
}
