"""The Arrow schema: committed file in sync with the models, derived from them, and the agenda's fixed depth."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from export_records import fixture_records, nested_points, write_jsonl
from pydantic import BaseModel

from pressbot.export import arrow
from pressbot.export.parquet import export_parquet
from pressbot.models import Release

ROOT = Path(__file__).resolve().parents[2]


def test_committed_arrow_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "release.arrow.json").read_text(encoding="utf-8")
    assert committed == arrow.schema_text(), (
        "run `python -m pressbot.export.arrow > schema/release.arrow.json` and review the diff"
    )


def _model_paths(model: type[BaseModel], prefix: str = "", seen: tuple[type, ...] = ()) -> set[str]:
    """Every field path of a model, through nested models (each recursive model walked once)."""
    paths = set()
    for name, info in model.model_fields.items():
        paths.add(prefix + name)
        inner = [info.annotation, *typing.get_args(info.annotation)]
        inner += [arg for item in inner for arg in typing.get_args(item)]
        for candidate in inner:
            if isinstance(candidate, type) and issubclass(candidate, BaseModel) and candidate not in seen:
                paths |= _model_paths(candidate, f"{prefix}{name}.", (*seen, candidate))
    return paths


def _schema_paths(fields: typing.Iterable[pa.Field], prefix: str = "") -> set[str]:
    paths = set()
    for field in fields:
        paths.add(prefix + field.name)
        kind = field.type.value_type if pa.types.is_list(field.type) else field.type
        if pa.types.is_struct(kind):
            paths |= _schema_paths(kind, f"{prefix}{field.name}.")
    return paths


def test_every_model_field_is_a_column() -> None:
    assert _model_paths(Release) <= _schema_paths(arrow.release_schema())


def test_declared_types() -> None:
    schema = arrow.release_schema()
    meeting = schema.field("meeting").type
    assert schema.field("published").type == pa.date32()
    assert meeting.field("date").type == pa.date32()
    assert meeting.field("start_time").type == arrow.TIME
    assert meeting.field("start_time_text").type == pa.string()
    assert schema.field("provenance").type.field("fetched_at").type == pa.timestamp("us", tz="UTC")
    for enum_field in (schema.field("kind"), schema.field("language"), meeting.field("mode")):
        assert enum_field.type == arrow.DICTIONARY
    participant = meeting.field("participants").type.value_type
    assert participant.field("role").type == arrow.DICTIONARY
    assert schema.field("id").nullable is False and schema.field("meeting").nullable is True


def test_agenda_deeper_than_the_fixed_depth_is_kept_as_json(tmp_path: Path) -> None:
    record = next(r for r in fixture_records() if r["meeting"] and r["meeting"]["agenda"])
    record["meeting"]["agenda"] = nested_points(arrow.AGENDA_DEPTH + 2)
    export_parquet([write_jsonl(tmp_path / "in.jsonl", [record])], tmp_path / "out")

    point = pq.read_table(tmp_path / "out" / "releases.parquet").to_pylist()[0]["meeting"]["agenda"][0]
    for _ in range(arrow.AGENDA_DEPTH - 1):
        point = point["points"][0]
    deeper = record["meeting"]["agenda"][0]
    for _ in range(arrow.AGENDA_DEPTH - 1):
        deeper = deeper["points"][0]
    assert point["text"] == deeper["text"]
    assert json.loads(point["points_json"]) == deeper["points"]

    flat = pq.read_table(tmp_path / "out" / "agenda.parquet").to_pylist()
    assert [row["depth"] for row in flat] == list(range(1, arrow.AGENDA_DEPTH + 3))
    assert flat[-1]["path"] == ".".join(["1"] * (arrow.AGENDA_DEPTH + 2))
