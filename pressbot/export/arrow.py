"""The Arrow schemas of the typed outputs, derived from the pydantic models, and the converters that fill them.

Owns: how each annotation in ``pressbot/models.py`` becomes an Arrow type, the converter that turns a record's
JSON value into what pyarrow takes for that type, and the stable JSON rendering committed as
``schema/release.arrow.json`` (a test fails when it and the models disagree).

The mapping (one place; the walker below applies it to every field of ``Release``):

- ``datetime.date`` -> ``date32``; ``datetime.datetime`` -> ``timestamp('us', tz='UTC')`` (a naive value is read
  as UTC); ``HourMinute`` (``HH:MM``) -> ``time32('ms')``: Parquet's TIME type has no seconds unit, so a
  ``time32('s')`` column is written as milliseconds and read back as ``time32('ms')``; declaring milliseconds
  keeps the schema read from a file equal to this one. The raw ``start_time_text`` stays a string beside it.
- a ``StrEnum`` (Kind, Mode, Role, Language) -> ``dictionary<int32, string>``, its values in the field's metadata
  (``pressbot.values``); ``Literal[1]`` -> the literal's type (``int64``).
- ``str`` (and the constrained strings such as ``CountryCode``) -> ``string``; ``int`` -> ``int64``.
- ``list[X]`` -> ``list<element: X>`` (Parquet's name for the item, so files read back equal); a model ->
  ``struct`` of its fields. A field is nullable exactly when its annotation admits ``None``.
- a model that contains itself (``AgendaPoint.points``) is nested ``AGENDA_DEPTH`` levels deep; at the deepest
  level the recursive field becomes ``<name>_json``: the JSON of the deeper points (sorted keys, non-ASCII
  unescaped), null when there are none. The flat ``agenda`` table has every level, whatever its depth.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from pressbot.jsonfmt import json_document
from pressbot.models import SCHEMA_VERSION, AgendaPoint, HourMinute, Participant, Release

AGENDA_DEPTH = 3  # agenda points as structs: the points, their sub-points, and theirs; deeper ones as JSON
DICTIONARY = pa.dictionary(pa.int32(), pa.string())
TIME = pa.time32("ms")
TIMESTAMP = pa.timestamp("us", tz="UTC")

Convert = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One Arrow field, the record key it is read from, and how that JSON value becomes what pyarrow accepts."""

    field: pa.Field
    convert: Convert
    source: str


def _same(value: Any) -> Any:
    return value


def to_date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def to_time(value: Any) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(value)


