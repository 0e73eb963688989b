"""A realtime transcription stand-in for the live-call benchmark: answers session.update, and answers every appended
frame at once with a transcription delta naming the frame's first byte and its length, so the client can time a
frame's way through the ingest and back. Usage: realtime_echo.py PORT"""
import asyncio
import base64
import json
import sys

from websockets.asyncio.server import serve


async def session(socket):
    item = 0
    async for message in socket:
        event = json.loads(message)
        kind = event.get("type")
        if kind == "session.update":
            await socket.send(json.dumps({"type": "session.updated", "session": event.get("session", {})}))
        elif kind == "input_audio_buffer.append":
            audio = base64.b64decode(event["audio"])
            await socket.send(json.dumps({
                "type": "conversation.item.input_audio_transcription.delta", "item_id": "item_bench",
                "content_index": 0, "delta": f"{audio[0]}:{len(audio)} ",
            }))
        elif kind == "input_audio_buffer.commit":
            item += 1
            await socket.send(json.dumps({"type": "input_audio_buffer.committed", "item_id": f"item_{item}"}))
            await socket.send(json.dumps({
                "type": "conversation.item.input_audio_transcription.completed", "item_id": f"item_{item}",
                "content_index": 0, "transcript": "benchmark turn",
                "usage": {"type": "tokens", "input_tokens": 10, "output_tokens": 2, "total_tokens": 12},
            }))


async def main(port):
    async with serve(session, "127.0.0.1", port, max_size=1 << 22, compression=None):
        await asyncio.Future()


asyncio.run(main(int(sys.argv[1])))
