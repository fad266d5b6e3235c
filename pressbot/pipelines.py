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

from pressbot import statuses
from pressbot.extract import PARSER_VERSION
from pressbot.items import Fetched
from pressbot.jsonfmt import NOT_CONTENT, json_members, json_object, record_hash
from pressbot.models import Release
from pressbot.run import Run, now_iso, run_for

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
    """The record must satisfy the schema; one that does not is a reject with pydantic's errors."""

    def process_item(self, item: Fetched, spider: Any = None) -> Fetched:
        if item.record is None or item.from_model:
            return item
        try:
            Release.model_validate(item.record)
        except ValidationError as exc:
            errors = json.loads(exc.json(include_url=False, include_input=False))
            self.run.reject(item.site, item.url, "invalid", str(exc).splitlines()[0], item.record, errors)
            self.crawler.stats.inc_value(f"pressbot/{item.site}/rejects/invalid")
            raise DropItem(f"invalid record: {item.url}", log_level="DEBUG") from None
        return item


class ProvenancePipeline(_RunPipeline):
    """Stamps where and when the record came from (the only place pressbot reads the clock)."""

    def process_item(self, item: Fetched, spider: Any = None) -> Fetched:
        item.fetched_at = item.fetched_at or now_iso()
        if item.record is not None:
            if not item.from_model or item.record_json is None:
                item.record_json = json_members(item.record)
                item.record_sha256 = None
            item.record["provenance"] = {
                "fetched_at": item.fetched_at,
                "content_sha256": item.content_sha256,
                "parser_version": PARSER_VERSION,
                "http_status": item.status,
                "encoding": item.encoding,
                "record_sha256": item.record_sha256 or record_hash(item.record, item.record_json),
                "previous_record_sha256": None,
            }
        return item


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
            item.record, item.record_json = _withdrawal(known, item), None
            return item
        record = item.record
        assert record is not None
        known = state.get(record["id"]) if state else None
        new_hash = record["provenance"]["record_sha256"]
        if known is not None and known.record_sha256 == new_hash and not known.withdrawn:
            state.touch(known.id, item.fetched_at, item.status, item.etag, item.last_modified)
            counts.releases["unchanged"] += 1
            raise DropItem(f"unchanged: {item.url}", log_level="DEBUG")
        if known is not None:
            record["revision"] = known.revision + 1
            record["provenance"]["previous_record_sha256"] = known.record_sha256
        return item


def _withdrawal(known: Any, item: Fetched) -> dict[str, Any]:
    """A release that now answers 404/410: a record of kind 'withdrawn', the next revision."""
    record = Release(
        id=known.id,
        site=item.site,
        url=item.url,
        language=known.language or "ja",
        title=known.title or known.id,
        kind="withdrawn",
        body="",
        revision=known.revision + 1,
    ).model_dump(mode="json")
    record["provenance"] = {
        "fetched_at": item.fetched_at,
        "content_sha256": item.content_sha256 or hashlib.sha256(b"").hexdigest(),
        "parser_version": PARSER_VERSION,
        "http_status": item.status,
        "encoding": None,
        "record_sha256": record_hash(record),
        "previous_record_sha256": known.record_sha256,
    }
    return record


class OutputPipeline(_RunPipeline):
    """Writes the record line (flushed), then commits the state; hands the bare record to feed exports."""

    def close_spider(self, spider: Any = None) -> None:
        self.run.sync()  # the last batch of lines is fsynced and its state rows committed

    def process_item(self, item: Fetched, spider: Any = None) -> dict[str, Any]:
        run = self.run
        record = item.record
        assert record is not None
        status = "withdrawn" if record["kind"] == "withdrawn" else "changed" if record["revision"] > 1 else "new"
        row = {
            "id": record["id"],
            "site": item.site,
            "url": item.url,
            "record_sha256": record["provenance"]["record_sha256"],
            "revision": record["revision"],
            "seen_at": item.fetched_at,
            "status": item.status,
            "etag": item.etag,
            "last_modified": item.last_modified,
            "title": record["title"],
            "language": record["language"],
            "withdrawn": int(status == "withdrawn"),
        }
        run.emit(_record_line(record, item.record_json), row)
        run.site(item.site).releases[status] += 1
        if status != "withdrawn":
            run.count_emitted(item.site, record)
        self.crawler.stats.inc_value(f"pressbot/{item.site}/releases/{status}")
        return record


def _record_line(record: dict[str, Any], members: dict[str, bytes] | None) -> bytes:
    """The JSON line of a record, reusing the fields serialized for its hash (revision and provenance change)."""
    members = dict(members) if members is not None else json_members(record)
    members.update(json_members({key: record[key] for key in NOT_CONTENT if key in record}))
    return json_object(members, record) + b"\n"
