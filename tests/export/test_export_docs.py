"""Every snippet in docs/export.md runs: the shell commands, then the Python, on two data sets.

The data: the fixtures' records, and the same records with ``meeting`` null in every one. ``pressbot export``
in a shell snippet runs the ``export`` click command in this process (``python -m pressbot.export`` runs the same
command until pressbot/cli.py registers it; tests/export/test_export_csv_cli.py runs that in a fresh interpreter);
a shell line that is not ``pressbot export`` (the reparse placeholder) is not run here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_records import fixture_records, without_meetings, write_jsonl

from pressbot.export.cli import export

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "export.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _blocks() -> list[tuple[str, str]]:
    return [(match[1], match[2]) for match in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def test_the_doc_has_the_snippets() -> None:
    languages = [language for language, _ in _blocks()]
    assert languages.count("python") >= 5 and "sh" in languages
    text = "".join(code for _, code in _blocks())
    assert "pd.read_parquet" in text and "pl.read_parquet" in text and "duckdb.sql" in text
    assert "json_normalize" in text


def _run_shell(code: str) -> None:
    for line in code.splitlines():
        words = shlex.split(line)
        if words[:2] != ["pressbot", "export"]:
            continue
        result = CliRunner().invoke(export, words[2:])
        assert result.exit_code == 0, f"{line}\n{result.output}"


@pytest.mark.parametrize("meetings", ["as_read", "all_null"])
def test_every_snippet_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, meetings: str) -> None:
    records = fixture_records() if meetings == "as_read" else without_meetings(fixture_records())
    write_jsonl(tmp_path / "out" / "releases.jsonl", records)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for language, code in _blocks():
        if language == "sh":
            _run_shell(code)
        elif language == "python":
            namespace = {"__name__": "snippet"}
            exec(compile(code, f"{DOC}:snippet", "exec"), namespace)
    # the last snippet is the JSON Lines one: its people are every participant of every meeting
    expected = sum(len(r["meeting"]["participants"]) for r in records if r["meeting"])
    assert len(namespace["people"]) == expected
    assert expected > 0 if meetings == "as_read" else expected == 0
