"""`pressbot crawl --replay` and `scrapy crawl` give the same records, offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_pressbot

from pressbot.fixtures.cases import find_cases
from pressbot.sites import SITES as BUNDLED_SITES

SITES = tuple(sorted(BUNDLED_SITES))  # every bundled site file (tests run without PRESSBOT_SITES_DIR)


def _records(path: Path) -> dict[str, dict]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        record["provenance"].pop("fetched_at")
        records[record["id"]] = record
    return records


def _listed_release_urls() -> set[str]:
    urls = set()
    for case in find_cases(FIXTURES):
        listing = (case.expected() or {}).get("listing")
        if listing:
            urls.update(entry["url"] for entry in listing["entries"])
    return urls


@pytest.fixture(scope="module")
def replay_crawl(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("crawl") / "releases.jsonl"
    result = run_pressbot(
        "crawl",
        "--replay",
        str(FIXTURES),
        "-O",
        str(out),
        "--no-state",
        "--quiet",
        "--rejects",
        str(out.with_suffix(".rejects.jsonl")),
    )
    return out, result


def test_replay_crawl_writes_every_listed_release_as_expected(replay_crawl) -> None:
    out, result = replay_crawl
    assert result.returncode in (0, 3), result.stderr[-2000:]
    records = _records(out)
    by_url = {c.url: c for c in find_cases(FIXTURES)}
    emitted_urls = {r["url"] for r in records.values()}
    blocked = {u for u in _listed_release_urls() if "error" in (by_url[u].expected() or {})}
    assert emitted_urls == _listed_release_urls() - blocked
    for record in records.values():
        expected = by_url[record["url"]].expected()
        provenance = record.pop("provenance")
        assert record == expected
        assert provenance["http_status"] == 200 and len(provenance["content_sha256"]) == 64


def test_blocked_pages_are_counted_per_site_not_emitted_or_rejected(replay_crawl) -> None:
    out, result = replay_crawl
    manifest = json.loads(Path(f"{out}.manifest.json").read_text(encoding="utf-8"))
    by_url = {c.url: c for c in find_cases(FIXTURES)}
    blocked = Counter(
        by_url[u].site
        for u in _listed_release_urls()
        if ((by_url[u].expected() or {}).get("error") or {}).get("reason") == "blocked"
    )
    assert sum(blocked.values()) >= 5  # a blocked page on every site that has one in its fixtures
    assert {name: site["blocked"] for name, site in manifest["sites"].items()} == {s: blocked[s] for s in SITES}
    assert all(site["rejects"] == {} for site in manifest["sites"].values())
    assert out.with_suffix(".rejects.jsonl").read_text(encoding="utf-8") == ""
    for name in SITES:
        assert f"{name:10}" in result.stderr  # the summary names every site


def test_reading_pages_in_worker_processes_gives_the_same_records(replay_crawl, tmp_path: Path) -> None:
    out, _ = replay_crawl
    parallel = tmp_path / "parallel.jsonl"
    result = run_pressbot(
        "crawl",
        "--replay",
        str(FIXTURES),
        "-O",
        str(parallel),
        "--no-state",
        "--quiet",
        "-s",
        "PRESSBOT_EXTRACT_WORKERS=2",
    )
    assert result.returncode in (0, 3), result.stderr[-2000:]
    assert _records(parallel) == _records(out)


def test_scrapy_list_names_a_spider_per_site_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(result.stdout.split()) == sorted(SITES)


def test_replay_output_is_utf8_unescaped(replay_crawl) -> None:
    out, _ = replay_crawl
    text = out.read_bytes().decode("utf-8")
    assert "日米" in text and "\\u65e5" not in text


def test_scrapy_crawl_gives_the_same_records(replay_crawl, tmp_path: Path) -> None:
    out, _ = replay_crawl
    combined: dict[str, dict] = {}
    for site in SITES:
        feed = tmp_path / f"{site}.jsonl"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                site,
                "-s",
                f"PRESSBOT_REPLAY={FIXTURES}",
                "-O",
                str(feed),
                "-s",
                "LOG_LEVEL=WARNING",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ},
        )
        assert result.returncode == 0, result.stderr[-2000:]
        combined.update(_records(feed))
    assert combined == _records(out)


def test_a_request_with_no_fixture_is_an_error_and_opens_no_socket(tmp_path: Path) -> None:
    fixtures = tmp_path / "fixtures"
    shutil.copytree(FIXTURES / "mofa_ja" / "listing_index_page1", fixtures / "mofa_ja" / "listing_index_page1")
    guard = tmp_path / "connects.log"
    code = (
        "import socket, sys\n"
        f"log = open({str(guard)!r}, 'a')\n"
        "real = socket.socket.connect\n"
        "def connect(self, address):\n"
        "    local = isinstance(address, str) or address[0] in ('127.0.0.1', '::1')\n"
        "    if not local:\n"
        "        log.write(repr(address) + '\\n'); log.flush()\n"
        "        raise OSError('network disabled in tests')\n"
        "    return real(self, address)\n"
        "socket.socket.connect = connect\n"
        "from pressbot.cli import main\n"
        f"sys.argv = ['pressbot', 'crawl', 'mofa_ja', '--replay', {str(fixtures)!r}, '--no-state', '--quiet',\n"
        f"            '-O', {str(tmp_path / 'out.jsonl')!r}, '--manifest', {str(tmp_path / 'manifest.json')!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 6, result.stderr[-2000:]
    assert "no fixture for https://www.mofa.go.jp/mofaj/" in result.stderr
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sites"]["mofa_ja"]["replay_missing"] >= 5
    assert not guard.exists() or guard.read_text() == ""
