"""The rows of the three tables, built from one validated record's JSON with the converters of ``arrow.py``.

Owns: which row of ``releases``, ``participants`` and ``agenda`` a record gives. The Parquet and CSV writers both
take their rows from here, so the two formats always hold the same values.

- ``releases``: one row per release, nested like the record.
- ``participants``: one row per participant of ``meeting.participants``: ``release_id``, ``index`` (1-based
  position in the list), every participant field, ``meeting_date``. A release without a meeting has none.
- ``agenda``: one row per agenda point at every depth: ``release_id``, ``path`` (1-based positions joined by
  dots: ``"2"`` is the second point, ``"2.1"`` its first sub-point), ``number`` / ``heading`` / ``text`` as in
  the record, ``depth`` (1 for a top-level point). Rows come in document order (depth first).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from pressbot.export import arrow


@functools.cache
def _release_columns() -> tuple[arrow.Column, ...]:
    return tuple(arrow.release_columns())


@functools.cache
def _participant_columns() -> tuple[arrow.Column, ...]:
    return tuple(arrow.participant_columns())


@functools.cache
def _agenda_point_columns() -> tuple[arrow.Column, ...]:
    return tuple(arrow.agenda_point_columns())


def release_row(record: dict[str, Any]) -> dict[str, Any]:
    """The ``releases`` row: every field converted to its Arrow type (dates as dates, enums as strings)."""
    return {column.field.name: column.convert(record.get(column.source)) for column in _release_columns()}


def participant_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    meeting = record.get("meeting") or {}
    meeting_date = arrow.to_date(meeting.get("date"))
    for index, participant in enumerate(meeting.get("participants") or (), 1):
        row: dict[str, Any] = {"release_id": record["id"], "index": index}
        for column in _participant_columns():
            row[column.field.name] = column.convert(participant.get(column.source))
        row["meeting_date"] = meeting_date
        yield row


def agenda_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    meeting = record.get("meeting") or {}
    yield from _points(record["id"], meeting.get("agenda") or (), "", 1)


def _points(release_id: str, points: Any, prefix: str, depth: int) -> Iterator[dict[str, Any]]:
    for position, point in enumerate(points, 1):
        path = f"{prefix}{position}"
        row: dict[str, Any] = {"release_id": release_id, "path": path}
        for column in _agenda_point_columns():
            row[column.field.name] = column.convert(point.get(column.source))
        row["depth"] = depth
        yield row
        yield from _points(release_id, point.get("points") or (), f"{path}.", depth + 1)
