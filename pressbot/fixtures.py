"""Fixture cases: saved pages (response.html + response.json) and their expected records.

Pure file handling, no Scrapy: used by replay, by ``pressbot fixtures`` and by the tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from w3lib.url import canonicalize_url

from pressbot.jsonfmt import json_document


@dataclass(frozen=True)
class Case:
    path: Path

    @cached_property
    def meta(self) -> dict:
        return json.loads((self.path / "response.json").read_text(encoding="utf-8"))

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"

    @property
    def site(self) -> str:
        return self.path.parent.name

    @property
    def url(self) -> str:
        return self.meta["url"]

    @property
    def status(self) -> int:
        return int(self.meta.get("status", 200))

    @property
    def headers(self) -> list[tuple[str, str]]:
        return [(str(k), str(v)) for k, v in self.meta.get("headers", [])]

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    @property
    def fetched_at(self) -> str | None:
        return self.meta.get("fetched_at")

    @property
    def body(self) -> bytes:
        path = self.path / "response.html"
        return path.read_bytes() if path.exists() else b""

    @property
    def expected_path(self) -> Path:
        return self.path / "expected.json"

    def expected(self) -> dict | None:
        path = self.expected_path
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def facts(self) -> dict | None:
        path = self.path / "facts.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def find_cases(root: Path | str) -> list[Case]:
    """Every case under ``root`` (a fixtures folder, a site folder or one case), sorted by path."""
    root = Path(root)
    return [Case(p.parent) for p in sorted(root.rglob("response.json"))]


def url_key(url: str) -> str:
    return canonicalize_url(url, keep_fragments=False)


def index_cases(root: Path | str) -> dict[str, Case]:
    """URL → case. Two cases for one URL is an error: replay must be unambiguous."""
    index: dict[str, Case] = {}
    for case in find_cases(root):
        key = url_key(case.url)
        if key in index:
            raise ValueError(f"two fixture cases for {case.url}: {index[key].path} and {case.path}")
        index[key] = case
    return index


def write_case(path: Path, url: str, status: int, headers: list[tuple[str, str]], body: bytes, fetched_at: str) -> Case:
    path.mkdir(parents=True, exist_ok=True)
    (path / "response.html").write_bytes(body)
    meta = {"url": url, "status": status, "headers": [list(h) for h in headers], "fetched_at": fetched_at}
    (path / "response.json").write_text(json_document(meta), encoding="utf-8")
    return Case(path)
