"""Helpers for tests that crawl a local FixtureServer with `pressbot crawl --upstream`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_pressbot

_BASE = "https://www.mofa.go.jp/mofaj/"
# The releases the two mofa_ja listing fixtures link to.
MOFA_JA_LISTED = frozenset(
    {
        _BASE + "press/release/pressit_000001_01509.html",
        _BASE + "press/release/pressit_000001_01566.html",
        _BASE + "press/release/pressit_000001_01571.html",
        _BASE + "fp/pp/pageit_000001_01530.html",
        _BASE + "na/na1/us/pageit_000001_01531.html",
        _BASE + "na/na1/us/pageit_000001_01486.html",
        _BASE + "a_o/ocn/au/pageit_000001_01489.html",
        _BASE + "s_sa/sea2/id/pageit_000001_01505.html",
    }
)
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=2", "--quiet")


def crawl(server_url: str, out: Path, *args: str, sites: tuple[str, ...] = ("mofa_ja",), extra: tuple[str, ...] = FAST):
    manifest = out.with_suffix(".manifest.json")
    result = run_pressbot(
        "crawl",
        *sites,
        "--upstream",
        server_url,
        "-o",
        str(out),
        "--manifest",
        str(manifest),
        "--rejects",
        str(out.with_suffix(".rejects.jsonl")),
        *extra,
        *args,
    )
    data = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else None
    return result, data


def records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def rejects(path: Path) -> list[dict]:
    return records(path.with_suffix(".rejects.jsonl"))


def start_crawl(server_url: str, out: Path, state: str, delay: float) -> subprocess.Popen:
    """A slow crawl in the background (to kill it, or to overlap it with another run)."""
    args = [
        sys.executable,
        "-m",
        "pressbot.cli",
        "crawl",
        "mofa_ja",
        "--upstream",
        server_url,
        "--state",
        state,
        "-o",
        str(out),
        "--quiet",
        "-s",
        f"DOWNLOAD_DELAY={delay}",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
    ]
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
