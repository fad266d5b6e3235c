"""The real-page dev set (eval/): scored when its texts are present (they are not in git), skipped otherwise."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

TEXTS = ROOT / "eval" / "texts"


def test_dev_set_facts_are_well_formed() -> None:
    """Runs everywhere: every fact line parses and names its source, language and text hash."""
    import json

    pages = [json.loads(line) for line in (ROOT / "eval" / "realpages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(pages) >= 150
    assert all(p["url"].startswith("http") and p["language"] in ("ja", "en", "ko") for p in pages)
    assert len({p["id"] for p in pages}) == len(pages)
    assert all(re.fullmatch(r"[0-9a-f]{64}", p["text_sha256"]) for p in pages)


@pytest.mark.skipif(not TEXTS.is_dir() or not any(TEXTS.glob("*.txt")), reason="no dev texts (eval/COLLECT.md)")
def test_dev_set_scores_with_no_exception() -> None:
    result = subprocess.run(
        [sys.executable, "eval/score.py", "--text"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"exceptions 0\b", summary), summary
