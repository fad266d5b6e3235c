"""Is this file a pressbot state? Checked before the state is used: an empty or foreign file is refused.

A state truncated to 0 bytes would otherwise read as a new, empty state (every release re-emitted as new,
silently); garbage would give sqlite3's traceback. The state carries a ``meta`` table with its format and version;
a state from before the table (it has ``releases``) gets one. ``--rebuild-state`` moves a bad file aside.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

FORMAT = "pressbot-state"
VERSION = 1


class StateUnusable(RuntimeError):
    """The state file is empty, corrupt, or not a pressbot state."""


def check(db: sqlite3.Connection, path: Path, existed: bool) -> None:
    """Refuse a file that is not a pressbot state; stamp the format on a new (or pre-stamp) one."""
    hint = f"{path} is not a usable pressbot state"
    if existed and path.stat().st_size == 0:
        raise StateUnusable(f"{hint}: the file is empty (truncated?); --rebuild-state starts a new one")
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StateUnusable(f"{hint}: {exc}; --rebuild-state moves it aside and starts a new one") from None
    if "meta" in tables:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != FORMAT or int(meta.get("version", 0)) > VERSION:
            raise StateUnusable(f"{hint}: format {meta.get('format')!r} version {meta.get('version')!r}")
        return
    if existed and "releases" not in tables:
        raise StateUnusable(f"{hint}: it has no pressbot tables; --rebuild-state moves it aside")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("version", str(VERSION))])


def move_aside(path: Path | str) -> Path | None:
    """--rebuild-state: the old file (and its WAL) renamed ``<name>.broken-<time>``; None when there is none."""
    path = Path(path)
    if not path.exists():
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(Path(f"{target}{suffix}"))
    return target
