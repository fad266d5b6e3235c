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


SCRAPY_TIME = r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\+00-00"  # Scrapy's %(time)s: the UTC start, isoformat, ':' → '-'


def test_time_and_name_placeholders_in_paths_work_as_in_scrapy_feeds(tmp_path: Path) -> None:
    """Fails on bfa790d: files named literally 'out-%(name)s-%(time)s.jsonl'."""
    import re

    args = ["--replay", str(FIXTURES), "--no-state", "-q", "-o", str(tmp_path / "%(name)s" / "out-%(time)s.jsonl")]
    args += [
        "--rejects",
        str(tmp_path / "rej-%(name)s.jsonl"),
        "--manifest",
        str(tmp_path / "m-%(name)s-%(time)s.json"),
    ]
    result = run_pressbot("crawl", "mofa_ja", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    (out,) = (tmp_path / "mofa_ja").glob("out-*.jsonl")
    stamp = re.fullmatch(rf"out-({SCRAPY_TIME})\.jsonl", out.name)
    assert stamp and out.read_text(encoding="utf-8").count("\n") >= 5
    assert (tmp_path / "rej-mofa_ja.jsonl").exists()
    manifest = json.loads((tmp_path / f"m-mofa_ja-{stamp.group(1)}.json").read_text(encoding="utf-8"))
    assert manifest["started"].replace(":", "-").replace("Z", "+00-00") == stamp.group(1)  # one instant: the start
    assert manifest["output"] == str(out)
    assert not list(tmp_path.rglob("*%(*"))

    two = run_pressbot("crawl", "mofa_ja", "mofa_en", *args, cwd=tmp_path)  # several sites (or all): 'all'
    assert two.returncode == 0, two.stderr[-3000:]
    assert list((tmp_path / "all").glob("out-*.jsonl")) and (tmp_path / "rej-all.jsonl").exists()

    bad = run_pressbot(
        "crawl", "mofa_ja", "--replay", str(FIXTURES), "--no-state", "-o", "x-%(site)s.jsonl", cwd=tmp_path
    )
    assert bad.returncode == 2 and "%(site)s" in bad.stderr and "%(time)s" in bad.stderr
