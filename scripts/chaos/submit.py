"""Submits N distinct text calls to POST /v1/calls from 8 threads, each with an Idempotency-Key, retrying a 503 or a
broken connection (Redis or PostgreSQL restarting) until the call is accepted. Writes the accepted ids, one per
line, to OUT and prints how many answers were retried. Usage: submit.py PORT N OUT"""
import http.client
import json
import sys
import threading
import time
import uuid

port, total, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
threads = 8
accepted = [[] for _ in range(threads)]
retried = [0] * threads


def submit(index, number):
    body = json.dumps({
        "dialog_text": f"Agent: Hello, this is Anna from Acme, call {number}. How can I help? "
                       f"Customer: I need a plan for {number % 50 + 1} people. Agent: I will send an offer today.",
        "manager_id": f"m{number % 10}", "mode": "manager",
    }).encode()
    key = str(uuid.uuid4())
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("POST", "/v1/calls", body, {"Content-Type": "application/json", "Idempotency-Key": key})
            response = connection.getresponse()
            text = response.read()
            connection.close()
            if response.status == 202:
                return json.loads(text)["id"]
            if response.status != 503:
                raise SystemExit(f"call {number}: unexpected {response.status} {text[:200]!r}")
        except (OSError, http.client.HTTPException):
            pass
        retried[index] += 1
        time.sleep(0.2)


def run(index):
    for number in range(index, total, threads):
        accepted[index].append(submit(index, number))
        time.sleep(0.01)


workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
with open(out, "w") as file:
    for ids in accepted:
        file.writelines(f"{id}\n" for id in ids)
print(sum(retried))