def to_timestamp(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _points_json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def _list_of(convert: Convert) -> Convert:
    if convert is _same:
        return lambda value: None if value is None else list(value)
    return lambda value: None if value is None else [convert(item) for item in value]


def _struct_of(members: list[tuple[str, str, Convert]]) -> Convert:
    def convert(value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        return {name: member(value.get(source)) for name, source, member in members}

    return convert


def _optional(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``None``, and whether ``None`` was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) != 1:
            raise TypeError(f"no Arrow mapping for a union of several types: {annotation!r}")
        return args[0], True
    return annotation, False


def _column(name: str, annotation: Any, nullable: bool, stack: tuple[type[BaseModel], ...]) -> Column:
    """The column for a field called ``name`` whose annotation (without ``None``) is ``annotation``."""
    metadata: dict[str, str] | None = None
    if annotation == HourMinute:
        arrow_type, convert = TIME, to_time
    elif typing.get_origin(annotation) is typing.Annotated:
        return _column(name, typing.get_args(annotation)[0], nullable, stack)
    elif typing.get_origin(annotation) is typing.Literal:
        kinds = {type(value) for value in typing.get_args(annotation)}
        if len(kinds) != 1:
            raise TypeError(f"{name}: no Arrow mapping for a Literal of mixed types")
        return _column(name, kinds.pop(), nullable, stack)
    elif typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item, item_nullable = _optional(item)
        if isinstance(item, type) and issubclass(item, BaseModel) and stack.count(item) >= AGENDA_DEPTH:
            # the deepest level of a recursive model: the rest of the tree as one JSON string
            return Column(pa.field(f"{name}_json", pa.string(), True), _points_json, name)
        inner = _column("element", item, item_nullable, stack)
        arrow_type, convert = pa.list_(inner.field), _list_of(inner.convert)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        columns = _model_columns(annotation, (*stack, annotation))
        arrow_type = pa.struct([column.field for column in columns])
        convert = _struct_of([(column.field.name, column.source, column.convert) for column in columns])
    elif isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        arrow_type, convert = DICTIONARY, _same
        metadata = {"pressbot.values": ",".join(str(member.value) for member in annotation)}
    elif annotation is bool:
        arrow_type, convert = pa.bool_(), _same
    elif annotation is int:
        arrow_type, convert = pa.int64(), _same
    elif annotation is float:
        arrow_type, convert = pa.float64(), _same
    elif annotation is str:
        arrow_type, convert = pa.string(), _same
    elif annotation is dt.datetime:  # before date: a datetime is a date
        arrow_type, convert = TIMESTAMP, to_timestamp
    elif annotation is dt.date:
        arrow_type, convert = pa.date32(), to_date
    else:
        raise TypeError(f"{name}: no Arrow mapping for {annotation!r}; add one in pressbot/export/arrow.py")
    return Column(pa.field(name, arrow_type, nullable, metadata=metadata), convert, name)


def _model_columns(model: type[BaseModel], stack: tuple[type[BaseModel], ...]) -> list[Column]:
    hints = typing.get_type_hints(model, include_extras=True)
    columns = []
    for name in model.model_fields:
        annotation, nullable = _optional(hints[name])
        columns.append(_column(name, annotation, nullable, stack))
    return columns


def release_columns() -> list[Column]:
    """One column per field of ``Release``, in the models' order."""
    return _model_columns(Release, (Release,))


def _schema(fields: list[pa.Field]) -> pa.Schema:
    return pa.schema(
        fields, metadata={"pressbot.schema_version": str(SCHEMA_VERSION), "pressbot.agenda_depth": str(AGENDA_DEPTH)}
    )


def release_schema() -> pa.Schema:
    """The schema of ``releases.parquet``: one row per release, nested like the record."""
    return _schema([column.field for column in release_columns()])


RELEASE_ID = pa.field("release_id", pa.string(), False)
INDEX = pa.field("index", pa.int32(), False)  # 1-based: the first participant is 1, as DuckDB's list[1]


def participant_columns() -> list[Column]:
    """Every field of ``Participant``, as the flat table has them."""
    return _model_columns(Participant, (Participant,))


def participants_schema() -> pa.Schema:
    """``participants.parquet``: release_id, index, every participant field, the meeting's date."""
    meeting_date = pa.field("meeting_date", pa.date32(), True)
    return _schema([RELEASE_ID, INDEX, *(column.field for column in participant_columns()), meeting_date])


def agenda_point_columns() -> list[Column]:
    """The fields of ``AgendaPoint`` but the sub-points: the flat table has a row per point instead."""
    return [column for column in _model_columns(AgendaPoint, (AgendaPoint,)) if column.field.name != "points"]


def agenda_schema() -> pa.Schema:
    """``agenda.parquet``: release_id, path ("1", "1.2": positions, 1-based), the point's fields, depth (1 = top)."""
    path = pa.field("path", pa.string(), False)
    depth = pa.field("depth", pa.int32(), False)
    return _schema([RELEASE_ID, path, *(column.field for column in agenda_point_columns()), depth])


# ---------------------------------------------------------------------------------------- the committed rendering


def _render_type(arrow_type: pa.DataType) -> dict[str, Any]:
    if pa.types.is_struct(arrow_type):
        return {"type": "struct", "fields": [_render_field(arrow_type.field(i)) for i in range(arrow_type.num_fields)]}
    if pa.types.is_list(arrow_type):
        return {"type": "list", "item": _render_field(arrow_type.value_field)}
    if pa.types.is_dictionary(arrow_type):
        return {"type": "dictionary", "index": str(arrow_type.index_type), "value": str(arrow_type.value_type)}
    return {"type": str(arrow_type)}


def _render_field(field: pa.Field) -> dict[str, Any]:
    rendered = {"name": field.name, "nullable": field.nullable, **_render_type(field.type)}
    if field.metadata:
        rendered["metadata"] = {key.decode(): value.decode() for key, value in field.metadata.items()}
    return rendered


def render_schema(schema: pa.Schema) -> dict[str, Any]:
    """A stable, reviewable JSON form of an Arrow schema (field order kept, types spelled as pyarrow prints them)."""
    return {
        "metadata": {key.decode(): value.decode() for key, value in (schema.metadata or {}).items()},
        "fields": [_render_field(field) for field in schema],
    }


def schema_text() -> str:
    """The text of ``schema/release.arrow.json``: the three tables' schemas."""
    return json_document(
        {
            "releases": render_schema(release_schema()),
            "participants": render_schema(participants_schema()),
            "agenda": render_schema(agenda_schema()),
        }
    )


if __name__ == "__main__":  # python -m pressbot.export.arrow > schema/release.arrow.json
    print(schema_text(), end="")
