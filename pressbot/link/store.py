"""The link state as one SQLite file (stdlib ``sqlite3``), read by key instead of whole.

Tables (each ``key TEXT PRIMARY KEY, value TEXT`` plus the columns named):
- ``reports`` (release id → the report as JSON; ``date``, ``relation`` indexed: the events of a day),
- ``event_of`` (release id → event id), ``events`` (event id → reports and evidence), ``lines`` (event id → its
  output JSON line),
- ``persons`` (person id → forms, keys, offices, releases), ``names`` (``key``, ``country``, ``person_id``:
  the index by name key), ``mentions`` (``<release id>#<index>`` → person id; ``value`` indexed),
  ``merged`` (old person id → the id that absorbed it), ``aliases`` (a ``=漢字`` key → romanized keys),
- ``meta`` (``version``, ``pending``, ``person_seq``).

Linking works on ``Stored`` mappings: a key read is fetched once and kept; what was read or written since the
last ``flush`` is written back in one transaction, so an incremental run reads the candidate events and
persons only and writes only those. A state that starts empty is *complete*: nothing is ever fetched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any

SCHEMA_VERSION = 2
_MISSING = object()

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS reports (key TEXT PRIMARY KEY, value TEXT, date TEXT, relation TEXT);
CREATE INDEX IF NOT EXISTS reports_date ON reports (date, relation);
CREATE TABLE IF NOT EXISTS event_of (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS events (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS lines (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS persons (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT, country TEXT, person_id TEXT);
CREATE INDEX IF NOT EXISTS names_key ON names (key, country);
CREATE INDEX IF NOT EXISTS names_person ON names (person_id);
CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX IF NOT EXISTS mentions_value ON mentions (value);
CREATE TABLE IF NOT EXISTS merged (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS aliases (key TEXT PRIMARY KEY, value TEXT);
"""


def _same(value: Any) -> Any:
    return value


class Stored(MutableMapping):
    """A table as a mapping: rows fetched on first use and kept; ``flush`` writes what was used since."""

    def __init__(
        self,
        db: sqlite3.Connection,
        table: str,
        *,
        complete: bool,
        encode: Callable[[Any], str] = _same,
        decode: Callable[[str], Any] = _same,
        columns: dict[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.db, self.table, self.complete = db, table, complete
        self.encode, self.decode = encode, decode
        self.columns = columns or {}
        self.cache: dict[str, Any] = {}
        self.dirty: set[str] = set()  # read or written since the last flush (values are mutated in place)
        self.deleted: set[str] = set()

    def _load(self, key: str) -> Any:
        if key in self.cache:
            return self.cache[key]
        if self.complete or key in self.deleted:
            return _MISSING
        row = self.db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        if row is None:
            return _MISSING
        value = self.cache[key] = self.decode(row[0])
        return value

    def __getitem__(self, key: str) -> Any:
        value = self.cache.get(key, _MISSING)
        if value is not _MISSING:
            self.dirty.add(key)
            return value
        value = self._load(key)
        if value is _MISSING:
            raise KeyError(key)
        self.dirty.add(key)
        return value

    def __contains__(self, key: object) -> bool:
        if key in self.cache:
            return True
        return not self.complete and isinstance(key, str) and self._load(key) is not _MISSING

    def __setitem__(self, key: str, value: Any) -> None:
        self.cache[key] = value
        self.deleted.discard(key)
        self.dirty.add(key)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        del self.cache[key]
        self.dirty.discard(key)
        self.deleted.add(key)

    def keys_all(self) -> list[str]:
        """Every key, stored or new (a scan: for output, not for linking)."""
        if self.complete:
            return list(self.cache)
        stored = [k for (k,) in self.db.execute(f"SELECT key FROM {self.table} ORDER BY rowid")]
        return [k for k in dict.fromkeys([*stored, *self.cache]) if k not in self.deleted]

    def items_all(self) -> Iterator[tuple[str, Any]]:
        """Every row (a scan), without marking them to be written back."""
        if self.complete:
            yield from list(self.cache.items())
            return
        for key, value in self.db.execute(f"SELECT key, value FROM {self.table} ORDER BY rowid"):
            if key not in self.cache and key not in self.deleted:
                yield key, self.decode(value)
        yield from list(self.cache.items())

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_all())

    def __len__(self) -> int:
        return len(self.keys_all())

    def flush(self) -> list[str]:
        """Write the rows used since the last flush and delete the deleted (inside the caller's transaction);
        the keys written or deleted."""
        done = sorted(self.deleted) + sorted(self.dirty)
        if self.deleted:
            self.db.executemany(f"DELETE FROM {self.table} WHERE key = ?", [(k,) for k in sorted(self.deleted)])
        if self.dirty:
            names = ["key", "value", *self.columns]
            sql = f"INSERT OR REPLACE INTO {self.table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
            rows = []
            for key in sorted(self.dirty):
                value = self.cache[key]
                rows.append((key, self.encode(value), *(f(value) for f in self.columns.values())))
            self.db.executemany(sql, rows)
        self.dirty.clear()
        self.deleted.clear()
        return done


class Index:
    """Key → set of ids, each set fetched on first use by ``query`` (none when the state is complete) and then
    kept in memory, where linking updates it; it is never written (its table is derived from others).
    ``prefix`` lists the (country, key) entries whose key starts with a prefix (``prefix_query`` fetches the
    stored ones)."""

    def __init__(
        self,
        query: Callable[[Any], Iterable[str]] | None,
        prefix_query: Callable[[str, str], Iterable[str]] | None = None,
    ) -> None:
        self.query = query
        self.prefix_query = prefix_query
        self.sets: dict[Any, set[str]] = {}

    def prefix(self, country: str, start: str) -> list[tuple[str, set[str]]]:
        if self.prefix_query:
            for key in self.prefix_query(country, start):
                self[(country, key)]
        return [(k[1], v) for k, v in self.sets.items() if k[0] == country and k[1].startswith(start) and v]

    def __getitem__(self, key: Any) -> set[str]:
        found = self.sets.get(key)
        if found is None:
            found = self.sets[key] = set(self.query(key)) if self.query else set()
        return found

    def get(self, key: Any, default: Any = None) -> set[str]:
        return self[key]


def connect(path: str) -> sqlite3.Connection:
    """Open (or create) a state database; ValueError when the file is not one."""
    db = sqlite3.connect(path, isolation_level=None)  # transactions are explicit (BEGIN … COMMIT per add)
    try:
        db.executescript(SCHEMA)
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError as exc:
        db.close()
        raise ValueError(f"not a link state database ({exc}); a JSON state of an older pressbot: link again") from None
    if row is None:
        db.execute("INSERT INTO meta VALUES ('version', ?)", (str(SCHEMA_VERSION),))
    elif row[0] != str(SCHEMA_VERSION):
        db.close()
        raise ValueError(f"link state version {row[0]!r}, expected {SCHEMA_VERSION}")
    return db


def meta_get(db: sqlite3.Connection, key: str, default: Any) -> Any:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def meta_set(db: sqlite3.Connection, key: str, value: Any) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value, ensure_ascii=False)))


def is_empty(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM reports LIMIT 1").fetchone() is None
