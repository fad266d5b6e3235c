"""The link_* fixture pages read by pressbot.extract, and small hand-made records for the rules."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pressbot import extract
from pressbot.models import Release

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TRILATERAL = [
    "mofa_ja/link_trilateral_vice_ministerial_seoul",
    "mofa_en/link_trilateral_vice_ministerial_seoul",
    "us_state/link_trilateral_vice_ministerial_seoul",
    "kr_mofa/link_trilateral_vice_ministerial_seoul",
    "kr_mofa_ko/link_trilateral_vice_ministerial_seoul",
]
SIDELINES = "mofa_ja/link_sidelines_bilateral_seoul"


@cache
def read_case(name: str) -> Release:
    path = FIXTURES / name
    url = json.loads((path / "response.json").read_text(encoding="utf-8"))["url"]
    return extract((path / "response.html").read_bytes(), url=url)


def record(rid: str, date: str, countries: list[str], people: list[dict], **extra) -> dict:
    """A release JSON dict with a meeting (the fields linking reads)."""
    site = rid.split(":", 1)[0]
    meeting = {"date": date, "countries": countries, "mode": extra.pop("mode", "in_person"), "participants": people}
    meeting["name"] = extra.pop("name", None)
    return {
        "id": rid,
        "site": site,
        "language": extra.pop("language", "en"),
        "title": extra.pop("title", "Meeting"),
        "kind": extra.pop("kind", "meeting"),
        "published": date,
        "url": f"https://example.org/{rid}",
        "meeting": meeting,
        **extra,
    }


def person(name: str, country: str, title: str | None = None, **extra) -> dict:
    return {"name": name, "country": country, "title": title, **extra}
