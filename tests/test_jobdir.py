"""`pressbot crawl -s JOBDIR=DIR`: one sub-folder per spider (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES, run_pressbot


def test_each_spider_keeps_its_own_job_folder(tmp_path: Path) -> None:
    """Fails on bfa790d: both spiders share DIR (one requests.seen, queue and spider.state), and the second
    site's releases are left out of the run."""
    jobdir, out = tmp_path / "job", tmp_path / "out.jsonl"
    args = ["--replay", str(FIXTURES), "--no-state", "-q", "-o", str(out), "-s", f"JOBDIR={jobdir}"]
    result = run_pressbot("crawl", "mofa_ja", "mofa_en", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in jobdir.iterdir()) == ["mofa_en", "mofa_ja"]
    assert all((jobdir / site / "requests.seen").exists() for site in ("mofa_en", "mofa_ja"))
    sites = {json.loads(line)["site"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert sites == {"mofa_ja", "mofa_en"}
