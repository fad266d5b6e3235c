"""JSON Lines output: ``releases.jsonl``, the latest revision of each release, one line each, in id order.

Owns: the deduplicated JSONL. Each line is written exactly as it was read (stripped of surrounding whitespace,
newline-terminated), so a record's bytes, and any hash of them, survive the export unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pressbot.export.files import write_latest
from pressbot.export.inputs import Line

FILE = "releases.jsonl"


class JsonlSink:
    def __init__(self, folder: Path):
        self.handle = (folder / FILE).open("wb")
        self.count = 0

    def add(self, line: Line) -> None:
        self.handle.write(line.raw + b"\n")
        self.count += 1

    def close(self) -> dict[str, int]:
        self.handle.close()
        return {"releases": self.count}


def export_jsonl(jsonl_paths: Sequence[Path], out_dir: Path) -> dict[str, int]:
    """Write the latest revision of every release in ``jsonl_paths`` to ``out_dir/releases.jsonl``."""
    return write_latest(jsonl_paths, out_dir, JsonlSink)
