"""Report which dev texts (eval/texts/<id>.txt) are missing or differ from text_sha256 in eval/realpages.jsonl."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    rows = [
        json.loads(line) for line in (HERE / "realpages.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    missing, differ = [], []
    for row in rows:
        path = HERE / "texts" / f"{row['id']}.txt"
        if not path.exists():
            missing.append(row)
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["text_sha256"]:
            differ.append(row)
    for row in missing:
        print(f"missing  {row['id']}  query={row['query']!r}  url={row['url']}")
    for row in differ:
        print(f"differs  {row['id']}  url={row['url']}")
    print(
        f"{len(rows)} pages: {len(rows) - len(missing) - len(differ)} ok, {len(missing)} missing, {len(differ)} differ"
    )
    return 1 if missing or differ else 0


if __name__ == "__main__":
    sys.exit(main())
