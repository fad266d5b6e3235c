"""What a fixture case should produce, and a readable per-field diff against expected.json."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.robotparser import RobotFileParser

from pressbot import statuses
from pressbot.errors import ExtractError
from pressbot.extract import extract
from pressbot.extract.listing import read_listing
from pressbot.fixtures import Case
from pressbot.sites import get_site, site_for_url


def render_case(case: Case) -> dict[str, Any]:
    """The output pressbot gives for one saved page (a record, a listing, a redirect or an error)."""
    site = get_site(case.site) if case.site != "generic" else site_for_url(case.url)
    if 300 <= case.status < 400:
        return {"redirect": case.header("Location")}
    if case.url.endswith("/robots.txt"):
        parser = RobotFileParser()
        parser.parse(case.body.decode("utf-8", "replace").splitlines())
        return {"robots": {"crawl_delay": parser.crawl_delay("pressbot")}}
    if case.status in statuses.BLOCKED:
        return {"error": {"reason": "blocked", "status": case.status}}
    try:
        if site.release_key(case.url) is None and site.listing is not None:
            anchor = dt.datetime.fromisoformat((case.fetched_at or "1970-01-01").replace("Z", "+00:00")).date()
            return {"listing": read_listing(case.body, case.url, site, anchor, case.header("Content-Type")).as_dict()}
        release = extract(case.body, url=case.url, site=site.name, content_type=case.header("Content-Type"))
    except ExtractError as exc:
        return {"error": {"reason": exc.reason}}
    return release.model_dump(mode="json", exclude={"provenance"})


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out or {prefix: {}}
    if isinstance(value, list) and value:
        out = {}
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{index}]"))
        return out
    return {prefix: value}


def diff(expected: Any, actual: Any) -> list[str]:
    """One line per differing field: '~ path: expected → actual', '- path' missing, '+ path' new."""
    left, right = flatten(expected), flatten(actual)
    lines = []
    for path in sorted(left.keys() | right.keys()):
        if path not in right:
            lines.append(f"- {path}: {_show(left[path])}")
        elif path not in left:
            lines.append(f"+ {path}: {_show(right[path])}")
        elif left[path] != right[path]:
            lines.append(f"~ {path}: {_show(left[path])} → {_show(right[path])}")
    return lines


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."
