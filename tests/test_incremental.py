"""Scheduled crawls against a local server: only new or changed releases, conditional requests, withdrawals."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES
from crawling import crawl, records

from pressbot.fixtures.server import FixtureServer

CHANGED = "https://www.mofa.go.jp/mofaj/na/na1/us/pageit_000001_01531.html"
GONE = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01509.html"
BLOCKED = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_01580.html"  # answers 403: never in state


def _release_urls(server: FixtureServer) -> set[str]:
    return {
        s.url for s in server.log if "/index" not in s.url and not s.url.endswith("robots.txt") and s.url != BLOCKED
    }


def test_runs_emit_only_what_is_new_changed_or_withdrawn(tmp_path: Path) -> None:
    state = str(tmp_path / "state.sqlite")
    with FixtureServer.from_fixtures(FIXTURES) as server:
        result, manifest = crawl(server.url, tmp_path / "run1.jsonl", "--state", state)
        assert result.returncode == 0, result.stderr[-3000:]
        first = records(tmp_path / "run1.jsonl")
        assert len(first) == 8 and {r["revision"] for r in first} == {1}
        assert manifest["sites"]["mofa_ja"]["releases"]["new"] == 8

        server.log.clear()
        result, manifest = crawl(server.url, tmp_path / "run2.jsonl", "--state", state)
        assert result.returncode == 0, result.stderr[-3000:]
        assert records(tmp_path / "run2.jsonl") == []
        release_requests = [s for s in server.log if s.url in _release_urls(server)]
        assert release_requests and all(s.status == 304 and s.body_bytes == 0 for s in release_requests)
        assert manifest["sites"]["mofa_ja"]["releases"]["unchanged"] == 8

        page = server.pages[next(k for k in server.pages if k.endswith("pageit_000001_01531.html"))]
        server.set_body(CHANGED, page.body.replace("約40分間".encode(), "約45分間".encode()))
        result, manifest = crawl(server.url, tmp_path / "run3.jsonl", "--state", state)
        assert result.returncode == 0, result.stderr[-3000:]
        (changed,) = records(tmp_path / "run3.jsonl")
        assert changed["url"] == CHANGED and changed["revision"] == 2
        assert changed["meeting"]["duration_minutes"] == 45
        previous = next(r for r in first if r["url"] == CHANGED)["provenance"]["record_sha256"]
        assert changed["provenance"]["previous_record_sha256"] == previous

        server.fault(GONE, "gone")
        result, manifest = crawl(server.url, tmp_path / "run4.jsonl", "--state", state)
        (withdrawn,) = records(tmp_path / "run4.jsonl")
        assert withdrawn["url"] == GONE and withdrawn["kind"] == "withdrawn" and withdrawn["revision"] == 2
        assert withdrawn["provenance"]["http_status"] == 410
        assert manifest["sites"]["mofa_ja"]["releases"]["withdrawn"] == 1


def test_revalidation_window_skips_known_releases_entirely(tmp_path: Path) -> None:
    state = str(tmp_path / "state.sqlite")
    with FixtureServer.from_fixtures(FIXTURES) as server:
        crawl(server.url, tmp_path / "run1.jsonl", "--state", state)
        server.log.clear()
        result, manifest = crawl(
            server.url, tmp_path / "run2.jsonl", "--state", state, "-s", "PRESSBOT_REVALIDATE_HOURS=24"
        )
        assert result.returncode == 0
        assert all("/index" in s.url or s.url.endswith("robots.txt") or s.url == BLOCKED for s in server.log)
        assert manifest["sites"]["mofa_ja"]["releases"]["unchanged"] == 8
