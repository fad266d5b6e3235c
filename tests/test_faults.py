"""Faults, crashes and overlapping runs: every release ends emitted or rejected with a reason, once."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from conftest import FIXTURES
from crawling import FAST, MOFA_JA_LISTED, crawl, records, rejects, start_crawl

from pressbot.fixtures.server import FixtureServer

LISTED = MOFA_JA_LISTED


def test_faults_end_as_records_or_rejects_never_both_never_twice(tmp_path: Path) -> None:
    urls = sorted(LISTED)
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.fault(urls[0], "500", "500", "500")  # more than the retries: rejected
        server.fault(urls[1], "500")  # a burst the retry rides out
        server.fault(urls[2], "timeout", "timeout", "timeout")  # rejected as a fetch error
        server.fault(urls[3], "reset")
        server.fault(urls[4], "truncate")
        server.fault(urls[5], "huge", "huge", "huge")  # over DOWNLOAD_MAXSIZE every time
        out = tmp_path / "out.jsonl"
        result, _manifest = crawl(server.url, out, "--no-state", extra=(*FAST, "-s", "DOWNLOAD_TIMEOUT=1"))
    emitted = Counter(r["url"] for r in records(out))
    rejected = Counter(r["url"] for r in rejects(out))
    assert max(emitted.values()) == 1 and max(rejected.values()) == 1
    assert set(emitted) | set(rejected) == LISTED
    assert not set(emitted) & set(rejected)
    assert {urls[0], urls[2], urls[5]} <= set(rejected)
    assert {urls[1], urls[3], urls[4]} <= set(emitted)
    assert all(r["reason"] for r in rejects(out))
    assert result.returncode != 0  # rejects above the 20% gate and fetch errors: the run says so


def _kill_when(process: subprocess.Popen, path: Path, lines: int, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_killed_run_resumes_without_losses_or_duplicates(tmp_path: Path) -> None:
    state = str(tmp_path / "state.sqlite")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with FixtureServer.from_fixtures(FIXTURES) as server:
        process = start_crawl(server.url, first, state, delay=0.3)
        _kill_when(process, first, 3)
        crawl(server.url, second, "--state", state)
    for path in (first, second):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    ids = [r["id"] for r in records(first) + records(second)]
    assert 3 <= len(records(first)) < 8
    assert len(ids) == len(set(ids)) == 8


def test_overlapping_run_exits_with_its_own_code(tmp_path: Path) -> None:
    state = str(tmp_path / "state.sqlite")
    with FixtureServer.from_fixtures(FIXTURES) as server:
        process = start_crawl(server.url, tmp_path / "a.jsonl", state, delay=1)
        try:
            deadline = time.monotonic() + 30
            while not Path(state + ".lock").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(0.5)
            result, _ = crawl(server.url, tmp_path / "b.jsonl", "--state", state)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
    assert result.returncode == 75
    assert "another pressbot run holds" in result.stderr
