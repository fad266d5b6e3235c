"""CSV for spreadsheets: ``releases.csv`` (one row per release), ``participants.csv``, ``agenda.csv``.

Owns: how the typed rows become text cells. The encoding is UTF-8 with a byte-order mark and CRLF line ends
(RFC 4180): Excel opens a double-clicked .csv as UTF-8 only when it starts with the BOM (without it, Japanese
and Korean text comes out in the ANSI code page, mojibake), and pandas (``read_csv``; ``encoding="utf-8-sig"``
to be explicit), polars and DuckDB skip the BOM. Fields are quoted when they need it; ``body`` keeps its line
breaks inside the quotes.

``releases.csv`` flattens the record: a struct's scalar members become ``<struct>_<member>`` columns
(``meeting_date``, ``meeting_start_time``, ``provenance_fetched_at``); a list of strings is one cell joined by
``"; "`` (``meeting_countries`` = ``JP; KR; US``); ``meeting.participants`` and ``meeting.agenda`` become counts
(``meeting_participants_count``, ``meeting_agenda_count``: their rows are in the other two files); any other list
of structs (``links``) is one cell of JSON. Dates are ``YYYY-MM-DD``, times ``HH:MM``, timestamps ISO 8601 with
their offset (``+00:00``); an empty cell is null. The participants and agenda files have the columns of their
Parquet tables. CSV is for reading by eye and in spreadsheets; Parquet is the lossless, typed format.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from pressbot.export import arrow, rows
from pressbot.export.files import write_latest
from pressbot.export.inputs import Line

ENCODING = "utf-8-sig"
FILES = ("releases.csv", "participants.csv", "agenda.csv")
COUNTED = frozenset({"meeting.participants", "meeting.agenda"})  # they have their own files
JOIN = "; "


def cell(value: Any) -> str:
    """The text of one cell."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if value.second == 0 else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return JOIN.join(cell(item) for item in value)
    return str(value)


Flatten = Callable[[dict[str, Any]], Any]


def _flat_columns(fields: Iterable[pa.Field], prefix: str = "") -> list[tuple[str, Flatten]]:
    """(column name, the function that reads its cell value from a releases row) for every CSV column."""
    columns: list[tuple[str, Flatten]] = []
    for field in fields:
        path = f"{prefix}{field.name}"
        name = path.replace(".", "_")
        read = _reader(field.name)
        if pa.types.is_struct(field.type):
            for child, child_read in _flat_columns(field.type, f"{path}."):
                columns.append((child, _then(read, child_read)))
        elif pa.types.is_list(field.type) and pa.types.is_struct(field.type.value_type):
            if path in COUNTED:
                columns.append((f"{name}_count", _then(read, _count)))
            else:
                columns.append((name, _then(read, _json)))
        else:
            columns.append((name, read))
    return columns


def _reader(key: str) -> Flatten:
    return lambda row: row.get(key)


def _then(first: Flatten, second: Callable[[Any], Any]) -> Flatten:
    return lambda row: None if (value := first(row)) is None else second(value)


def _count(value: list[Any]) -> int:
    return len(value)


def _json(value: list[Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class CsvSink:
    """Takes records one at a time and writes the three CSV files into ``folder``."""

    def __init__(self, folder: Path):
        self.release_columns = _flat_columns(arrow.release_schema())
        self.handles = [(folder / name).open("w", encoding=ENCODING, newline="") for name in FILES]
        self.writers = [csv.writer(handle, lineterminator="\r\n") for handle in self.handles]
        self.writers[0].writerow([name for name, _ in self.release_columns])
        self.participant_names = arrow.participants_schema().names
        self.agenda_names = arrow.agenda_schema().names
        self.writers[1].writerow(self.participant_names)
        self.writers[2].writerow(self.agenda_names)
        self.counts = {"releases": 0, "participants": 0, "agenda": 0}

    def add(self, line: Line) -> None:
        release = rows.release_row(line.record)
        self.writers[0].writerow([cell(read(release)) for _, read in self.release_columns])
        self.counts["releases"] += 1
        for row in rows.participant_rows(line.record):
            self.writers[1].writerow([cell(row[name]) for name in self.participant_names])
            self.counts["participants"] += 1
        for row in rows.agenda_rows(line.record):
            self.writers[2].writerow([cell(row[name]) for name in self.agenda_names])
            self.counts["agenda"] += 1

    def close(self) -> dict[str, int]:
        for handle in self.handles:
            handle.close()
        return dict(self.counts)


def export_csv(jsonl_paths: Sequence[Path], out_dir: Path) -> dict[str, int]:
    """Write the latest revision of every release as the three CSV files in ``out_dir``; rows of each table."""
    return write_latest(jsonl_paths, out_dir, CsvSink)
