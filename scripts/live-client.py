#!/usr/bin/env python3
"""Streams a WAV file to CallAudit's GET /v1/live as a live call, at the pace it was spoken, and prints the events
the service sends back (the transcript as it grows, then the queued call's id).

    .run/venv/bin/python scripts/live-client.py call.wav --manager anna --language en
    .run/venv/bin/python scripts/live-client.py call.wav --url ws://callaudit:8000 --key "$API_KEY" --fast

The WAV must be 16-bit PCM at 8, 16, 24, 44.1 or 48 kHz (the first channel of a stereo file is sent). Needs the
websockets package (scripts/setup.sh installs it in .run/venv)."""
import argparse
import asyncio
import json
import time
import urllib.parse
import wave

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed


def frames(path):
    with wave.open(path, "rb") as audio:
        if audio.getsampwidth() != 2:
            raise SystemExit(f"{path}: 16-bit PCM is needed, not {8 * audio.getsampwidth()}-bit")
        rate, channels = audio.getframerate(), audio.getnchannels()
        per_frame = rate // 50  # 20 ms
        while chunk := audio.readframes(per_frame):
            if channels > 1:
                chunk = b"".join(chunk[i:i + 2] for i in range(0, len(chunk), 2 * channels))
            yield rate, chunk


RATES = (8000, 16000, 24000, 44100, 48000)


async def stream(args):
    rate = wave.open(args.wav, "rb").getframerate()
    if rate not in RATES:
        raise SystemExit(f"{args.wav}: {rate} Hz is not one of {', '.join(map(str, RATES))}; "
                         f"convert it first, e.g. sox {args.wav} -r 16000 call-16k.wav")
    query = {"format": "pcm16", "sample_rate": rate, "manager_id": args.manager, "mode": args.mode}
    if args.language:
        query["language"] = args.language
    headers = {"Authorization": f"Bearer {args.key}"} if args.key else {}
    url = f"{args.url.rstrip('/')}/v1/live?{urllib.parse.urlencode(query)}"
    async with connect(url, additional_headers=headers, max_size=1 << 22) as socket:
        async def listen():
            try:
                async for message in socket:
                    event = json.loads(message)
                    kind = event.pop("type")
                    if kind != "transcript.delta":
                        print(f"{kind:28} {json.dumps(event, ensure_ascii=False)}", flush=True)
            except ConnectionClosed:
                pass  # the service ended the session (it said why in an error event)

        listener = asyncio.create_task(listen())
        start = time.perf_counter()
        try:
            for number, (_, chunk) in enumerate(frames(args.wav)):
                await socket.send(chunk)
                if not args.fast:
                    await asyncio.sleep(max(0, start + (number + 1) * 0.02 - time.perf_counter()))
            await socket.send(json.dumps({"type": "end"}))
        except ConnectionClosed:
            pass
        await listener
    closed = socket.close_code
    if closed != 1000:
        raise SystemExit(f"closed with {closed} {socket.close_reason or ''}".rstrip())

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wav")
    parser.add_argument("--url", default="ws://127.0.0.1:8000")
    parser.add_argument("--key", help="an API key (with API_KEYS set)")
    parser.add_argument("--manager", default="unassigned")
    parser.add_argument("--mode", default="manager", choices=["manager", "client", "dialog"])
    parser.add_argument("--language", help="ru, ko, en, …")
    parser.add_argument("--fast", action="store_true",
                        help="send without waiting (the service allows LIVE_MAX_LEAD_SECONDS ahead of real time)")
    asyncio.run(stream(parser.parse_args()))

if __name__ == "__main__":
    main()
