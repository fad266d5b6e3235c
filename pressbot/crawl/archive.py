"""The raw archive: every response a crawl receives, with its request, in WARC/1.1 files (gzip per record).

Written with warcio (the reference writer). One file per run and site, ``<site>-<run start>-<pid>-<seq>.warc.gz``,
opened with O_EXCL: a run never appends onto a file an earlier (possibly killed) run left, it starts its own.
A file is rotated once it passes PRESSBOT_ARCHIVE_MAX_BYTES.

Crash safety, in step with the output's group commit (run.py):
- each response/request pair is serialized whole in memory, then written with one ``write`` and flushed: a killed
  process leaves whole records (a SIGKILL can only land between two writes);
- Run's group commit fsyncs the archive files before the output file, and commits state rows after both: a record
  whose state row is committed never points at WARC bytes that are not durable.

Where it hooks in (two downloader middlewares, one writer per site):
- ``ArchiveMiddleware`` at 585: below HttpCompression (590), so the payload is the body the spider hashes
  (``provenance.content_sha256`` is the sha256 of ``response.body``, after Content-Encoding is undone) and the
  WARC-Payload-Digest can be that same value; above Retry (550), MetaRefresh (580) and pressbot's Backoff (560),
  so it sees every attempt, error pages and blocks included; robots.txt requests pass through it too. The
  response_received signal fires only for the responses that reach the engine: no retried attempts.
- ``RedirectArchiveMiddleware`` at 610: the 3xx answers, which RedirectMiddleware (600) turns into new requests
  before 585 would see them (ROK MOFA's first answer is a 307 that sets the session cookie). Their bodies are
  stored as received.
A response that Retry will retry is marked ``WARC-Pressbot-Retried: 1`` (Retry's own rule, applied beforehand):
`pressbot reparse` skips it, as the spider never saw it; replay serves it, in order, as the crawl got it.

The record's WARC-Date is the time the response was received (seconds, UTC); it becomes the record's
``provenance.fetched_at`` too, so a reparse gives the same provenance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http
import io
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pressbot.crawl.run import now_iso, run_for

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 1 << 30
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED_HEADER = "WARC-Pressbot-Retried"
# Headers that describe the bytes on the wire, not the payload stored: Scrapy has undone them already.
_WIRE_HEADERS = frozenset({b"content-length", b"transfer-encoding", b"content-encoding"})


@dataclass(frozen=True)
class Location:
    """Where a response's record is: what goes into ``provenance`` (warc_file, warc_offset, warc_record_id)."""

    file: str  # the file's name (unique per run and site): the archive may be moved
    offset: int  # of the record's gzip member
    record_id: str

    def as_provenance(self) -> dict[str, Any]:
        return {"warc_file": self.file, "warc_offset": self.offset, "warc_record_id": self.record_id}


def warc_date(stamp: str | None) -> str:
    """A time as a WARC-Date (UTC, seconds, 'Z'): the replayed fixture's, else now."""
    if not stamp:
        return now_iso()
    when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class SiteArchive:
    """The WARC files of one site in one run. Written from the crawl's thread; fsync() may come from another."""

    def __init__(self, directory: Path | str, site: str, run_started: str, max_bytes: int = DEFAULT_MAX_BYTES):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.site = site
        self.stamp = run_started.replace("-", "").replace(":", "")
        self.max_bytes = max_bytes
        self.files: list[Path] = []
        self._fd: int | None = None
        self._size = 0
        self._lock = threading.Lock()  # fsync() and rotation/close never see a half-swapped descriptor
        self._dirty = False
        self._latest: dict[str, Location] = {}  # url -> the last response archived for it (taken by provenance)
        self.records = 0

    # ------------------------------------------------------------------ files

    def _open(self) -> None:
        path = self.directory / f"{self.site}-{self.stamp}-{os.getpid()}-{len(self.files):05d}.warc.gz"
        # O_EXCL: never onto an existing file; O_APPEND: every write goes to the end.
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        self.files.append(path)
        self._size = 0
        self._write(self._warcinfo(path.name))

    def _warcinfo(self, filename: str) -> bytes:
        from importlib.metadata import version

        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
        info = {
            "software": f"pressbot/{version('pressbot')} (warcio/{version('warcio')})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "isPartOf": f"pressbot crawl {self.site} {self.stamp}",
        }
        writer.write_record(writer.create_warcinfo_record(filename, info))
        return buffer.getvalue()

    def _write(self, data: bytes) -> int:
        """Append ``data`` (whole records) with one write; returns the offset it starts at."""
        assert self._fd is not None
        offset = self._size
        view = memoryview(data)
        while view:  # one write() for a regular file unless the disk is full
            view = view[os.write(self._fd, view) :]
        self._size += len(data)
        self._dirty = True
        return offset

    def fsync(self) -> None:
        with self._lock:
            if self._fd is not None and self._dirty:
                self._dirty = False
                os.fsync(self._fd)

    def close(self) -> None:
        with self._lock:
            self._close_file()

    def _close_file(self) -> None:
        """Make the current file durable and let it go (at the end, or when rotating past max_bytes)."""
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None

    # ------------------------------------------------------------------ records

    def write(
        self,
        url: str,
        status: int,
        headers: list[tuple[bytes, list[bytes]]],
        body: bytes,
        request: Any,
        date: str,
        protocol: str = "HTTP/1.1",
        extra: dict[str, str] | None = None,
        raw: bool = False,
    ) -> Location:
        """Archive one response and its request; returns the response record's place.

        ``raw``: the body is as received (its Content-Encoding not undone), so its headers are kept as they are.
        """
        data, record_id = self._records(url, status, headers, body, request, date, protocol, extra, raw)
        with self._lock:
            if self._fd is None or (self._size + len(data) > self.max_bytes and self._size > 0 and self.records):
                self._close_file()
                self._open()
            offset = self._write(data)
        self.records += 1
        location = Location(self.files[-1].name, offset, record_id)
        self._latest[url] = location
        return location

    def take(self, url: str) -> Location | None:
        """The place of the last response archived for ``url`` (once: the record that cites it takes it)."""
        return self._latest.pop(url, None)

    def _records(
        self,
        url: str,
        status: int,
        headers: list[tuple[bytes, list[bytes]]],
        body: bytes,
        request: Any,
        date: str,
        protocol: str,
        extra: dict[str, str] | None,
        raw: bool,
    ) -> tuple[bytes, str]:
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
        pairs = [(k.decode("latin-1"), v.decode("latin-1")) for k, values in headers for v in values]
        if not raw:
            pairs = [(k, v) for k, v in pairs if k.lower().encode() not in _WIRE_HEADERS]
            pairs.append(("Content-Length", str(len(body))))
        reason = _reason(status)
        http_headers = StatusAndHeaders(f"{status} {reason}".strip(), pairs, protocol=protocol)
        http_headers.compute_headers_buffer(None)
        payload_sha256 = hashlib.sha256(body).hexdigest()
        block_sha256 = hashlib.sha256(http_headers.headers_buff + body).hexdigest()
        warc_headers = {
            "WARC-Date": date,
            "WARC-Payload-Digest": f"sha256:{payload_sha256}",
            "WARC-Block-Digest": f"sha256:{block_sha256}",
        }
        warc_headers.update(extra or {})
        response = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        writer.write_record(response)
        writer.write_record(self._request_record(writer, url, request, date, record_id))
        return buffer.getvalue(), record_id

    @staticmethod
    def _request_record(writer: WARCWriter, url: str, request: Any, date: str, concurrent_to: str) -> Any:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        pairs = [("Host", parts.netloc)]
        body = b""
        method = "GET"
        if request is not None:
            method = request.method
            body = request.body or b""
            pairs += [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in request.headers.items() for v in vs]
        http_headers = StatusAndHeaders(f"{method} {target} HTTP/1.1", pairs, protocol="HTTP/1.1", is_http_request=True)
        return writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to},
        )


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


