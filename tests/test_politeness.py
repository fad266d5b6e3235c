"""Site walking against a local server: date windows, offsite redirects, robots.txt failures, Crawl-delay."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from conftest import FIXTURES, run_pressbot
from crawling import crawl, records

from pressbot.fixtures.server import FixtureServer

ROBOTS = "https://www.mofa.go.jp/robots.txt"
RELEASE = "https://www.mofa.go.jp/mofaj/na/na1/us/pageit_000001_01531.html"


def test_since_window_stops_paging_past_it(tmp_path: Path) -> None:
    manifest_path = tmp_path / "manifest.json"
    result = run_pressbot(
        "crawl",
        "mofa_ja",
        "--replay",
        str(FIXTURES),
        "--since",
        "2025-01-12",
        "--until",
        "2025-01-31",
        "--no-state",
        "--quiet",
        "-O",
        str(tmp_path / "out.jsonl"),
        "--manifest",
        str(manifest_path),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    site = json.loads(manifest_path.read_text(encoding="utf-8"))["sites"]["mofa_ja"]
    assert site["listing_pages"] == 1  # index_2.html (older) is never requested
    dates = [r["published"] for r in records(tmp_path / "out.jsonl")]
    assert dates and all("2025-01-12" <= d <= "2025-01-31" for d in dates)


def test_whole_listing_is_paged_without_a_window(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        crawl(server.url, tmp_path / "out.jsonl", "--no-state")
        assert any(s.url.endswith("index_2.html") for s in server.log)


def test_redirect_to_another_domain_is_not_followed(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(RELEASE, b"", status=302, headers=[("Location", "https://tracker.example.net/landing")])
        _result, _manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
        assert not any("example.net" in s.url for s in server.log)
    assert RELEASE not in {r["url"] for r in records(tmp_path / "out.jsonl")}
    assert len(records(tmp_path / "out.jsonl")) == 7


def test_robots_txt_answering_500_stops_the_host(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(ROBOTS, b"oops", status=500)
        result, manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
        hosts_pages = [s for s in server.log if s.url.startswith("https://www.mofa.go.jp/") and "robots" not in s.url]
    assert hosts_pages == []
    assert result.returncode == 3
    assert manifest["sites"]["mofa_ja"]["robots_refused"] == 1
    assert "robots.txt of www.mofa.go.jp answered 500" in result.stderr


def test_crawl_delay_is_honoured(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(ROBOTS, b"User-agent: *\nCrawl-delay: 0.4\n", headers=[("Content-Type", "text/plain")])
        result, _ = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
        times = [s.at for s in server.log if "robots" not in s.url]
    assert result.returncode == 0, result.stderr[-2000:]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(gaps) >= 8 and min(gaps) >= 0.38


def test_a_503_slows_the_host_down_before_the_retry(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.fault(RELEASE, "503")
        result, _ = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
        log = [s for s in server.log if "robots" not in s.url]
    assert result.returncode == 0, result.stderr[-2000:]
    failed = next(s for s in log if s.status == 503)
    retry = next(s for s in log if s.url == RELEASE and s.at > failed.at)
    previous = max(s.at for s in log if s.at < retry.at)
    # The host's delay went from 0 to 1 s: Scrapy spaces the requests it sends to the host, so the retry
    # arrives about 1 s after the request before it (these are arrival times: allow for a loaded machine).
    assert retry.at - previous >= 0.75
    assert RELEASE in {r["url"] for r in records(tmp_path / "out.jsonl")}  # and the retry got it
