"""Crawl state in SQLite: what was emitted, so the next run emits only new, changed or withdrawn releases.

Crash safety: before a record line is written its intent is stored (``pending``: id, hash, file, offset);
the line is written and flushed; the release row is committed only after the output file is fsynced,
which the run does for a batch of lines at a time (group commit, see Run.sync). A run that starts with
pending rows reads the file at the offset: a whole line with that id means "written" (commit it),
anything else means "not written" (forget it, the page will be emitted again). So a kill -9 at any point
neither duplicates nor loses a record, and a power cut can only make a release be emitted again.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pressbot.crawl import statefile

SCHEMA = """
CREATE TABLE IF NOT EXISTS releases (
    id TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    url TEXT NOT NULL,
    record_sha256 TEXT NOT NULL,
    revision INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    last_status INTEGER,
    etag TEXT,
    last_modified TEXT,
    title TEXT,
    language TEXT,
    withdrawn INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS releases_url ON releases(url);
CREATE TABLE IF NOT EXISTS pending (
    id TEXT PRIMARY KEY,
    record_sha256 TEXT NOT NULL,
    path TEXT NOT NULL,
    offset INTEGER NOT NULL,
    row TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    started TEXT PRIMARY KEY,
    finished TEXT,
    exit_code INTEGER,
    manifest TEXT
);
"""


class LockHeld(RuntimeError):
    """Another run holds the state's lock."""


@dataclass(frozen=True)
class Known:
    id: str
    url: str
    record_sha256: str
    revision: int
    etag: str | None
    last_modified: str | None
    last_seen: str
    title: str | None
    language: str | None
    withdrawn: bool


class State:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        existed = self.path.exists()
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            statefile.check(self.db, self.path, existed)  # an empty or foreign file is refused, not reused
        except statefile.StateUnusable:
            self.db.close()
            raise
        self.db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a power cut may undo the last commits (those releases are emitted again,
        # never lost, because their output lines were fsynced before the commit); a killed process loses nothing.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._written: dict[str, dict] = {}
        self.recovered = self._recover()

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------- reading

    def get(self, release_id: str) -> Known | None:
        written = self._written.get(release_id)
        if written is not None:
            return _known_from_row(written)
        row = self.db.execute(
            "SELECT id, url, record_sha256, revision, etag, last_modified, last_seen, title, language, withdrawn "
            "FROM releases WHERE id = ?",
            (release_id,),
        ).fetchone()
        return Known(*row[:9], bool(row[9])) if row else None

    def by_url(self, url: str) -> Known | None:
        row = self.db.execute("SELECT id FROM releases WHERE url = ?", (url,)).fetchone()
        return self.get(row[0]) if row else None

    # ------------------------------------------------------------- writing

    def touch(self, release_id: str, seen_at: str, status: int, etag: str | None, last_modified: str | None) -> None:
        """An unchanged release was seen again."""
        self.db.execute(
            "UPDATE releases SET last_seen = ?, last_status = ?, etag = COALESCE(?, etag), "
            "last_modified = COALESCE(?, last_modified) WHERE id = ?",
            (seen_at, status, etag, last_modified, release_id),
        )

    def begin_write(self, row: dict, path: str, offset: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO pending (id, record_sha256, path, offset, row) VALUES (?, ?, ?, ?, ?)",
            (row["id"], row["record_sha256"], path, offset, json.dumps(row)),
        )

    def finish_write(self, row: dict) -> None:
        """Commit one release row at once (a run with no output file has no line to make durable first)."""
        self._commit_rows([row])

    def written(self, row: dict) -> None:
        """The line of a pending row is written and flushed, not yet fsynced: settle() commits it later.

        Until then ``get`` answers from the row, so the rest of the run already sees the release.
        """
        self._written[row["id"]] = row

    def written_rows(self) -> list[dict]:
        """The rows written and not yet committed: the batch an fsync is about to make durable."""
        return list(self._written.values())

    def settle(self, rows: list[dict] | None = None) -> None:
        """Commit ``rows`` (default: every written row) in one transaction; the caller has fsynced their lines.

        A release written again since ``rows`` were taken keeps its newer row, pending.
        """
        rows = self.written_rows() if rows is None else rows
        if rows:
            self._commit_rows(rows)
            for row in rows:
                if self._written.get(row["id"]) is row:
                    del self._written[row["id"]]

    def _commit_rows(self, rows: list[dict]) -> None:
        with self._transaction():
            for row in rows:
                self._commit_row(row)
            done = [(row["id"], row["record_sha256"]) for row in rows]
            self.db.executemany("DELETE FROM pending WHERE id = ? AND record_sha256 = ?", done)

    def _commit_row(self, row: dict) -> None:
        self.db.execute(
            "INSERT INTO releases (id, site, url, record_sha256, revision, first_seen, last_seen, last_status, "
            "etag, last_modified, title, language, withdrawn) "
            "VALUES (:id, :site, :url, :record_sha256, :revision, :seen_at, :seen_at, :status, :etag, "
            ":last_modified, :title, :language, :withdrawn) "
            "ON CONFLICT(id) DO UPDATE SET url = excluded.url, record_sha256 = excluded.record_sha256, "
            "revision = excluded.revision, last_seen = excluded.last_seen, last_status = excluded.last_status, "
            "etag = excluded.etag, last_modified = excluded.last_modified, title = excluded.title, "
            "language = excluded.language, withdrawn = excluded.withdrawn",
            row,
        )

    def _recover(self) -> int:
        """Settle writes a killed run left half-done (see the module docstring)."""
        settled = 0
        for release_id, record_hash, path, offset, row in self.db.execute(
            "SELECT id, record_sha256, path, offset, row FROM pending"
        ).fetchall():
            if _line_at(path, offset, release_id, record_hash):
                self._commit_row(json.loads(row))
                settled += 1
            self.db.execute("DELETE FROM pending WHERE id = ?", (release_id,))
        return settled

    # ------------------------------------------------------------- runs

    def record_run(self, started: str, finished: str, exit_code: int, manifest: dict) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?)",
            (started, finished, exit_code, json.dumps(manifest, ensure_ascii=False)),
        )

    def recent_manifests(self, limit: int) -> list[dict]:
        rows = self.db.execute("SELECT manifest FROM runs ORDER BY started DESC LIMIT ?", (limit,)).fetchall()
        return [json.loads(r[0]) for r in rows if r[0]]

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def _known_from_row(row: dict) -> Known:
    return Known(
        row["id"],
        row["url"],
        row["record_sha256"],
        row["revision"],
        row["etag"],
        row["last_modified"],
        row["seen_at"],
        row["title"],
        row["language"],
        bool(row["withdrawn"]),
    )


def _line_at(path: str, offset: int, release_id: str, record_hash: str) -> bool:
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            line = handle.readline()
    except OSError:
        return False
    if not line.endswith(b"\n"):
        return False
    try:
        record = json.loads(line)
    except ValueError:
        return False
    provenance = record.get("provenance") or {}
    return record.get("id") == release_id and provenance.get("record_sha256") == record_hash


@contextlib.contextmanager
def run_lock(state_path: Path | str) -> Iterator[None]:
    """One run per state at a time: a second run fails fast instead of racing the first."""
    lock_path = Path(f"{state_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")  # noqa: SIM115 - held for the whole run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise LockHeld(f"another pressbot run holds {lock_path}") from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def default_state_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "pressbot" / "state.sqlite"
