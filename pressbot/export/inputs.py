"""Reading JSON Lines of releases: every line checked, and the latest revision of each id found, in bounded memory.

Owns: what "latest revision" means, and the refusal of bad input. A first pass parses and validates every line
(``Release`` from ``pressbot/models.py``) and keeps, per id, only where its latest line is (file, byte offset):
memory grows with the number of distinct ids, never with the size of the records. Nothing is written by any
export before that pass has read every input without an error, so a bad line leaves nothing half-written.

Latest revision: the line with the highest ``revision``; among lines with the same revision, the one read last
(later file on the command line, then later line). Crawls without state emit revision 1 every time, so "read
last" is what makes their newer lines win. Blank lines are skipped; any other line that is not one valid release
is an error naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pressbot.models import Release


class InputError(ValueError):
    """A line that is not a valid release (or a file that cannot be read): ``path:line: reason``."""

    def __init__(self, path: Path, line: int | None, reason: str):
        self.path, self.line, self.reason = path, line, reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Place:
    """Where a line is: which input file (its position in the list), line number, byte offset; its revision."""

    file: int
    line: int
    offset: int
    revision: int


@dataclass
class Latest:
    """The latest revision of every id in the inputs, and what the first pass counted."""

    paths: list[Path]
    places: dict[str, Place] = field(default_factory=dict)
    lines: int = 0  # non-blank lines read
    superseded: int = 0  # lines that lost to a later revision of the same id

    def ids(self) -> list[str]:
        """The ids, sorted: every export writes releases in this order, whatever the order of the inputs."""
        return sorted(self.places)


def _explain(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "record"
    more = error.error_count() - 1
    return f"not a valid release: {where}: {first['msg']}" + (f" (and {more} more)" if more else "")


def parse_line(raw: bytes, path: Path, number: int) -> dict[str, Any]:
    """One line as the validated record's JSON (defaults filled in, values normalized), or an InputError."""
    try:
        return Release.model_validate_json(raw).model_dump(mode="json")
    except ValidationError as exc:
        if exc.errors()[0]["type"] != "json_invalid" and exc.errors()[0]["type"] != "model_type":
            raise InputError(path, number, _explain(exc)) from None
    try:  # say what is wrong in the words of the json module
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, number, f"not JSON: {exc}") from None
    raise InputError(path, number, f"not a JSON object but {type(data).__name__}")


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, stripped bytes) of every non-blank line."""
    offset = 0
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                stripped = raw.strip()
                if stripped:
                    yield number, offset, stripped
                offset += len(raw)
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None


def index_latest(paths: Sequence[Path]) -> Latest:
    """Read and validate every line of ``paths``; where the latest revision of each id is. Raises InputError."""
    latest = Latest([Path(path) for path in paths])
    for file, path in enumerate(latest.paths):
        if path.is_dir():
            raise InputError(path, None, "is a directory, not a JSON Lines file")
        for number, offset, raw in _lines(path):
            record = parse_line(raw, path, number)
            latest.lines += 1
            place = Place(file, number, offset, record["revision"])
            known = latest.places.get(record["id"])
            if known is not None:
                latest.superseded += 1
                if known.revision > place.revision:
                    continue
            latest.places[record["id"]] = place
    return latest


@dataclass(frozen=True)
class Line:
    """One chosen line: its bytes as read (stripped) and the validated record's JSON."""

    raw: bytes
    record: dict[str, Any]


def iter_latest(latest: Latest) -> Iterator[Line]:
    """The latest revision of each id, in id order, read again from the inputs (one line in memory at a time)."""
    handles = [path.open("rb") for path in latest.paths]
    try:
        for release_id in latest.ids():
            place = latest.places[release_id]
            handle = handles[place.file]
            handle.seek(place.offset)
            raw = handle.readline().strip()
            record = parse_line(raw, latest.paths[place.file], place.line)
            if record["id"] != release_id:
                raise InputError(latest.paths[place.file], None, "changed while it was being exported")
            yield Line(raw, record)
    finally:
        for handle in handles:
            handle.close()
