"""Issue 15: unattended runs tell the truth, lose nothing, make no surprise traffic, and say little."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

TESTS = Path(__file__).resolve().parent


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A clean $HOME, and a sitecustomize that refuses (and records) any connection off loopback."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRESSBOT_", "XDG_")) and k not in ("PYTHONPATH",)}
    env.update(
        HOME=str(home),
        PYTHONPATH=str(TESTS / "netguard"),
        PRESSBOT_TEST_NET_LOG=str(tmp_path / "net.log"),
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env


def pressbot(*args: str, env: dict[str, str], cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pressbot.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def off_loopback(tmp_path: Path) -> str:
    log = tmp_path / "net.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def main_command() -> list[str]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    command = lines[lines.index("<!-- main-command -->") + 2]
    return command.split("&& pressbot ", 1)[1].split()


def test_readme_main_command_is_short_and_offline(tmp_path: Path) -> None:
    """Fails on da398a3: ~690 lines, and tldextract resolves publicsuffix.org."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "fixtures").symlink_to(FIXTURES)
    env = clean_env(tmp_path)
    result = pressbot(*main_command(), env=env, cwd=work)
    assert result.returncode == 0, result.stderr[-3000:]
    output = (result.stdout + result.stderr).splitlines()
    assert len(output) <= 30, "\n".join(output)
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    assert off_loopback(tmp_path) == ""
    records = (work / "out" / "releases.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) >= 20 and all(json.loads(line)["id"] for line in records)
    assert not (tmp_path / "home" / ".local").exists(), "replay must not touch the default state"
    assert not (tmp_path / "home" / ".cache").exists(), "no caches written under $HOME"
