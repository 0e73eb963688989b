"""A small OpenAI-compatible chat server for the chaos run: answers POST /v1/chat/completions with an analysis that
fits the request's JSON schema, and fails a share of requests the way real providers do (500, 429 with
retry-after-ms) so that retries are exercised too. Usage: fake_openai.py PORT FAILURE_SHARE
`completion` is also the answer of scripts/bench/slow_openai.py."""
import json
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def completion(request):
    """A chat completion whose content is an analysis fitting the request's JSON schema."""
    schema = request["response_format"]["json_schema"]["schema"]
    keys = schema["properties"]["criteria"]["items"]["properties"]["key"]["enum"]
    analysis = {
        "language": "en", "topic": "plan", "roles": [],
        "criteria": [{"key": key, "score": 50 + 5 * index, "evidence": "How can I help"} for index, key in enumerate(keys)],
        "summary": "A customer asked about a plan.", "recommendations": ["Agree a next step."],
        "sentiment": {"overall": 0.2, "manager": 0.3, "customer": 0.1}, "profanity": [],
    }
    return {
        "id": "chatcmpl-chaos", "object": "chat.completion", "model": request.get("model", "chaos"),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": json.dumps(analysis), "refusal": None}}],
        "usage": {"prompt_tokens": 800, "completion_tokens": 200, "total_tokens": 1000},
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    failure_share = 0.0

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        roll = random.random()
        if roll < self.failure_share / 2:
            return self.answer(500, {"error": {"message": "The server had an error", "type": "server_error", "code": None}})
        if roll < self.failure_share:
            return self.answer(429, {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}},
                               [("retry-after-ms", "50")])
        self.answer(200, completion(request))


if __name__ == "__main__":
    Handler.failure_share = float(sys.argv[2])
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
