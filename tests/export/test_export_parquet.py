"""Parquet: typed in pandas, polars and DuckDB; one schema whatever the data; flat tables keyed by release id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_records import fixture_records, without_agenda, without_meetings, write_jsonl

from pressbot.export import arrow, parquet
from pressbot.export.inputs import InputError
from pressbot.export.parquet import export_parquet

TABLES = {"releases.parquet": arrow.release_schema, "participants.parquet": arrow.participants_schema}
TABLES["agenda.parquet"] = arrow.agenda_schema


def _export(tmp_path: Path, name: str, records: list[dict[str, Any]]) -> Path:
    out = tmp_path / name
    export_parquet([write_jsonl(tmp_path / f"{name}.jsonl", records)], out)
    return out


def _paths_of(fields: Any, wanted: pa.DataType, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths (through structs, not lists) of every field of type ``wanted``."""
    found = []
    for field in fields:
        path = (*prefix, field.name)
        if field.type == wanted:
            found.append(path)
        elif pa.types.is_struct(field.type):
            found += _paths_of(field.type, wanted, path)
    return found


def _polars_type(schema: pl.Schema, path: tuple[str, ...]) -> Any:
    kind = schema[path[0]]
    for name in path[1:]:
        kind = {field.name: field.dtype for field in kind.fields}[name]
    return kind


def _duckdb_type(file: Path, path: tuple[str, ...]) -> str:
    expression = path[0] + "".join(f".{name}" for name in path[1:])
    return duckdb.sql(f"SELECT typeof({expression}) AS t FROM read_parquet('{file}') LIMIT 1").fetchall()[0][0]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(tmp_path_factory.mktemp("parquet"), "mixed", fixture_records())


@pytest.mark.parametrize("table", sorted(TABLES))
def test_date_time_and_timestamp_fields_are_typed_in_pandas_polars_and_duckdb(mixed: Path, table: str) -> None:
    file = mixed / table
    schema = TABLES[table]()
    dates = _paths_of(schema, pa.date32())
    assert dates or table == "agenda.parquet", "the releases and participants tables have date fields"
    polars_schema = pl.read_parquet(file).schema
    typed_pandas = pd.read_parquet(file, dtype_backend="pyarrow")
    plain_pandas = pd.read_parquet(file)
    for path in dates:
        assert _polars_type(polars_schema, path) == pl.Date, path
        assert _duckdb_type(file, path) == "DATE", path
        if len(path) == 1:
            assert str(typed_pandas[path[0]].dtype) == "date32[day][pyarrow]"
            values = plain_pandas[path[0]].dropna()
        else:
            values = [row[path[1]] for row in plain_pandas[path[0]].dropna() if row[path[1]] is not None]
        assert len(values) and all(isinstance(value, dt.date) for value in values), path
    for path in _paths_of(schema, arrow.TIME):
        assert _polars_type(polars_schema, path) == pl.Time and _duckdb_type(file, path) == "TIME"
    for path in _paths_of(schema, arrow.TIMESTAMP):
        assert _polars_type(polars_schema, path) == pl.Datetime("us", "UTC")
        assert _duckdb_type(file, path) == "TIMESTAMP WITH TIME ZONE"


def test_the_schema_is_the_same_for_different_data(tmp_path: Path) -> None:
    records = fixture_records()
    exports = [
        _export(tmp_path, "all", records),
        _export(tmp_path, "no_agenda", without_agenda(records)),
        _export(tmp_path, "no_meeting", without_meetings(records)),
        _export(tmp_path, "one_statement", [r for r in records if r["meeting"] is None][:1]),
    ]
    for table, schema in TABLES.items():
        expected = schema()
        for out in exports:
            read = pq.read_schema(out / table)
            assert read.equals(expected, check_metadata=True), (out.name, table)
        polars_schemas = {out.name: pl.read_parquet(out / table).schema for out in exports}
        assert len({str(value) for value in polars_schemas.values()}) == 1, polars_schemas
        described = {out.name: duckdb.sql(f"DESCRIBE SELECT * FROM '{out / table}'").fetchall() for out in exports}
        assert len({str(value) for value in described.values()}) == 1, described
    empty_agenda = pq.read_table(exports[1] / "agenda.parquet")
    assert empty_agenda.num_rows == 0 and empty_agenda.schema.field("depth").type == pa.int32()


def test_flat_tables_are_keyed_by_release_id(mixed: Path) -> None:
    records = {record["id"]: record for record in fixture_records()}
    people = pq.read_table(mixed / "participants.parquet").to_pylist()
    expected_people = [
        (release_id, index, participant["name"], record["meeting"]["date"])
        for release_id, record in sorted(records.items())
        if record["meeting"]
        for index, participant in enumerate(record["meeting"]["participants"], 1)
    ]
    got = [
        (r["release_id"], r["index"], r["name"], r["meeting_date"] and r["meeting_date"].isoformat()) for r in people
    ]
    assert got == expected_people
    assert {key for row in people for key in row} >= set(arrow.Participant.model_fields)

    points = pq.read_table(mixed / "agenda.parquet").to_pylist()
    total = 0

    def count(items: list[dict[str, Any]]) -> int:
        return sum(1 + count(item["points"]) for item in items)

    for record in records.values():
        total += count(record["meeting"]["agenda"]) if record["meeting"] else 0
    assert len(points) == total > 0
    assert len({(row["release_id"], row["path"]) for row in points}) == total
    for row in points:
        point: dict[str, Any] = {"points": records[row["release_id"]]["meeting"]["agenda"]}
        for position in row["path"].split("."):
            point = point["points"][int(position) - 1]
        assert (row["number"], row["heading"], row["text"]) == (point["number"], point["heading"], point["text"])
        assert row["depth"] == row["path"].count(".") + 1


def test_only_the_latest_revision_of_an_id_is_written(tmp_path: Path) -> None:
    first, other = fixture_records()[:2]
    revisions = [{**first, "revision": n, "title": f"revision {n}"} for n in (1, 3, 2)]
    tie = [{**other, "title": "read first"}, {**other, "title": "read last"}]
    out = tmp_path / "out"
    export_parquet(
        [
            write_jsonl(tmp_path / "a.jsonl", revisions[:2] + tie[:1]),
            write_jsonl(tmp_path / "b.jsonl", [revisions[2], tie[1]]),
        ],
        out,
    )
    table = pq.read_table(out / "releases.parquet").to_pylist()
    assert [(row["id"], row["title"]) for row in table] == sorted(
        [(first["id"], "revision 3"), (other["id"], "read last")]
    )


def test_big_inputs_are_written_in_row_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "BATCH", 5)
    records = fixture_records()
    out = _export(tmp_path, "batched", records)
    metadata = pq.ParquetFile(out / "releases.parquet").metadata
    assert metadata.num_row_groups == -(-len(records) // 5) and metadata.num_rows == len(records)
    assert pq.read_table(out / "releases.parquet").column("id").to_pylist() == sorted(r["id"] for r in records)


def test_a_bad_line_writes_nothing(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", fixture_records())
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good.read_text(encoding="utf-8").splitlines()[0] + "\n\n{not json\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "releases.parquet").write_bytes(b"the previous export")
    with pytest.raises(InputError) as caught:
        export_parquet([good, bad], out)
    assert str(caught.value).startswith(f"{bad}:3: not JSON")
    assert [path.name for path in out.iterdir()] == ["releases.parquet"]
    assert (out / "releases.parquet").read_bytes() == b"the previous export"
