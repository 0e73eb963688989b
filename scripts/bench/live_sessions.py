"""Opens SESSIONS live calls at once on GET /v1/live and streams SECONDS of G.711 μ-law to each at real-time pace
(20 ms frames); each frame's first byte is its number (mod 200, never 0xFF). Prints, as JSON: sessions that ended with
call.queued, frames sent, and the delay from a frame sent to its delta received (median, p95, max, in ms).
Usage: live_sessions.py URL SESSIONS SECONDS"""
import asyncio
import json
import statistics
import sys
import time

from websockets.asyncio.client import connect


async def one(url, seconds, delays, ended):
    frames = seconds * 50
    sent = {}
    async with connect(url, max_size=1 << 22, compression=None) as socket:
        async def receive():
            async for message in socket:
                event = json.loads(message)
                if event.get("type") == "transcript.delta":
                    marker = int(event["text"].split(":")[0])
                    started = sent.pop(marker, None)
                    if started is not None:
                        delays.append((time.perf_counter() - started) * 1000)
                elif event.get("type") == "call.queued":
                    ended.append(event["call_id"])
        receiver = asyncio.create_task(receive())
        start = time.perf_counter()
        for number in range(frames):
            marker = number % 200
            sent[marker] = time.perf_counter()
            await socket.send(bytes([marker]) + bytes([0x7F]) * 159)
            await asyncio.sleep(max(0, start + (number + 1) * 0.02 - time.perf_counter()))
        await socket.send(json.dumps({"type": "end"}))
        await receiver


async def main(url, sessions, seconds):
    delays, ended = [], []
    await asyncio.gather(*(one(url, seconds, delays, ended) for _ in range(sessions)))
    delays.sort()
    print(json.dumps({
        "sessions": sessions, "queued": len(ended), "frames": sessions * seconds * 50, "deltas": len(delays),
        "delay_ms_median": round(statistics.median(delays), 2) if delays else None,
        "delay_ms_p95": round(delays[int(len(delays) * 0.95)], 2) if delays else None,
        "delay_ms_max": round(delays[-1], 2) if delays else None,
    }))


asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
