"""`-O -` (stdout) and the `%(time)s` / `%(name)s` placeholders in output paths (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, run_pressbot


def test_dash_writes_records_to_stdout_and_the_summary_to_stderr(tmp_path: Path) -> None:
    """Fails on bfa790d: `-O -` wrote a file named '-' (and '-.manifest.json'), stdout stayed empty."""
    result = run_pressbot("crawl", "mofa_ja", "--replay", str(FIXTURES), "-O", "-", "--no-state", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 5 and all(r["id"].startswith("mofa_ja:") for r in records)
    assert "pressbot crawl summary" in result.stderr and "pressbot crawl summary" not in result.stdout
    assert not (tmp_path / "-").exists() and not (tmp_path / "-.manifest.json").exists()
    manifests = list((tmp_path / "runs").glob("*.json"))
    assert len(manifests) == 1 and json.loads(manifests[0].read_text(encoding="utf-8"))["output"] == "-"


def test_dash_with_state_is_refused(tmp_path: Path) -> None:
    """State commits a release only once its line is fsynced; stdout cannot be: refused, nothing is written."""
    for flag in ("-O", "-o"):
        result = run_pressbot(
            "crawl",
            "mofa_ja",
            "--replay",
            str(FIXTURES),
            flag,
            "-",
            "--state",
            str(tmp_path / "s.sqlite"),
            cwd=tmp_path,
        )
        assert result.returncode == 2, result.stderr[-3000:]
        assert "durable" in result.stderr and "--no-state" in result.stderr
        assert result.stdout == "" and not (tmp_path / "s.sqlite").exists()
