"""The crawl state in Redis, shared by every worker (see state_api.py for why Redis).

Keys (prefix ``pressbot`` by default, ``PRESSBOT_REDIS_PREFIX`` to change it):

- ``<p>:state:releases``   hash id → the release row (JSON: what state.State keeps in its ``releases`` table)
- ``<p>:state:urls``       hash url → id
- ``<p>:state:pending:<worker>``  hash id → {row, path, offset}: lines being written by that worker
- ``<p>:state:runs``       list of recent merged run manifests (newest first)

The crash promise is the SQLite one: ``begin_write`` stores the intent (file and offset) before the line is
written; the release row is committed (with the pending entry removed, in one MULTI) only after the line's
fsync. A worker that starts again under the same name settles its own pending entries from its file; the
frontier settles those of a worker that died for good before handing its requests to others
(``recover_worker``), so a re-fetched page finds its release known and is not emitted twice.
"""

from __future__ import annotations

import json
import os
from typing import Any

import redis

from pressbot.crawl.state import Known, _known_from_row, _line_at

MAX_RUNS_KEPT = 100


def prefix() -> str:
    return os.environ.get("PRESSBOT_REDIS_PREFIX", "pressbot")


class RedisState:
    def __init__(self, url: str, worker: str | None = None, client: redis.Redis | None = None):
        self.url = url
        self.worker = worker or default_worker()
        self.db = client or redis.Redis.from_url(url)
        p = prefix()
        self.k_releases = f"{p}:state:releases"
        self.k_urls = f"{p}:state:urls"
        self.k_runs = f"{p}:state:runs"
        self._written: dict[str, dict] = {}
        self.recovered = self.recover_worker(self.worker)

    def pending_key(self, worker: str) -> str:
        return f"{prefix()}:state:pending:{worker}"

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------- reading

    def get(self, release_id: str) -> Known | None:
        written = self._written.get(release_id)
        if written is not None:
            return _known_from_row(written)
        raw = self.db.hget(self.k_releases, release_id)
        return _known_from_row(json.loads(raw)) if raw else None

    def by_url(self, url: str) -> Known | None:
        release_id = self.db.hget(self.k_urls, url)
        return self.get(release_id.decode()) if release_id else None

    # ------------------------------------------------------------- writing

    def touch(self, release_id: str, seen_at: str, status: int, etag: str | None, last_modified: str | None) -> None:
        raw = self.db.hget(self.k_releases, release_id)
        if not raw:
            return
        row = json.loads(raw)
        row.update(seen_at=seen_at, status=status, etag=etag or row.get("etag"))
        row["last_modified"] = last_modified or row.get("last_modified")
        self.db.hset(self.k_releases, release_id, json.dumps(row))

    def begin_write(self, row: dict, path: str, offset: int) -> None:
        entry = {"row": row, "path": os.path.abspath(path), "offset": offset}
        self.db.hset(self.pending_key(self.worker), row["id"], json.dumps(entry))

    def finish_write(self, row: dict) -> None:
        self._commit_rows([row], self.worker)

    def written(self, row: dict) -> None:
        self._written[row["id"]] = row

    def written_rows(self) -> list[dict]:
        return list(self._written.values())

    def settle(self, rows: list[dict] | None = None) -> None:
        rows = self.written_rows() if rows is None else rows
        if rows:
            self._commit_rows(rows, self.worker)
            for row in rows:
                if self._written.get(row["id"]) is row:
                    del self._written[row["id"]]

    def _commit_rows(self, rows: list[dict], worker: str) -> None:
        pending = self.pending_key(worker)
        current = self.db.hmget(pending, [row["id"] for row in rows])
        pipe = self.db.pipeline(transaction=True)
        for row, entry in zip(rows, current, strict=True):
            pipe.hset(self.k_releases, row["id"], json.dumps(row))
            pipe.hset(self.k_urls, row["url"], row["id"])
            # A release written again since (a newer pending entry) keeps its entry.
            if entry and json.loads(entry)["row"]["record_sha256"] == row["record_sha256"]:
                pipe.hdel(pending, row["id"])
        pipe.execute()

    def recover_worker(self, worker: str) -> int:
        """Settle the pending writes of ``worker`` (this one at start, or a dead one) from its output file."""
        pending = self.pending_key(worker)
        settled = 0
        for release_id, raw in self.db.hgetall(pending).items():
            entry = json.loads(raw)
            row = entry["row"]
            if _line_at(entry["path"], entry["offset"], row["id"], row["record_sha256"]):
                self._commit_rows([row], worker)
                settled += 1
            self.db.hdel(pending, release_id)
        return settled

    # ------------------------------------------------------------- runs

    def record_run(self, started: str, finished: str, exit_code: int, manifest: dict[str, Any]) -> None:
        """Workers do not record their part of a run; ``pressbot run-status`` records the merged manifest."""

    def record_merged_run(self, manifest: dict[str, Any]) -> None:
        pipe = self.db.pipeline(transaction=True)
        pipe.lpush(self.k_runs, json.dumps(manifest, ensure_ascii=False))
        pipe.ltrim(self.k_runs, 0, MAX_RUNS_KEPT - 1)
        pipe.execute()

    def recent_manifests(self, limit: int) -> list[dict]:
        return [json.loads(raw) for raw in self.db.lrange(self.k_runs, 0, max(limit - 1, 0))] if limit else []


def default_worker() -> str:
    import socket

    return f"{socket.gethostname()}-{os.getpid()}"
