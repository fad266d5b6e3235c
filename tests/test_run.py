"""The run's output protocol: record lines, group commit of the state, and crash recovery (pressbot/crawl/run.py)."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressbot.crawl import run as run_module
from pressbot.crawl.records import SerializedRecord
from pressbot.crawl.run import Run
from pressbot.crawl.state import State
from pressbot.jsonfmt import content_hash, json_members, json_object
from tests.strategies import JSON_VALUES


def _row(number: int, sha: str = "a" * 64) -> dict:
    return {
        "id": f"mofa_ja:{number}",
        "site": "mofa_ja",
        "url": f"https://www.mofa.go.jp/mofaj/press/release/pressit_000001_{number:05d}.html",
        "record_sha256": sha,
        "revision": 1,
        "seen_at": "2026-11-30T00:00:00Z",
        "status": 200,
        "etag": None,
        "last_modified": None,
        "title": "t",
        "language": "ja",
        "withdrawn": 0,
    }


def _line(row: dict) -> bytes:
    record = {"id": row["id"], "provenance": {"record_sha256": row["record_sha256"]}}
    return (json.dumps(record) + "\n").encode()


def _committed(state_path: Path) -> tuple[int, int]:
    with sqlite3.connect(state_path) as db:
        return (
            db.execute("SELECT COUNT(*) FROM releases").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM pending").fetchone()[0],
        )


def test_rows_are_committed_only_when_their_lines_are_synced(tmp_path: Path) -> None:
    run = Run(str(tmp_path / "out.jsonl"), state=str(tmp_path / "state.db"))
    for number in range(3):
        run.emit(_line(_row(number)), _row(number))
    assert _committed(tmp_path / "state.db") == (0, 3)  # written and flushed, not yet durable
    assert run.state is not None and run.state.get("mofa_ja:1") is not None  # the run already sees them
    run.sync()
    assert _committed(tmp_path / "state.db") == (3, 0)
    run.close()
    assert len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 3


def test_a_batch_is_synced_after_so_many_lines_and_the_crawl_does_not_wait(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(run_module, "SYNC_EVERY_LINES", 2)
    disk_done = threading.Event()
    fsynced_by: list[threading.Thread] = []

    def slow_fsync(fd: int) -> None:
        fsynced_by.append(threading.current_thread())
        assert disk_done.wait(10)

    monkeypatch.setattr(run_module.os, "fsync", slow_fsync)
    run = Run(str(tmp_path / "out.jsonl"), state=str(tmp_path / "state.db"))
    for number in range(3):
        run.emit(_line(_row(number)), _row(number))  # the second line starts the batch's fsync: no wait here
    assert fsynced_by and fsynced_by[0] is not threading.current_thread()
    assert _committed(tmp_path / "state.db") == (0, 3)  # the fsync has not returned: nothing is committed yet
    disk_done.set()
    run._settle_synced(wait=True)  # as the next emit() does once the fsync has returned
    assert _committed(tmp_path / "state.db") == (2, 1)
    assert run.state is not None and run.state.get("mofa_ja:2") is not None  # the run still sees the third
    run.close()
    assert _committed(tmp_path / "state.db") == (3, 0)


def test_a_failed_fsync_commits_none_of_its_rows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(run_module, "SYNC_EVERY_LINES", 1)
    calls: list[int] = []

    def fsync_failing_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(run_module.os, "fsync", fsync_failing_once)
    run = Run(str(tmp_path / "out.jsonl"), state=str(tmp_path / "state.db"))
    run.emit(_line(_row(1)), _row(1))
    run.sync()  # a write error is recorded once (the crawl exits 74), not raised into every later record
    assert run.write_error is not None and "Input/output" in str(run.write_error)
    assert _committed(tmp_path / "state.db") == (0, 1)  # the pending row: a next run checks the file
    run.close()  # nothing is committed after a failed fsync
    assert _committed(tmp_path / "state.db") == (0, 1)
    state = State(tmp_path / "state.db")  # the next run: the line is whole in the file, so it is committed
    assert state.recovered == 1
    state.close()
    assert _committed(tmp_path / "state.db") == (1, 0)


def test_a_run_killed_before_the_sync_recovers_its_written_lines(tmp_path: Path) -> None:
    run = Run(str(tmp_path / "out.jsonl"), state=str(tmp_path / "state.db"))
    for number in range(2):
        run.emit(_line(_row(number)), _row(number))
    # killed here: no sync, no close. The next run settles what the file holds.
    with (tmp_path / "out.jsonl").open("ab") as out:
        out.write(b'{"id": "mofa_ja:9", "provenance"')  # and a torn line that was never finished
    state = State(tmp_path / "state.db")
    assert state.recovered == 2
    assert {state.get(f"mofa_ja:{n}") is not None for n in range(2)} == {True}
    state.close()
    assert _committed(tmp_path / "state.db") == (2, 0)


@given(st.dictionaries(st.text(alphabet="abcé_", max_size=4), JSON_VALUES, max_size=6))
@settings(max_examples=200, deadline=None)
def test_objects_assembled_from_members_are_what_json_dumps_writes(record: dict) -> None:
    written = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    assert json_object(json_members(record), record) == written


def test_a_record_line_reuses_the_hashed_fields_but_not_the_stale_ones() -> None:
    serialized = SerializedRecord.of({"id": "mofa_ja:1", "body": "本文", "meeting": None, "revision": 1})
    assert set(serialized.head) == {"id", "revision"}  # the bulky fields travel only as JSON
    serialized.head["revision"] = 2
    serialized.head["provenance"] = {"record_sha256": serialized.sha256}
    line = serialized.line()
    record = {
        "id": "mofa_ja:1",
        "body": "本文",
        "meeting": None,
        "revision": 2,
        "provenance": {"record_sha256": serialized.sha256},
    }
    assert json.loads(line) == record
    assert line.decode() == json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
    assert content_hash(json_members(record)) == serialized.sha256  # revision and provenance are not content
