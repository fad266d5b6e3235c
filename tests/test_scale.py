"""Many workers on one real Redis (started here on 127.0.0.1) and a 30-host farm on a local server.

- 3 workers (two through `pressbot crawl --redis`, one through `scrapy crawl -s REDIS_URL=…`): every release once
  in the union of their parts; no host served faster than its delay allows (the server's own log).
- One of 3 workers SIGKILLed mid-crawl, a replacement started: every release emitted exactly once, every line parses.
- A second run of all workers on the unchanged farm emits nothing and fetches no release body (304s).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from pressbot.fixtures.farm import farm_server, min_gaps
from pressbot.fixtures.redis import RedisServer

HOSTS = 30
DELAY = 0.2
# Redis's clock counts whole milliseconds: a gap may read up to 1 ms short of the delay.
SLACK = 0.002


@pytest.fixture
def redis_url():
    server = RedisServer().start()
    try:
        yield server.url
    finally:
        server.stop()


def _worker(
    redis_url: str, farm_url: str, run_dir: Path, run_id: str, name: str, *, scrapy: bool = False
) -> subprocess.Popen:
    settings = {
        "DOWNLOAD_DELAY": str(DELAY),
        "AUTOTHROTTLE_ENABLED": "False",
        "PRESSBOT_EXTRACT_WORKERS": "0",
        "PRESSBOT_LEASE_SECONDS": "2",
        "PRESSBOT_PROGRESS_INTERVAL": "0",
        "LOG_LEVEL": os.environ.get("T_LOG", "WARNING"),
    }
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if scrapy:
        env["PRESSBOT_UPSTREAM"] = farm_url
        settings |= {"REDIS_URL": redis_url, "PRESSBOT_RUN_ID": run_id, "PRESSBOT_WORKER": name}
        settings |= {"PRESSBOT_RUN_DIR": str(run_dir)}
        args = [sys.executable, "-m", "scrapy", "crawl", "mofa_en"]
    else:
        args = [sys.executable, "-m", "pressbot.cli", "crawl", "mofa_en", "--upstream", farm_url, "--quiet"]
        args += ["--redis", redis_url, "--run-id", run_id, "--worker", name, "--run-dir", str(run_dir)]
    for key, value in settings.items():
        args += ["-s", f"{key}={value}"]
    log = open(run_dir / f"{run_id}-{name}.log", "wb")  # noqa: SIM115 - closed when the process is waited for
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def _wait(processes: list[subprocess.Popen], timeout: float = 90) -> list[int]:
    deadline = time.monotonic() + timeout
    codes = []
    for process in processes:
        try:
            codes.append(process.wait(max(deadline - time.monotonic(), 1)))
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    return codes


def _part_records(run: Path) -> list[dict]:
    records = []
    for part in sorted(run.glob("releases-*.jsonl")):
        data = part.read_bytes()
        assert not data or data.endswith(b"\n"), f"{part.name}: a torn last line"
        records += [json.loads(line) for line in data.splitlines()]
    return records


def _run_status(run: Path, redis_url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pressbot.cli", "run-status", str(run), "--redis", redis_url],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def _log_tail(run_dir: Path) -> str:
    return "\n".join(p.read_text(errors="replace")[-1500:] for p in sorted(run_dir.glob("*.log")))


def test_three_workers_share_frontier_politeness_and_state(tmp_path, redis_url):
    releases = 90
    farm = farm_server(releases, HOSTS)
    try:
        procs = [
            _worker(redis_url, farm.url, tmp_path, "r1", "w1"),
            _worker(redis_url, farm.url, tmp_path, "r1", "w2"),
            _worker(redis_url, farm.url, tmp_path, "r1", "w3", scrapy=True),
        ]
        assert _wait(procs) == [0, 0, 0], _log_tail(tmp_path)
        first_run = list(farm.log)
        run = tmp_path / "r1"
        records = _part_records(run)
        ids = Counter(r["id"] for r in records)
        assert len(ids) == releases and set(ids.values()) == {1}
        assert all(len(list(run.glob(f"releases-{w}.jsonl"))) == 1 for w in ("w1", "w2", "w3"))
        assert sum(1 for p in run.glob("releases-*.jsonl") if p.stat().st_size) >= 2  # the work was shared
        gaps = min_gaps(first_run)
        assert len(gaps) == HOSTS + 1  # the 30 release hosts and the listing host
        assert min(gaps.values()) >= DELAY - SLACK, sorted(gaps.items(), key=lambda kv: kv[1])[:3]
        robots = [s for s in first_run if s.url.endswith("/robots.txt")]
        assert len(robots) == HOSTS + 1  # fetched once per host, not once per worker
        status = _run_status(run, redis_url)
        assert status.returncode == 0, status.stderr
        merged = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
        assert merged["sites"]["mofa_en"]["releases"]["new"] == releases
        assert set(merged["workers"]) == {"w1", "w2", "w3"}
        assert len((run / "releases.jsonl").read_text(encoding="utf-8").splitlines()) == releases

        # The second run on the unchanged farm: nothing emitted, every release answered 304.
        farm.log.clear()
        procs = [_worker(redis_url, farm.url, tmp_path, "r2", f"w{i}") for i in (1, 2, 3)]
        assert _wait(procs) == [0, 0, 0], _log_tail(tmp_path)
        assert _part_records(tmp_path / "r2") == []
        bodies = [s for s in farm.log if "pressite_" in s.url]
        assert len(bodies) == releases and {s.status for s in bodies} == {304}
        status = _run_status(tmp_path / "r2", redis_url)
        assert status.returncode == 0, status.stderr
        merged = json.loads((tmp_path / "r2" / "manifest.json").read_text(encoding="utf-8"))
        assert merged["sites"]["mofa_en"]["releases"]["unchanged"] == releases
    finally:
        farm.stop()


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(tmp_path, redis_url):
    releases = 150
    farm = farm_server(releases, HOSTS)
    try:
        procs = [_worker(redis_url, farm.url, tmp_path, "k", f"w{i}") for i in (1, 2, 3)]
        victim = tmp_path / "k" / "releases-w1.jsonl"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not victim.exists() or victim.read_bytes().count(b"\n") < 10):
            time.sleep(0.05)
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait()
        killed_at = victim.read_bytes().count(b"\n")
        assert killed_at < releases / 2, "the crawl was over before the kill"
        procs.append(_worker(redis_url, farm.url, tmp_path, "k", "w4"))
        assert _wait(procs[1:]) == [0, 0, 0], _log_tail(tmp_path)
        records = _part_records(tmp_path / "k")  # every line parses
        ids = Counter(r["id"] for r in records)
        assert len(ids) == releases, f"{releases - len(ids)} release(s) lost"
        assert [i for i, n in ids.items() if n > 1] == [], "emitted twice"
        status = _run_status(tmp_path / "k", redis_url)
        assert status.returncode == 0, status.stderr
        merged = json.loads((tmp_path / "k" / "manifest.json").read_text(encoding="utf-8"))
        assert merged["workers_without_manifest"] == ["w1"]
        assert merged["merge"]["records"] == releases
    finally:
        farm.stop()
