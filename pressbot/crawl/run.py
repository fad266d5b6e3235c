"""One crawl run: its output files, its state, its counts. Shared by every spider of the run."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import time
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from pressbot.crawl.records import COVERAGE_FIELDS
from pressbot.crawl.state_api import CrawlState, open_state
from pressbot.crawl.stdout import is_stdout, open_stdout
from pressbot.jsonfmt import json_line

# Group commit of record lines: fsync (and commit their state rows) after this many lines or seconds.
SYNC_EVERY_LINES = 200
SYNC_EVERY_SECONDS = 1.0


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _open_jsonl(path: str | None, truncate: bool) -> IO[bytes] | None:
    if not path:
        return None
    if is_stdout(path):
        return open_stdout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if not truncate:
        _cut_partial_line(path)
    return open(path, "wb" if truncate else "ab")


def _cut_partial_line(path: str) -> None:
    """A run stopped mid-line (disk full, power cut) left a partial last line: cut the file back to its last whole
    line before appending. The cut record's state row was never committed (it is committed only after its line is
    fsynced whole), so this run emits it again."""
    try:
        handle = open(path, "r+b")  # noqa: SIM115
    except (FileNotFoundError, IsADirectoryError):
        return
    with handle:
        size = handle.seek(0, os.SEEK_END)
        if not size or not handle.seekable():
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        end = size
        while end > 0:
            start = max(0, end - 65536)
            handle.seek(start)
            newline = handle.read(end - start).rfind(b"\n")
            if newline >= 0:
                end = start + newline + 1
                break
            end = start
        handle.truncate(end)
        sys.stderr.write(
            f"pressbot: {path}: cut a partial last line ({size - end} bytes); its release is emitted again\n"
        )


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
            "robots_forbidden": stats.get("robotstxt/forbidden", 0) - stats.get("robotstxt/forbidden_refused", 0),
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
        # first: an unusable state is refused before any file is opened
        self.state: CrawlState | None = open_state(state, worker) if state else None
        self.output = _open_jsonl(output, truncate)
        self._durable = not is_stdout(output)  # stdout (a pipe) is flushed, never fsynced (state refuses it)
        self.rejects = _open_jsonl(rejects, truncate)
        self.sites: dict[str, SiteCounts] = {}
        self.crawler_stats: dict[str, dict[str, Any]] = {}
        self.archives: dict[str, Any] = {}  # site -> archive.SiteArchive: fsynced before the output (group commit)
        self._unsynced = 0  # record lines written since the last fsync
        self._synced_at = time.monotonic()
        self._disk: ThreadPoolExecutor | None = None  # runs the fsyncs of group commits
        self._fsyncing: tuple[Future[None], list[dict[str, Any]]] | None = None  # a batch's fsync and its rows
        self.write_error: OSError | None = None  # the first failed write of the output (ENOSPC …)

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
        if self.write_error is not None:
            return  # the output cannot be written (disk full): the crawl is judged DISK_FULL; its rows stay pending
        if state is not None:
            state.begin_write(row, str(self.output_path), self.output.tell())
        try:
            self.output.write(record_line)
            self.output.flush()  # a killed process leaves whole lines
        except OSError as exc:
            self._write_failed(exc)
            return
        if state is not None:
            state.written(row)
        self._unsynced += 1
        self._settle_synced()
        if self._unsynced >= SYNC_EVERY_LINES or time.monotonic() - self._synced_at >= SYNC_EVERY_SECONDS:
            self._sync_in_background()

    def _write_failed(self, exc: OSError) -> None:
        """The first write error: said once, on one line; later records are not written (their state rows are never
        committed, so the next run emits them)."""
        self.write_error = exc
        sys.stderr.write(f"pressbot: cannot write {self.output_path}: {exc.strerror or exc}; no more records written\n")
        if self.output is not None:
            with contextlib.suppress(OSError):
                self.output.truncate(self.output.tell())  # drop what the buffer could not write, if anything

    def _sync_in_background(self) -> None:
        """Group commit without stalling the crawl: the batch's fsync runs in a thread, and its state rows are
        committed by the first emit() or sync() after it returns (the state is used from the crawl's thread only).

        fsync of a second's lines took about 40 ms on the benchmark machine: on the reactor's thread, no response
        was dispatched meanwhile and the readers ran out of pages. One batch at a time; lines written meanwhile
        go in the next.
        """
        if self._fsyncing is not None or self.output is None:
            return
        if not self._durable:
            self._unsynced = 0
            self._synced_at = time.monotonic()
            return
        rows = self.state.written_rows() if self.state is not None else []
        self._unsynced = 0
        self._synced_at = time.monotonic()
        if self._disk is None:
            self._disk = ThreadPoolExecutor(1, thread_name_prefix="pressbot-fsync")
        self._fsyncing = self._disk.submit(self._fsync, self.output.fileno(), list(self.archives.values())), rows

    @staticmethod
    def _fsync(fd: int, archives: list[Any]) -> None:
        """The archive's bytes first: a durable record line never cites WARC bytes that are not."""
        for archive in archives:
            archive.fsync()
        os.fsync(fd)

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
        except OSError as exc:  # the batch is not durable: its rows are not committed (the next run emits them)
            self._write_failed(exc)
            return
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
        if self.write_error is not None:
            return  # nothing more is durable; rows written before the error were settled by their batch or stay pending
        if self.output is not None and self._unsynced:
            try:
                self.output.flush()
                if self._durable:
                    self._fsync(self.output.fileno(), list(self.archives.values()))
            except OSError as exc:
                self._write_failed(exc)
                return
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
                try:
                    handle.close()
                except OSError as exc:  # a buffer that could not be flushed: the error was said already
                    if self.write_error is None:
                        self._write_failed(exc)
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
