"""One crawl run: its output files, its state, its counts. Shared by every spider of the run."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from pressbot.crawl.records import COVERAGE_FIELDS
from pressbot.crawl.state_api import CrawlState, open_state
from pressbot.jsonfmt import json_line

# Group commit of record lines: fsync (and commit their state rows) after this many lines or seconds.
SYNC_EVERY_LINES = 200
SYNC_EVERY_SECONDS = 1.0


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _open_jsonl(path: str | None, truncate: bool) -> IO[bytes] | None:
    if not path:
        return None
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "wb" if truncate else "ab")


class SiteCounts:
    def __init__(self, name: str = "") -> None:
        self.name = name
        self.releases: Counter[str] = Counter()  # new, changed, unchanged, withdrawn
        self.rejects: Counter[str] = Counter()  # by reason
        self.blocked = 0
        self.errors: list[str] = []
        self.coverage: Counter[str] = Counter()
        self.emitted_with_content = 0

    def as_dict(self, stats: dict[str, Any]) -> dict[str, Any]:
        emitted = self.emitted_with_content
        return {
            "requests": stats.get("downloader/request_count", 0),
            "responses_by_status": {
                k.rsplit("/", 1)[1]: v
                for k, v in sorted(stats.items())
                if k.startswith("downloader/response_status_count/")
            },
            "releases": {k: self.releases.get(k, 0) for k in ("new", "changed", "unchanged", "withdrawn")},
            "rejects": dict(sorted(self.rejects.items())),
            "blocked": self.blocked,
            "coverage": {f: round(self.coverage[f] / emitted, 4) if emitted else None for f in COVERAGE_FIELDS},
            "errors": self.errors[:50],
            "listing_pages": stats.get(f"pressbot/{self.name}/listing_pages", 0),
            "replay_missing": stats.get("replay/missing", 0),
            "robots_refused": stats.get("robotstxt/host_refused", 0),
            "spider_exceptions": sum(v for k, v in stats.items() if k.startswith("spider_exceptions/")),
        }


class Run:
    """Files are appended one whole line at a time and flushed, so a killed run leaves only whole lines."""

    def __init__(
        self,
        output: str | None = None,
        rejects: str | None = None,
        state: str | None = None,
        truncate: bool = False,
        worker: str | None = None,
    ):
        self.started = now_iso()
        self.output_path = output
        self.output = _open_jsonl(output, truncate)
        self.rejects = _open_jsonl(rejects, truncate)
        self.state: CrawlState | None = open_state(state, worker) if state else None
        self.sites: dict[str, SiteCounts] = {}
        self.crawler_stats: dict[str, dict[str, Any]] = {}
        self._unsynced = 0  # record lines written since the last fsync
        self._synced_at = time.monotonic()
        self._disk: ThreadPoolExecutor | None = None  # runs the fsyncs of group commits
        self._fsyncing: tuple[Future[None], list[dict[str, Any]]] | None = None  # a batch's fsync and its rows

    def site(self, name: str) -> SiteCounts:
        """The counts of one site, created on first use."""
        if name not in self.sites:
            self.sites[name] = SiteCounts(name)
        return self.sites[name]

    def emit(self, record_line: bytes, row: dict[str, Any]) -> None:
        """Write one record line and note it in the state (see state.py for the crash-safety protocol)."""
        state = self.state
        if self.output is None:
            if state is not None:
                state.finish_write(row)
            return
        if state is not None:
            state.begin_write(row, str(self.output_path), self.output.tell())
        self.output.write(record_line)
        self.output.flush()  # a killed process leaves whole lines
        if state is not None:
            state.written(row)
        self._unsynced += 1
        self._settle_synced()
        if self._unsynced >= SYNC_EVERY_LINES or time.monotonic() - self._synced_at >= SYNC_EVERY_SECONDS:
            self._sync_in_background()

    def _sync_in_background(self) -> None:
        """Group commit without stalling the crawl: the batch's fsync runs in a thread, and its state rows are
        committed by the first emit() or sync() after it returns (the state is used from the crawl's thread only).

        fsync of a second's lines took about 40 ms on the benchmark machine: on the reactor's thread, no response
        was dispatched meanwhile and the readers ran out of pages. One batch at a time; lines written meanwhile
        go in the next.
        """
        if self._fsyncing is not None or self.output is None:
            return
        rows = self.state.written_rows() if self.state is not None else []
        self._unsynced = 0
        self._synced_at = time.monotonic()
        if self._disk is None:
            self._disk = ThreadPoolExecutor(1, thread_name_prefix="pressbot-fsync")
        self._fsyncing = self._disk.submit(os.fsync, self.output.fileno()), rows

    def _settle_synced(self, wait: bool = False) -> None:
        """Commit the rows of a batch whose fsync has returned (with ``wait``, once it returns)."""
        if self._fsyncing is None:
            return
        fsync, rows = self._fsyncing
        if not (wait or fsync.done()):
            return
        self._fsyncing = None
        try:
            fsync.result()
        except BaseException:
            self._unsynced += 1  # none of its rows is committed, and the next sync() must fsync again first
            raise
        if self.state is not None:
            self.state.settle(rows)

    def sync(self) -> None:
        """Make every written line durable (one fsync), then commit their state rows.

        Group commit: an fsync per record cost more than reading the record. A release is marked emitted
        in the state only once its line is on disk, so a power cut can repeat a release, never lose one.
        """
        self._settle_synced(wait=True)
        if self.output is not None and self._unsynced:
            self.output.flush()
            os.fsync(self.output.fileno())
        self._unsynced = 0
        self._synced_at = time.monotonic()
        if self.state is not None:
            self.state.settle()

    def reject(
        self, site: str, url: str, reason: str, message: str, record: dict | None = None, errors: list | None = None
    ) -> None:
        self.site(site).rejects[reason] += 1
        if self.rejects is not None:
            line = {
                "site": site,
                "url": url,
                "reason": reason,
                "message": message,
                "errors": errors or [],
                "record": record,
                "rejected_at": now_iso(),
            }
            self.rejects.write(_jsonl(line))
            self.rejects.flush()

    def count_emitted(self, site: str, covered: tuple[str, ...]) -> None:
        """One more record with content; ``covered``: the fields it fills (records.covered_fields)."""
        counts = self.site(site)
        counts.emitted_with_content += 1
        counts.coverage.update(covered)

    def close(self) -> None:
        self.sync()
        if self._disk is not None:
            self._disk.shutdown()
        for handle in (self.output, self.rejects):
            if handle is not None:
                handle.close()
        if self.state is not None:
            self.state.close()

    def manifest(self) -> dict[str, Any]:
        return {
            "started": self.started,
            "finished": now_iso(),
            "output": self.output_path,
            "sites": {
                name: counts.as_dict(self.crawler_stats.get(name, {})) for name, counts in sorted(self.sites.items())
            },
        }


def _jsonl(data: dict[str, Any]) -> bytes:
    return json_line(data).encode("utf-8")


_shared: Run | None = None


def share(run: Run | None) -> None:
    """Make ``run`` the one every crawler of this process writes to (``pressbot crawl`` runs several)."""
    global _shared
    _shared = run


def run_for(crawler: Any) -> Run:
    """The run object of a crawler: the CLI's shared one, or one made from the settings (scrapy crawl)."""
    run = _shared
    if run is None:
        run = getattr(crawler, "_pressbot_run", None)
        if run is None:
            settings = crawler.settings
            run = Run(
                settings.get("PRESSBOT_OUTPUT") or None,
                settings.get("PRESSBOT_REJECTS") or None,
                settings.get("PRESSBOT_STATE") or None,
                worker=settings.get("PRESSBOT_WORKER") or None,
            )
            crawler._pressbot_run = run
    return run
