"""Prints GET /v1/reports/managers (read from standard input) as a table."""
import json
import sys

report = json.load(sys.stdin)
print(f'{"manager":<10}{"calls":>6}{"avg":>8}{"min":>6}{"max":>6}{"negative":>10}{"profanity":>11}  weakest criterion')
for row in report["managers"]:
    criteria = sorted(row["criteria"], key=lambda c: c["average"])
    weakest = f'{criteria[0]["name"]} ({criteria[0]["average"]:.0f})' if criteria else "-"
    print(f'{row["manager_id"]:<10}{row["calls"]:>6}{row["avg_score"]:>8.1f}{row["min_score"]:>6}{row["max_score"]:>6}'
          f'{row["negative_sentiment_share"] * 100:>9.0f}%{row["calls_with_profanity"]:>11}  {weakest}')
