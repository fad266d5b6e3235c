"""Dated snapshots: two a day apart, and the changelog lists exactly the added, revised and withdrawn ids."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from export_records import fixture_records, read_jsonl, write_jsonl

from pressbot.export.inputs import InputError
from pressbot.export.snapshot import SnapshotError, write_snapshot
from pressbot.models import Release

DAY1 = dt.date(2026, 12, 7)
DAY2 = DAY1 + dt.timedelta(days=1)


def _withdrawal(record: dict[str, Any]) -> dict[str, Any]:
    """What the crawl emits for a known release that now answers 404 (pipelines._withdrawal)."""
    return Release(
        id=record["id"],
        site=record["site"],
        url=record["url"],
        language=record["language"],
        title=record["title"],
        kind="withdrawn",
        body="",
        revision=record["revision"] + 1,
        provenance={
            "fetched_at": "2026-12-08T00:00:00Z",
            "content_sha256": hashlib.sha256(b"").hexdigest(),
            "parser_version": "0.1.0",
            "http_status": 404,
        },
    ).model_dump(mode="json")


def _revised(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    changed.update(changes)
    return changed


class Story:
    """Day one's input, and day two's delta (what an incremental crawl emits), with what each id should be."""

    def __init__(self) -> None:
        records = fixture_records()
        meetings = [r for r in records if r["meeting"]]
        held_out = records[-3:]
        self.day1 = [r for r in records if r not in held_out]
        moved = _revised(meetings[2])
        moved["meeting"]["location"] = "Somewhere else"  # same revision: a crawl without state; read last wins
        refetched = _revised(
            self.day1[5], provenance={**self.day1[5]["provenance"], "fetched_at": "2026-12-08T00:00:00Z"}
        )
        self.revised = [
            _revised(meetings[0], title="A corrected title", revision=2),
            _revised(meetings[1], body=meetings[1]["body"] + "\n(corrected)", revision=2),
            moved,
        ]
        self.withdrawn = [_withdrawal(meetings[3]), _withdrawal(meetings[4]), _withdrawal(held_out[0])]
        self.added = held_out[1:]
        self.day2 = [*self.revised, *self.withdrawn, *self.added, refetched]
        assert len({r["id"] for r in self.day2}) == len(self.day2) == 9
        self.all_ids = sorted(r["id"] for r in records)


def _ids(records: list[dict[str, Any]]) -> set[str]:
    return {record["id"] for record in records}


def _changelog(folder: Path) -> dict[str, set[str]]:
    changes: dict[str, set[str]] = {}
    for entry in read_jsonl(folder / "changelog.jsonl"):
        changes.setdefault(entry["change"], set()).add(entry["id"])
    return changes


def test_two_snapshots_a_day_apart(tmp_path: Path) -> None:
    story = Story()
    root = tmp_path / "snapshots"
    first = write_snapshot([write_jsonl(tmp_path / "day1.jsonl", story.day1)], root, DAY1)
    assert first.path == root / "2026-12-07" and first.manifest["previous"] is None
    assert _changelog(first.path) == {"added": _ids(story.day1)}

    second = write_snapshot([write_jsonl(tmp_path / "day2.jsonl", story.day2)], root, DAY2)
    assert second.path == root / "2026-12-08"
    assert _changelog(second.path) == {
        "added": _ids(story.added),
        "revised": _ids(story.revised),
        "withdrawn": _ids(story.withdrawn),
    }
    entries = {entry["id"]: entry for entry in read_jsonl(second.path / "changelog.jsonl")}
    assert entries[story.revised[0]["id"]]["fields"] == ["title"]
    assert entries[story.revised[0]["id"]]["previous_revision"] == 1
    assert entries[story.revised[2]["id"]]["fields"] == ["meeting.location"]
    markdown = (second.path / "changelog.md").read_text(encoding="utf-8")
    assert "against the snapshot of 2026-12-07" in markdown
    assert all(f"`{release_id}`" in markdown for release_id in entries)

    # the snapshot holds every release (day one's carried forward), each at its latest revision
    released = {record["id"]: record for record in read_jsonl(second.path / "releases.jsonl")}
    assert sorted(released) == story.all_ids
    for record in [*story.revised, *story.withdrawn, *story.added]:
        assert released[record["id"]] == record
    assert pq.read_table(second.path / "releases.parquet").column("id").to_pylist() == story.all_ids

    manifest = json.loads((second.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == second.manifest
    assert manifest["previous"]["snapshot"] == "2026-12-07"
    expected_hash = hashlib.sha256((first.path / "manifest.json").read_bytes()).hexdigest()
    assert manifest["previous"]["manifest_sha256"] == expected_hash
    assert manifest["counts"]["changes"] == {
        "added": 2,
        "revised": 3,
        "withdrawn": 3,
        "dropped": 0,
        "unchanged": len(story.all_ids) - 8,
    }
    assert manifest["counts"]["releases"] == len(story.all_ids) and manifest["counts"]["input_lines"] == 9
    assert manifest["counts"]["by_kind"]["withdrawn"] == 3
    assert manifest["schema_version"] == 1 and manifest["parser_version"] == "0.1.0"
    for name, described in manifest["files"].items():
        assert hashlib.sha256((second.path / name).read_bytes()).hexdigest() == described["sha256"]
    assert set(manifest["files"]) == {p.name for p in second.path.iterdir()} - {"manifest.json"}
    assert not [p for p in root.iterdir() if p.name.startswith(".")], "no staging folder left behind"


def test_a_snapshot_is_immutable_unless_overwritten(tmp_path: Path) -> None:
    story = Story()
    root = tmp_path / "snapshots"
    write_snapshot([write_jsonl(tmp_path / "day1.jsonl", story.day1)], root, DAY1)
    day2 = write_jsonl(tmp_path / "day2.jsonl", story.day2)
    second = write_snapshot([day2], root, DAY2)
    before = {p.name: p.read_bytes() for p in second.path.iterdir()}
    assert all(p.stat().st_mode & 0o222 == 0 for p in second.path.iterdir()), "files are read-only"
    with pytest.raises(SnapshotError, match="exists"):
        write_snapshot([day2], root, DAY2)
    assert {p.name: p.read_bytes() for p in second.path.iterdir()} == before

    again = write_snapshot([day2], root, DAY2, overwrite=True)  # still compared with the day before
    assert again.manifest["previous"]["snapshot"] == "2026-12-07"
    assert {p.name: p.read_bytes() for p in again.path.iterdir()} == before, "same input, same snapshot"

    with pytest.raises(SnapshotError, match="newer"):
        write_snapshot([day2], root, DAY1 - dt.timedelta(days=1))


def test_without_carry_forward_missing_ids_are_dropped_not_withdrawn(tmp_path: Path) -> None:
    story = Story()
    root = tmp_path / "snapshots"
    write_snapshot([write_jsonl(tmp_path / "day1.jsonl", story.day1)], root, DAY1)
    second = write_snapshot([write_jsonl(tmp_path / "day2.jsonl", story.day2)], root, DAY2, carry_forward=False)
    changes = _changelog(second.path)
    assert changes["dropped"] == _ids(story.day1) - _ids(story.day2)
    assert changes["withdrawn"] == _ids(story.withdrawn)
    assert _ids(read_jsonl(second.path / "releases.jsonl")) == _ids(story.day2)


def test_a_bad_input_line_writes_no_snapshot(tmp_path: Path) -> None:
    story = Story()
    root = tmp_path / "snapshots"
    bad = write_jsonl(tmp_path / "bad.jsonl", story.day1[:2])
    with bad.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "mofa_ja:x", "kind": "meeting"}\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:3: not a valid release"):
        write_snapshot([bad], root, DAY1)
    assert not root.exists() or not list(root.iterdir())