# ---------------------------------------------------------------------------------------- the middlewares


def _archive_for(crawler: Any) -> SiteArchive:
    """The crawler's archive (one site per crawler), created on first use and known to the run for its fsyncs."""
    archive = getattr(crawler, "_pressbot_archive", None)
    if archive is None:
        run = run_for(crawler)
        site = crawler.spidercls.name
        archive = SiteArchive(
            crawler.settings.get("PRESSBOT_ARCHIVE"),
            site,
            run.started,
            crawler.settings.getint("PRESSBOT_ARCHIVE_MAX_BYTES", DEFAULT_MAX_BYTES),
        )
        crawler._pressbot_archive = archive
        run.archives[site] = archive

        from scrapy import signals

        def closed(spider: Any = None) -> None:
            archive.close()
            run.archives.pop(site, None)
            crawler.stats.set_value("pressbot/archive/files", len(archive.files))

        crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)
    return archive


def _date(request: Any, response: Any) -> str:
    """The replayed page's time, else now (a redirect's or a retry's request carries its predecessor's stamp)."""
    return warc_date(request.meta.get("pressbot_fetched_at") if "replay" in response.flags else None)


class ArchiveMiddleware:
    """Archives every response below HttpCompression (see the module's notes); on when PRESSBOT_ARCHIVE is set."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        settings = crawler.settings
        self.retry_enabled = settings.getbool("RETRY_ENABLED")
        self.retry_codes = {int(c) for c in settings.getlist("RETRY_HTTP_CODES")}
        self.retry_times = settings.getint("RETRY_TIMES")

    @classmethod
    def from_crawler(cls, crawler: Any) -> Any:
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.get("PRESSBOT_ARCHIVE"):
            raise NotConfigured
        return cls(crawler)

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        if "archived" in response.flags:  # a 3xx archived above RedirectMiddleware, passed on (dont_redirect)
            return response
        date = _date(request, response)
        request.meta["pressbot_fetched_at"] = date  # the record's fetched_at: the WARC-Date
        extra = {RETRIED_HEADER: "1"} if self._will_retry(request, response) else None
        archive = _archive_for(self.crawler)
        archive.write(
            response.url, response.status, list(response.headers.items()), response.body, request, date, extra=extra
        )
        self.crawler.stats.inc_value("pressbot/archive/records")
        return response

    def _will_retry(self, request: Any, response: Any) -> bool:
        """RetryMiddleware's rule (scrapy.downloadermiddlewares.retry), applied before it runs."""
        if not self.retry_enabled or request.meta.get("dont_retry") or response.status not in self.retry_codes:
            return False
        limit = request.meta.get("max_retry_times", self.retry_times)
        return request.meta.get("retry_times", 0) + 1 <= limit


class RedirectArchiveMiddleware(ArchiveMiddleware):
    """Archives the 3xx answers before RedirectMiddleware (600) replaces them by the next request."""

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        if response.status not in REDIRECTS or b"Location" not in response.headers:
            return response
        date = _date(request, response)
        archive = _archive_for(self.crawler)
        archive.write(
            response.url,
            response.status,
            list(response.headers.items()),
            response.body,
            request,
            date,
            raw=True,  # as received: Content-Encoding not undone yet
        )
        self.crawler.stats.inc_value("pressbot/archive/records")
        response.flags.append("archived")
        return response
