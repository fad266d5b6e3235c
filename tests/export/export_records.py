"""Input records for the export tests, made from the fixtures' expected records (plus a provenance) and copies."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pressbot.jsonfmt import json_line
from pressbot.models import Release

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def fixture_records() -> list[dict[str, Any]]:
    """Every release case's expected record, with the provenance a crawl would stamp, sorted by id."""
    records = []
    for expected in sorted(FIXTURES.glob("*/*/expected.json")):
        record = json.loads(expected.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or "kind" not in record:
            continue  # listing pages, blocked pages
        response = json.loads((expected.parent / "response.json").read_text(encoding="utf-8"))
        body = (expected.parent / "response.html").read_bytes()
        record["provenance"] = {
            "fetched_at": response["fetched_at"],
            "content_sha256": hashlib.sha256(body).hexdigest(),
            "parser_version": "0.1.0",
            "http_status": response["status"],
            "encoding": "utf-8",
        }
        records.append(Release.model_validate(record).model_dump(mode="json"))
    return sorted(records, key=lambda record: record["id"])


def without_meetings(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**copy.deepcopy(record), "meeting": None} for record in records]


def without_agenda(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    changed = copy.deepcopy(list(records))
    for record in changed:
        if record["meeting"] is not None:
            record["meeting"]["agenda"] = []
    return changed


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json_line(record) for record in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def nested_points(depth: int) -> list[dict[str, Any]]:
    """One agenda point with sub-points ``depth`` levels deep (1 = a point without sub-points)."""
    point: dict[str, Any] = {"number": str(depth), "heading": None, "text": f"level {depth}", "points": []}
    for level in range(depth - 1, 0, -1):
        point = {"number": str(level), "heading": None, "text": f"level {level}", "points": [point]}
    return [point]
