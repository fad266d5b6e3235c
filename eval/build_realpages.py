"""Build eval/realpages.jsonl from the hand-labelled eval/facts_src.jsonl and the texts in eval/texts/.

facts_src.jsonl is compact: participants as [name, name_en, reading, title, country, person] and agenda
points as a marker string found in the text (the first 15 characters from the marker's position are kept).
Every name and marker is checked against the text, so a label that is not in the text fails the build.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANG = {
    "mofa_ja": "ja",
    "mofa_en": "en",
    "kr_mofa_en": "en",
    "kr_mofa_ko": "ko",
    "mod": "ja",
    "kantei": "ja",
    "us_state": "en",
}


def language(source: str, text: str) -> str:
    if source in LANG:
        return LANG[source]
    if len(re.findall(r"[\uac00-\ud7a3]", text)) > 50:
        return "ko"
    if len(re.findall(r"[\u3040-\u30ff]", text)) > 30:
        return "ja"
    return "en"


def main() -> int:
    rows, problems = [], []
    seen = set()
    lines = [ln for f in sorted(HERE.glob("facts_src*.jsonl")) for ln in f.read_text(encoding="utf-8").splitlines()]
    for _n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        src = json.loads(line)
        pid = src["id"]
        if pid in seen:
            problems.append(f"{pid}: duplicate id")
        seen.add(pid)
        path = HERE / "texts" / f"{pid}.txt"
        if not path.exists():
            problems.append(f"{pid}: no text")
            continue
        text = path.read_text(encoding="utf-8")
        meeting = None
        m = src.get("m")
        if m:
            participants = []
            for name, name_en, reading, title, country, person in m["p"]:
                if name not in text:
                    problems.append(f"{pid}: name {name!r} not in text")
                if name_en and name_en.replace(" ", "") not in text.replace(" ", "") and name_en not in text:
                    problems.append(f"{pid}: name_en {name_en!r} not in text")
                participants.append(
                    {
                        "name": name,
                        "name_en": name_en,
                        "reading": reading,
                        "title": title,
                        "country": country,
                        "person": person,
                    }
                )
            agenda = []
            for marker in m["ag"]:
                at = text.find(marker)
                if at < 0:
                    problems.append(f"{pid}: agenda marker {marker!r} not in text")
                    continue
                agenda.append(text[at : at + 15])
            countries = sorted({p["country"] for p in participants} | set(m.get("c", [])))
            meeting = {
                "date": m["date"],
                "date_how": m["how"],
                "countries": countries,
                "participants": participants,
                "agenda_starts": agenda,
            }
        rows.append(
            {
                "id": pid,
                "url": src["url"],
                "source": src["source"],
                "language": language(src["source"], text),
                "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "query": src["query"],
                "title": src["title"],
                "published": src["published"],
                "event": src["event"],
                "kind": src["kind"],
                "meeting": meeting,
            }
        )
        if src["title"] and src["title"] not in text:
            problems.append(f"{pid}: title not in text")
    rows.sort(key=lambda r: r["id"])
    with open(HERE / "realpages.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(rows)} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
