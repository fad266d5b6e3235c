"""Shared test helpers: where the fixtures and the seed are, and how to run the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = ROOT.parent / "shared" / "seeds" / "000_52a291f9428d830f.txt"
SEED_CASE = FIXTURES / "j_defense" / "release_seed"


def run_pressbot(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run the `pressbot` command in a fresh interpreter, as a user would."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pressbot.cli", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def seed_bytes() -> bytes:
    """The user's seed document; the bundled case holds the same bytes when shared/ is absent."""
    return SEED.read_bytes() if SEED.exists() else (SEED_CASE / "response.html").read_bytes()
