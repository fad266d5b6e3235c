"""Item pipelines: triage → validate → provenance → state → output. Nothing leaves without a trace.

Every Fetched item ends as exactly one of: an emitted record, an unchanged-skip, a blocked count,
or a reject line with its reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from pydantic import ValidationError
from scrapy.exceptions import DropItem

from pressbot.crawl import statuses
from pressbot.crawl.records import SerializedRecord
from pressbot.crawl.run import Run, now_iso, run_for
from pressbot.extract import PARSER_VERSION
from pressbot.items import Fetched
from pressbot.models import Release

logger = logging.getLogger(__name__)


class _RunPipeline:
    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> _RunPipeline:
        return cls(crawler)

    @property
    def run(self) -> Run:
        return run_for(self.crawler)


class TriagePipeline(_RunPipeline):
    """Blocked pages are counted; failed pages become rejects; 304/404/410 go on to the state."""

    def process_item(self, item: Fetched, spider: Any = None) -> Fetched:
        if item.error is None:
            return item
        if item.error["reason"] == "blocked":
            self.run.site(item.site).blocked += 1
            self.crawler.stats.inc_value(f"pressbot/{item.site}/blocked")
            logger.warning("blocked: %s (%s)", item.url, item.error.get("message"))
            raise DropItem(f"blocked: {item.url}", log_level="DEBUG")
        if item.error["reason"] == "fetch_error":
            self.run.site(item.site).errors.append(f"{item.url}: {item.error['message']}")
        self.run.reject(item.site, item.url, item.error["reason"], item.error.get("message", ""))
        self.crawler.stats.inc_value(f"pressbot/{item.site}/rejects/{item.error['reason']}")
        raise DropItem(f"rejected ({item.error['reason']}): {item.url}", log_level="DEBUG")


class ValidatePipeline(_RunPipeline):
    """A record given as Python values must satisfy the schema (a reject with pydantic's errors if not); then it is
    serialized as a reader serializes the records it reads (those were validated when extract() built them)."""

    def process_item(self, item: Fetched, spider: Any = None) -> Fetched:
        if item.record is None:
            return item
        try:
            Release.model_validate(item.record)
        except ValidationError as exc:
            errors = json.loads(exc.json(include_url=False, include_input=False))
            self.run.reject(item.site, item.url, "invalid", str(exc).splitlines()[0], item.record, errors)
            self.crawler.stats.inc_value(f"pressbot/{item.site}/rejects/invalid")
            raise DropItem(f"invalid record: {item.url}", log_level="DEBUG") from None
        record = {key: value for key, value in item.record.items() if key != "provenance"}
        item.serialized, item.record = SerializedRecord.of(record), None
        return item


class ProvenancePipeline(_RunPipeline):
    """Stamps where and when the record came from (the only place pressbot reads the clock)."""

    def process_item(self, item: Fetched, spider: Any = None) -> Fetched:
        item.fetched_at = item.fetched_at or now_iso()
        archive = self.run.archives.get(item.site)
        if item.warc is None and archive is not None and item.content_sha256:
            location = archive.take(item.url)
            item.warc = location.as_provenance() if location else None
        if item.serialized is not None:
            item.serialized.head["provenance"] = _provenance(
                item, item.serialized.sha256, item.content_sha256, item.encoding
            )
        return item


def _provenance(
    item: Fetched, record_sha256: str, content_sha256: str, encoding: str | None, previous: str | None = None
) -> dict[str, Any]:
    """Where and when the record came from: the one place its provenance fields are listed."""
    provenance = {
        "fetched_at": item.fetched_at,
        "content_sha256": content_sha256,
        "parser_version": PARSER_VERSION,
        "http_status": item.status,
        "encoding": encoding,
        "record_sha256": record_sha256,
        "previous_record_sha256": previous,
    }
    if item.warc:  # only with the archive: records of runs without one are as before
        provenance.update(item.warc)
    return provenance


class StatePipeline(_RunPipeline):
    """New, changed, unchanged or withdrawn, decided against the crawl state (when there is one)."""

    def process_item(self, item: Fetched, spider: Any = None) -> Fetched:
        state = self.run.state
        counts = self.run.site(item.site)
        if item.status == 304 or item.status in statuses.GONE:
            known = state.by_url(item.url) if state else None
            if known is None:
                self.run.reject(item.site, item.url, f"http_{item.status}", "not a release we know")
                raise DropItem(f"http {item.status}: {item.url}", log_level="DEBUG")
            if item.status == 304 or known.withdrawn:
                if item.content_sha256:  # a real 304 (not a skip inside the revalidation window)
                    state.touch(known.id, item.fetched_at, item.status, item.etag, item.last_modified)
                counts.releases["unchanged"] += 1
                raise DropItem(f"unchanged: {item.url}", log_level="DEBUG")
            item.serialized = _withdrawal(known, item)
            return item
        assert item.serialized is not None
        head = item.serialized.head
        known = state.get(head["id"]) if state else None
        if known is not None and known.record_sha256 == item.serialized.sha256 and not known.withdrawn:
            state.touch(known.id, item.fetched_at, item.status, item.etag, item.last_modified)
            counts.releases["unchanged"] += 1
            raise DropItem(f"unchanged: {item.url}", log_level="DEBUG")
        if known is not None:
            head["revision"] = known.revision + 1
            head["provenance"]["previous_record_sha256"] = known.record_sha256
        return item


def _withdrawal(known: Any, item: Fetched) -> SerializedRecord:
    """A release that now answers 404/410: a record of kind 'withdrawn', the next revision."""
    withdrawn = SerializedRecord.of(
        Release(
            id=known.id,
            site=item.site,
            url=item.url,
            language=known.language or "ja",
            title=known.title or known.id,
            kind="withdrawn",
            body="",
            revision=known.revision + 1,
        ).model_dump(mode="json", exclude={"provenance"})
    )
    no_body = hashlib.sha256(b"").hexdigest()  # a page answering 404/410 has no body to hash
    withdrawn.head["provenance"] = _provenance(
        item, withdrawn.sha256, item.content_sha256 or no_body, None, previous=known.record_sha256
    )
    return withdrawn


class OutputPipeline(_RunPipeline):
    """Writes the record line (flushed), then commits the state.

    Hands on the whole record when a feed export is configured (``scrapy crawl -o``), else the record's head: the
    crawler never rebuilds a record it does not need (see records.py).
    """

    def open_spider(self, spider: Any = None) -> None:
        self.feeds = bool(self.crawler.settings.getdict("FEEDS"))

    def close_spider(self, spider: Any = None) -> None:
        self.run.sync()  # the last batch of lines is fsynced and its state rows committed

    def process_item(self, item: Fetched, spider: Any = None) -> dict[str, Any]:
        run = self.run
        serialized = item.serialized
        assert serialized is not None
        head = serialized.head
        status = "withdrawn" if head["kind"] == "withdrawn" else "changed" if head["revision"] > 1 else "new"
        row = {
            "id": head["id"],
            "site": item.site,
            "url": item.url,
            "record_sha256": serialized.sha256,
            "revision": head["revision"],
            "seen_at": item.fetched_at,
            "status": item.status,
            "etag": item.etag,
            "last_modified": item.last_modified,
            "title": head["title"],
            "language": head["language"],
            "withdrawn": int(status == "withdrawn"),
        }
        line = serialized.line()
        run.emit(line, row)
        if run.write_error is not None:  # not written (disk full): not counted as emitted; the next run emits it
            raise DropItem(f"not written: {item.url}", log_level="DEBUG")
        run.site(item.site).releases[status] += 1
        if status != "withdrawn":
            run.count_emitted(item.site, serialized.covered)
        self.crawler.stats.inc_value(f"pressbot/{item.site}/releases/{status}")
        return json.loads(line) if self.feeds else head
