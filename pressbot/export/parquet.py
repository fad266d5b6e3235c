"""Parquet output: ``releases.parquet`` (nested), ``participants.parquet`` and ``agenda.parquet`` (flat).

Owns: writing the three tables with the fixed schemas of ``arrow.py``, in row groups of ``BATCH`` releases, so
memory stays bounded whatever the size of the input. The schemas do not depend on the data: a column that is
null in every row (``meeting`` when no release is a meeting) keeps its declared type, and two exports of
different data have equal schemas. Only the latest revision of each id is written (see ``inputs.py``), in id order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pressbot.export import arrow, rows
from pressbot.export.files import write_latest
from pressbot.export.inputs import Line

BATCH = 1000  # releases per row group (and at most this many records' rows held in memory)
FILES = ("releases.parquet", "participants.parquet", "agenda.parquet")


class _Table:
    """One Parquet file being written, its rows buffered up to a batch."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")
        self.pending: list[dict[str, Any]] = []
        self.count = 0

    def flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.Table.from_pylist(self.pending, schema=self.schema))
            self.count += len(self.pending)
            self.pending = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


class ParquetSink:
    """Takes records one at a time and writes the three Parquet files into ``folder``."""

    def __init__(self, folder: Path):
        self.releases = _Table(folder / FILES[0], arrow.release_schema())
        self.participants = _Table(folder / FILES[1], arrow.participants_schema())
        self.agenda = _Table(folder / FILES[2], arrow.agenda_schema())
        self.tables = (self.releases, self.participants, self.agenda)

    def add(self, line: Line) -> None:
        record = line.record
        self.releases.pending.append(rows.release_row(record))
        self.participants.pending.extend(rows.participant_rows(record))
        self.agenda.pending.extend(rows.agenda_rows(record))
        if len(self.releases.pending) >= BATCH:
            for table in self.tables:
                table.flush()

    def close(self) -> dict[str, int]:
        """Finish the files; the number of rows of each table."""
        for table in self.tables:
            table.close()
        return {"releases": self.releases.count, "participants": self.participants.count, "agenda": self.agenda.count}


def export_parquet(jsonl_paths: Sequence[Path], out_dir: Path) -> dict[str, int]:
    """Write the latest revision of every release in ``jsonl_paths`` as the three Parquet files in ``out_dir``.

    Every input line is validated first; an InputError (file:line) leaves ``out_dir`` as it was. Returns the
    number of rows of each table.
    """
    return write_latest(jsonl_paths, out_dir, ParquetSink)
