"""Each gate fails the run with its own documented exit code; the manifest keeps its documented shape."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import FIXTURES, ROOT
from crawling import MOFA_JA_LISTED, crawl, rejects

from pressbot.crawl.manifest import Manifest, manifest_schema_text
from pressbot.fixtures.server import FixtureServer

INDEX = "https://www.mofa.go.jp/mofaj/press/release/index.html"


def test_manifest_schema_is_committed_and_runs_follow_it(tmp_path: Path) -> None:
    assert (ROOT / "schema" / "manifest.schema.json").read_text(encoding="utf-8") == manifest_schema_text()
    with FixtureServer.from_fixtures(FIXTURES) as server:
        result, manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
    assert result.returncode == 0, result.stderr[-2000:]
    report = Manifest.model_validate(manifest)
    site = report.sites["mofa_ja"]
    assert site.releases.new == 8 and site.requests >= 11 and site.responses_by_status["200"] >= 10
    assert site.coverage["published"] == 1.0
    assert all(gate.ok for gate in report.gates.values())
    assert f"manifest: {tmp_path / 'out.manifest.json'}" in result.stderr


def test_site_answering_only_blocks_exits_3(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(INDEX, b"<html><title>Access Denied</title><body>Access Denied</body></html>", status=403)
        result, manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
    assert result.returncode == 3
    assert manifest["sites"]["mofa_ja"]["blocked"] == 1 and not manifest["gates"]["blocked"]["ok"]
    assert "gate blocked FAILED" in result.stderr


def test_challenge_page_with_status_200_counts_as_blocked(tmp_path: Path) -> None:
    challenge = (FIXTURES / "j_defense" / "blocked_challenge" / "response.html").read_bytes()
    with FixtureServer.from_fixtures(FIXTURES) as server:
        server.add(INDEX, challenge, status=200)
        result, manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state")
    assert result.returncode == 3
    assert manifest["sites"]["mofa_ja"]["blocked"] == 1 and manifest["sites"]["mofa_ja"]["rejects"] == {}


def test_reject_share_above_threshold_exits_4(tmp_path: Path) -> None:
    broken = b"<html><head><title>x</title></head><body><div id='other'><p>moved</p></div></body></html>"
    with FixtureServer.from_fixtures(FIXTURES) as server:
        for url in sorted(MOFA_JA_LISTED)[:5]:
            server.set_body(url, broken)
        out = tmp_path / "out.jsonl"
        result, manifest = crawl(server.url, out, "--no-state")
    assert result.returncode == 4, result.stderr[-2000:]
    assert manifest["sites"]["mofa_ja"]["rejects"]["missing_structure"] == 5
    reasons = {r["reason"] for r in rejects(out)}
    assert reasons == {"missing_structure"}
    assert all("#maincontents" in r["message"] for r in rejects(out))


def test_coverage_far_below_recent_median_exits_5(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    with FixtureServer.from_fixtures(FIXTURES) as server:
        crawl(server.url, tmp_path / "first.jsonl", "--state", str(state))
        db = sqlite3.connect(state)
        (manifest_text,) = db.execute("SELECT manifest FROM runs").fetchone()
        history = json.loads(manifest_text)
        history["sites"]["mofa_ja"]["coverage"]["meeting.date"] = 1.0
        for day in range(3):
            db.execute("INSERT INTO runs VALUES (?, ?, 0, ?)", (f"2000-01-0{day + 1}", "x", json.dumps(history)))
        db.execute("DELETE FROM releases")  # emit everything again, so this run has a coverage to compare
        db.commit()
        db.close()
        result, manifest = crawl(
            server.url, tmp_path / "second.jsonl", "--state", str(state), "--max-coverage-drop", "0.1"
        )
    assert result.returncode == 5, result.stderr[-2000:]
    assert any("recent median" in why for why in manifest["gates"]["coverage"]["why"])


def test_minimum_coverage_gate_exits_5(tmp_path: Path) -> None:
    with FixtureServer.from_fixtures(FIXTURES) as server:
        result, manifest = crawl(server.url, tmp_path / "out.jsonl", "--no-state", "--min-coverage", "1.01")
    assert result.returncode == 5
    assert not manifest["gates"]["coverage"]["ok"]
