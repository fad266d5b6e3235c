"""The vocabulary is data: an edited copy of pressbot/extract/vocab/ (PRESSBOT_VOCAB_DIR) teaches the rules a new
office with no Python changed (issue 13, must-show 5)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pressbot.extract import vocab

VOCAB = Path(vocab.__file__).resolve().parent

LEAD = (
    "Japan-Ireland Summit Meeting\n"
    "July 18, 2025\n"
    "On July 18, Prime Minister Ishiba Shigeru met with Taoiseach Micheal Martin for about 45 minutes. "
    "The overview of the meeting is as follows.\n"
    "1. The two leaders affirmed their cooperation.\n"
)

READ = """
import json, sys
from pressbot import extract
release = extract(sys.stdin.read())
people = release.meeting.participants if release.meeting else []
print(json.dumps([{"name": p.name, "title": p.title, "country": p.country} for p in people]))
"""


def _people(vocab_dir: Path | None) -> list[dict[str, str | None]]:
    env = {k: v for k, v in os.environ.items() if k != "PRESSBOT_VOCAB_DIR"}
    if vocab_dir is not None:
        env["PRESSBOT_VOCAB_DIR"] = str(vocab_dir)
    result = subprocess.run(
        [sys.executable, "-c", READ], input=LEAD, capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return json.loads(result.stdout)


def test_an_office_added_to_a_copy_of_the_vocabulary_is_read(tmp_path: Path) -> None:
    copy = tmp_path / "vocab"
    shutil.copytree(VOCAB, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    offices = copy / "offices.toml"
    text = offices.read_text(encoding="utf-8")
    # two data lines: the office word, and the country it names by itself
    text = text.replace("core = [\n", 'core = [\n    "Taoiseach",\n', 1)
    text = text.replace("[en.country]\n", '[en.country]\n"Taoiseach" = "IE"\n', 1)
    offices.write_text(text, encoding="utf-8")

    before = _people(None)
    after = _people(copy)

    assert not any(p["name"] == "Micheal Martin" for p in before), before
    assert {"name": "Micheal Martin", "title": "Taoiseach", "country": "IE"} in after, after
    assert any(p["name"] == "Ishiba Shigeru" for p in after), after


def test_every_vocabulary_file_parses_and_is_named_in_the_guide() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "extraction.md").read_text(encoding="utf-8")
    for path in sorted(VOCAB.glob("*.toml")):
        assert vocab.load(path.stem), path
        assert f"vocab/{path.name}" in guide, f"docs/extraction.md does not name {path.name}"
