"""A per-page time budget when pages are read in-process (PRESSBOT_EXTRACT_WORKERS=0): issue 15."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, ROOT

SLOW = "pressit_000001_01571.html"
# The crawl, with extract() made slow on one page (as a quadratic input would be).
SCRIPT = f"""
import sys, time
import pressbot.crawl.workers as workers
real = workers.extract
def slow(body, **kwargs):
    if kwargs["url"].endswith({SLOW!r}):
        time.sleep(120)
    return real(body, **kwargs)
workers.extract = slow
from pressbot.cli import main
sys.argv = ["pressbot", *sys.argv[1:]]
main()
"""


def test_a_page_over_the_read_timeout_is_a_reject_not_a_hung_crawl(tmp_path: Path) -> None:
    """Fails on bfa790d: the in-process read has no budget, the crawl waits for the page (here 120 s)."""
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    args = [
        "crawl",
        "mofa_ja",
        "--replay",
        str(FIXTURES),
        "--no-state",
        "-q",
        "-o",
        str(out),
        "--rejects",
        str(rejects),
    ]
    args += ["-s", "PRESSBOT_EXTRACT_WORKERS=0", "-s", "PRESSBOT_READ_TIMEOUT=1"]
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 45
    assert result.returncode in (0, 4), result.stderr[-3000:]
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["reason"], r["url"].rsplit("/", 1)[1]) for r in lines] == [("read_timeout", SLOW)]
    emitted = [json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(emitted) >= 5 and not any(url.endswith(SLOW) for url in emitted)
    manifest = json.loads(Path(f"{out}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["sites"]["mofa_ja"]["rejects"] == {"read_timeout": 1}
