"""A provider stand-in for the worker benchmarks: an OpenAI-compatible server (asyncio streams, so thousands of
requests can wait at once) that answers every POST .../chat/completions a fixed delay after the request arrived (the
answer is built first, so building it does not add to the delay) with an analysis fitting the request's schema (the
chaos stand-in's answer), and every POST .../audio/transcriptions with a short transcript. GET /stats answers how many requests it served and the most it
held at once, so the benchmark can show that the stand-in was not the limit. Usage: slow_openai.py PORT DELAY_SECONDS"""
import asyncio
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "chaos"))
from fake_openai import completion  # noqa: E402

port, delay = int(sys.argv[1]), float(sys.argv[2])
stats = {"requests": 0, "in_flight": 0, "peak_in_flight": 0}


# The answer to every POST .../audio/transcriptions (whisper-1's verbose_json), after the same delay: the upload is
# read and dropped a block at a time, so the stand-in's memory does not count against the worker's.
TRANSCRIPT = {"text": "Hello, this is Anna from Acme. I need a faster plan.", "language": "english", "duration": 4.0,
              "segments": [{"start": 0.0, "end": 2.0, "text": "Hello, this is Anna from Acme, how can I help you?"},
                           {"start": 2.0, "end": 4.0, "text": "I need a faster internet plan for my office."}]}


async def discard(reader, length):
    while length > 0:
        block = await reader.read(min(length, 1 << 20))
        if not block:
            raise asyncio.IncompleteReadError(b"", length)
        length -= len(block)


async def respond(writer, status, body):
    data = json.dumps(body).encode()
    writer.write(b"HTTP/1.1 %d OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (status, len(data)) + data)
    await writer.drain()


async def serve(reader, writer):
    loop = asyncio.get_running_loop()
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, path = lines[0].split(" ")[:2]
            headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:] if line)}
            length = int(headers.get("content-length", "0"))
            if method == "POST" and path.endswith("/audio/transcriptions"):
                await discard(reader, length)
                stats["transcriptions"] = stats.get("transcriptions", 0) + 1
                await asyncio.sleep(delay)
                await respond(writer, 200, TRANSCRIPT)
                continue
            body = await reader.readexactly(length)
            if method == "GET" and path == "/stats":
                await respond(writer, 200, stats)
            elif method == "POST" and path.endswith("/chat/completions"):
                arrived = loop.time()
                stats["in_flight"] += 1
                stats["peak_in_flight"] = max(stats["peak_in_flight"], stats["in_flight"])
                try:
                    answer = completion(json.loads(body))
                    await asyncio.sleep(max(0.0, arrived + delay - loop.time()))
                    await respond(writer, 200, answer)
                    stats["requests"] += 1
                finally:
                    stats["in_flight"] -= 1
            else:
                await respond(writer, 404, {"error": {"message": "no such route", "type": "invalid_request_error", "code": None}})
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=4096)
    async with server:
        await server.serve_forever()


asyncio.run(main())
