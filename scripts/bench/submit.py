"""Submits N short text calls to POST /v1/calls over a few keep-alive connections; prints the count accepted.
Usage: submit.py PORT N [distinct] — with `distinct`, every dialog differs (an order number), so that no answer is
served from the provider answer cache."""
import http.client
import json
import sys
import threading

port, total, threads = int(sys.argv[1]), int(sys.argv[2]), 8
distinct = sys.argv[3:] == ["distinct"]
body_template = ('{"dialog_text": "Клиент: Привет! Менеджер: Добрый день, меня зовут Анна. Чем могу помочь? '
                 'Клиент: Сколько стоит тариф? Менеджер: 500 рублей, отправлю договор сегодня.%s", "manager_id": "m%d"}')
accepted = [0] * threads


def run(index):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    for number in range(index, total, threads):
        connection.request("POST", "/v1/calls", (body_template % (f" Заказ {number}." if distinct else "", number % 20)).encode("utf-8"), {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status == 202:
            accepted[index] += 1


workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(sum(accepted))
