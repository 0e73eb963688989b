"""Prints one line about a call from GET /v1/calls/{id} (read from standard input)."""
import json
import sys

call = json.load(sys.stdin)
result = call.get("result") or {}
sentiment = (result.get("sentiment") or {}).get("overall", {}).get("label", "-")
profanity = "profanity" if (result.get("profanity") or {}).get("found") else ""
print(f'{call.get("call_id") or call["id"]:<12} {call["manager_id"]:<8} {call["mode"]:<8} {call["status"]:<7} '
      f'score {result.get("total_score", "-"):>3}  {result.get("language", "-"):<3} {sentiment:<9} {profanity}')
if result.get("summary"):
    print(f'             {result["summary"][:150]}')
for recommendation in (result.get("recommendations") or [])[:2]:
    print(f'             → {recommendation[:150]}')
