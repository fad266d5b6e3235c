"""CSV read right by pandas, polars, DuckDB and the csv module; the command's output and its one-line errors."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
from click.testing import CliRunner, Result
from export_records import fixture_records, write_jsonl

from pressbot.export.cli import export
from pressbot.export.csv import export_csv

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str | Path) -> subprocess.CompletedProcess:
    """The command as a user runs it, in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "pressbot.export", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def _invoke(*args: str | Path) -> Result:
    """The command in this process (faster; the same click command)."""
    return CliRunner().invoke(export, [str(arg) for arg in args])


def test_csv_reads_back_in_every_tool(tmp_path: Path) -> None:
    records = fixture_records()
    out = tmp_path / "csv"
    counts = export_csv([write_jsonl(tmp_path / "in.jsonl", records)], out)
    releases = out / "releases.csv"
    assert releases.read_bytes().startswith(b"\xef\xbb\xbfid,")  # the BOM Excel needs to read UTF-8

    frame = pd.read_csv(releases, encoding="utf-8-sig", keep_default_na=False)
    assert frame.columns[0] == "id" and len(frame) == counts["releases"] == len(records)
    by_id = {record["id"]: record for record in records}
    for row in frame.to_dict("records"):
        record = by_id[row["id"]]
        assert row["title"] == record["title"] and row["body"] == record["body"]  # line breaks kept
        meeting = record["meeting"] or {}
        assert row["meeting_date"] == (meeting.get("date") or "")
        assert row["meeting_countries"] == "; ".join(meeting.get("countries") or [])
        assert str(row["meeting_participants_count"]) == (str(len(meeting["participants"])) if meeting else "")
    assert pd.read_csv(releases).columns[0] == "id", "pandas strips the BOM without being told"
    assert pl.read_csv(releases).columns[0] == "id"
    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{releases}')").fetchall() == [(len(records),)]

    with (out / "participants.csv").open(encoding="utf-8-sig", newline="") as handle:
        people = list(csv.DictReader(handle))
    assert len(people) == counts["participants"] and people[0]["index"] == "1"
    assert pl.read_csv(out / "agenda.csv").height == counts["agenda"]


def test_the_command_writes_each_format(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", fixture_records())
    result = _run(source, "--format", "parquet", tmp_path / "parquet")
    assert result.returncode == 0, result.stderr
    for fmt, name in (("parquet", "releases.parquet"), ("csv", "releases.csv"), ("jsonl", "releases.jsonl")):
        if fmt != "parquet":
            invoked = _invoke(source, "--format", fmt, tmp_path / fmt)
            assert invoked.exit_code == 0, invoked.output
        assert (tmp_path / fmt / name).is_file()
    assert pq.read_table(tmp_path / "parquet" / "releases.parquet").num_rows == len(fixture_records())
    result = _invoke(source, "--snapshot", tmp_path / "snap", "--date", "2026-12-08")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "snap" / "2026-12-08" / "manifest.json").is_file()
    again = _run(source, "--snapshot", tmp_path / "snap", "--date", "2026-12-08")
    assert again.returncode == 1 and again.stderr.count("\n") == 1 and "exists" in again.stderr


def test_a_bad_line_is_one_line_error_and_nothing_is_written(tmp_path: Path) -> None:
    lines = write_jsonl(tmp_path / "in.jsonl", fixture_records()).read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace('"language": "', '"language": "xx')
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run(bad, "--format", "parquet", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.startswith(f"pressbot export: {bad}:4: not a valid release: language:")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_usage_errors(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", fixture_records()[:1])
    assert _invoke(source, tmp_path / "out").exit_code == 2  # neither --format nor --snapshot
    assert _invoke(source, "--format", "csv").exit_code == 2  # no DIR
    assert _invoke(source, source, "--format", "csv").exit_code == 2  # DIR is a file
    assert _invoke(source, "--format", "csv", "--date", "2026-12-08", tmp_path / "out").exit_code == 2
    missing = _invoke(tmp_path / "missing.jsonl", "--format", "csv", tmp_path / "out")
    assert missing.exit_code == 1 and "missing.jsonl" in missing.output
