"""The scheduling recipe in README runs as written (offline: --replay added, paths moved to a temp dir)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from conftest import FIXTURES, ROOT, run_pressbot


def _recipe_arguments(tmp_path: Path) -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    line = lines[lines.index("<!-- schedule-command -->") + 1]
    command = shlex.split(line.removeprefix("ExecStart="))
    assert command[0].endswith("/pressbot")
    return [arg.replace("/srv/pressbot", str(tmp_path)) for arg in command[1:]]


def test_scheduled_command_runs_twice_and_emits_only_news(tmp_path: Path) -> None:
    arguments = _recipe_arguments(tmp_path)
    first = run_pressbot(*arguments, "--replay", str(FIXTURES))
    assert first.returncode == 0, first.stderr[-2000:]
    output = tmp_path / "data" / "releases.jsonl"
    count = len(output.read_text(encoding="utf-8").splitlines())
    assert count >= 25
    second = run_pressbot(*arguments, "--replay", str(FIXTURES))
    assert second.returncode == 0, second.stderr[-2000:]
    assert len(output.read_text(encoding="utf-8").splitlines()) == count  # appended nothing: all unchanged
    manifest_path = Path(second.stderr.strip().splitlines()[-1].split("manifest: ")[1])
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert sum(site["releases"]["unchanged"] for site in manifest["sites"].values()) == count
