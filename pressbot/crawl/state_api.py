"""The crawl state's interface, and the choice of backend from one string.

Two backends keep the same promise (state.py's docstring): a record's row is committed only after its line is
durable, and a write left half-done by a killed process is settled from the output file on the next start.

- ``state.State``: SQLite, one file, one run at a time (the embedded default).
- ``redis_state.RedisState``: Redis, shared by many workers of one or several machines (``--state redis://…``).
  Redis rather than PostgreSQL: the workers already need Redis for the frontier (scrapy-redis) and for
  per-host politeness, so the shared state adds no second server to deploy, back up and monitor.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from pressbot.crawl.state import Known


@runtime_checkable
class CrawlState(Protocol):
    recovered: int

    def get(self, release_id: str) -> Known | None: ...
    def by_url(self, url: str) -> Known | None: ...
    def touch(
        self, release_id: str, seen_at: str, status: int, etag: str | None, last_modified: str | None
    ) -> None: ...
    def begin_write(self, row: dict, path: str, offset: int) -> None: ...
    def finish_write(self, row: dict) -> None: ...
    def written(self, row: dict) -> None: ...
    def written_rows(self) -> list[dict]: ...
    def settle(self, rows: list[dict] | None = None) -> None: ...
    def record_run(self, started: str, finished: str, exit_code: int, manifest: dict[str, Any]) -> None: ...
    def recent_manifests(self, limit: int) -> list[dict]: ...
    def close(self) -> None: ...


def is_shared(spec: str | None) -> bool:
    return bool(spec) and str(spec).startswith(("redis://", "rediss://", "unix://"))


def open_state(spec: str, worker: str | None = None) -> CrawlState:
    """``redis://…`` opens the shared Redis state (as ``worker``); anything else is a SQLite file path."""
    if is_shared(spec):
        from pressbot.crawl.redis_state import RedisState

        return RedisState(spec, worker=worker)
    from pressbot.crawl.state import State

    return State(spec)
