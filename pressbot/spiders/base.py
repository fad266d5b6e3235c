"""The one way pressbot walks a site: listing pages → release pages → Fetched items.

Each site gets a subclass naming its Site (spiders/sites.py); the site files (pressbot/sites/data) hold the selectors.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import AsyncIterator, Iterator
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response

from pressbot.crawl import ignored, jobdir, statuses, workers
from pressbot.crawl.budget import read_within
from pressbot.crawl.canonical import canonical_url
from pressbot.crawl.run import run_for
from pressbot.crawl.workers import read_release_page
from pressbot.errors import ExtractError
from pressbot.extract.listing import read_listing
from pressbot.items import Fetched
from pressbot.sites import Site


class ReleaseSpider(scrapy.Spider):
    site: ClassVar[Site]

    def __init__(self, since: str | None = None, until: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.allowed_domains = list(self.site.domains)
        self.since = dt.date.fromisoformat(since) if since else None
        self.until = dt.date.fromisoformat(until) if until else None

    @classmethod
    def handles_request(cls, request: Any) -> bool:
        """Which spider ``scrapy parse URL`` picks: the one whose site owns the URL (scope included, so the
        two MOFA sites on one host are told apart)."""
        return cls.site.owns(request.url)

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        """The site's own delay (State asks 5 s), unless the command line set one (replay sets 0)."""
        super().update_settings(settings)
        settings.set(
            "DOWNLOAD_DELAY", max(cls.site.crawl_delay, settings.getfloat("DOWNLOAD_DELAY")), priority="spider"
        )
        jobdir.per_site(settings, cls.site.name)  # pressbot crawl: DIR/<site>, not one folder for every spider

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        kwargs.setdefault("since", crawler.settings.get("PRESSBOT_SINCE") or None)
        kwargs.setdefault("until", crawler.settings.get("PRESSBOT_UNTIL") or None)
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self):  # type: ignore[override]
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_listing, errback=self.on_error)

    # ------------------------------------------------------------------ scrapy parse / scrapy check

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """What ``scrapy parse URL`` and the spider contracts call: a release URL yields its record (JSON
        values, provenance aside); any other URL is read as a listing and yields its release requests, which
        come back here. Pages that are not releases are logged as warnings, not yielded."""
        if self.site.release_key(response.url) is None:
            for request in self.parse_listing(response):
                if isinstance(request, scrapy.Request):
                    yield request.replace(callback=self.parse, errback=None, cb_kwargs={})
            return
        early = self._unreadable(response)
        if early is not None:
            self.logger.warning("%s: HTTP %s is not a release page", response.url, response.status)
            return
        outcome, data, _ = read_release_page(*self._read_args(response))
        if outcome == "error":
            self.logger.warning("%s: %s", response.url, data["message"])
            return
        yield json.loads(data["serialized"].line())

    # ------------------------------------------------------------------ listings

    def parse_listing(self, response: Response) -> Iterator[Any]:
        self.crawler.stats.inc_value(f"pressbot/{self.site.name}/listing_pages")
        if response.status in statuses.BLOCKED:
            yield self._fetched(response, error={"reason": "blocked", "message": f"HTTP {response.status}"})
            return
        try:
            listing = read_listing(
                response.body,
                response.url,
                self.site,
                _anchor_date(response),
                content_type=_header(response, "Content-Type"),
            )
        except ExtractError as exc:
            yield self._fetched(response, error={"reason": exc.reason, "message": str(exc)})
            return
        older_than_window = False
        for entry in listing.entries:
            if entry.date and self.until and entry.date > self.until:
                continue
            if entry.date and self.since and entry.date < self.since:
                older_than_window = True
                continue
            listed = {"title": entry.title, "date": entry.date.isoformat() if entry.date else None}
            yield from self.release_requests(entry.url, listed)
        if listing.next_url and not older_than_window:
            yield scrapy.Request(listing.next_url, callback=self.parse_listing, errback=self.on_error)

    def release_requests(self, url: str, listed: dict[str, Any]) -> Iterator[Any]:
        """Fetch a release: conditionally when the state knows it; not at all while its revalidation window
        is open and the listing shows no change (counted as unchanged)."""
        url = canonical_url(self.site.name, url)  # one spelling per release before the state and the id see it
        state = run_for(self.crawler).state
        known = state.by_url(url) if state else None
        headers = {}
        if known is not None and not known.withdrawn:
            window = dt.timedelta(hours=self.crawler.settings.getfloat("PRESSBOT_REVALIDATE_HOURS"))
            fresh = window and _age(known.last_seen) < window
            if fresh and (not listed.get("title") or listed["title"] == known.title):
                yield Fetched(site=self.site.name, url=url, status=304, content_sha256="", listed=listed)
                return
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        callback = self.parse_release if self._pool is None else self.parse_release_pooled
        yield scrapy.Request(
            url, headers=headers, callback=callback, errback=self.on_error, cb_kwargs={"listed": listed}
        )

    # ------------------------------------------------------------------ releases

    def parse_release(self, response: Response, listed: dict[str, Any] | None = None) -> Iterator[Fetched]:
        """Read the page in this process (a plain generator: Scrapy's async callback path costs more per page)."""
        early = self._unreadable(response)
        if early is not None:
            yield early
            return
        budget = self.crawler.settings.getfloat("PRESSBOT_READ_TIMEOUT")  # as a reader process has (crawl/budget.py)
        yield self._release_item(response, listed, read_within(budget, read_release_page, *self._read_args(response)))

    async def parse_release_pooled(
        self, response: Response, listed: dict[str, Any] | None = None
    ) -> AsyncIterator[Fetched]:
        """Read the page in a worker process (PRESSBOT_EXTRACT_WORKERS), leaving the reactor free."""
        early = self._unreadable(response)
        if early is not None:
            yield early
            return
        assert self._pool is not None
        try:
            result = await self._pool.read(*self._read_args(response))
        except workers.WorkerCrashed as exc:  # a page that kills the reader is bad input: a reject, not a stop
            result = "error", {"reason": "worker_crashed", "message": str(exc), "selector": None}, ""
        yield self._release_item(response, listed, result)

    def _unreadable(self, response: Response) -> Fetched | None:
        """The item for a response that is not a page to read (304, gone, blocked, error status), else None."""
        if response.status == 304 or response.status in statuses.GONE:
            return self._fetched(response)  # the state decides: unchanged, withdrawn, or unknown
        if response.status in statuses.BLOCKED:
            return self._fetched(response, error={"reason": "blocked", "message": f"HTTP {response.status}"})
        if response.status >= 400:
            return self._fetched(response, error={"reason": f"http_{response.status}", "message": "error status"})
        return None

    def _read_args(self, response: Response) -> tuple[bytes, str, str, str | None]:
        return response.body, response.url, self.site.name, _header(response, "Content-Type")

    def _release_item(
        self, response: Response, listed: dict[str, Any] | None, result: tuple[str, dict[str, Any], str]
    ) -> Fetched:
        outcome, data, content_sha256 = result
        if outcome == "error":
            self.crawler.stats.inc_value(f"pressbot/{self.site.name}/extract_error/{data['reason']}")
            return self._fetched(response, content_sha256, error=data)
        return self._fetched(response, content_sha256, **data, listed=listed or {})

    @property
    def _pool(self) -> workers.ReaderPool | None:
        """Worker processes for reading pages: PRESSBOT_EXTRACT_WORKERS, a number or 'auto' (three when the
        machine has a second core; none in replay, which is small and must stay in order)."""
        if not hasattr(self, "_workers"):
            settings = self.crawler.settings
            count = workers.default_workers(
                settings.get("PRESSBOT_EXTRACT_WORKERS"), replay=bool(settings.get("PRESSBOT_REPLAY"))
            )
            timeout = settings.getfloat("PRESSBOT_READ_TIMEOUT") or None
            self._workers = workers.acquire(count, timeout) if count > 0 else None
        return self._workers

    def closed(self, reason: str) -> None:
        if getattr(self, "_workers", None) is not None:
            workers.release()
            self._workers = None

    def on_error(self, failure: Any) -> Iterator[Fetched]:
        request = failure.request
        reject = ignored.reject_reason(failure.value)  # redirect loops, offsite redirects, too large: rejects
        if reject is None:
            return
        self.crawler.stats.inc_value(f"pressbot/{self.site.name}/{reject}")
        yield Fetched(
            site=self.site.name,
            url=request.url,
            status=0,
            content_sha256="",
            error={"reason": reject, "message": f"{type(failure.value).__name__}: {failure.value}"},
        )

    def _fetched(self, response: Response, content_sha256: str | None = None, **fields: Any) -> Fetched:
        return Fetched(
            site=self.site.name,
            url=response.url,
            status=response.status,
            content_sha256=content_sha256 or hashlib.sha256(response.body).hexdigest(),
            encoding=getattr(response, "encoding", None),
            fetched_at=response.meta.get("pressbot_fetched_at"),
            etag=_header(response, "ETag"),
            last_modified=_header(response, "Last-Modified"),
            **fields,
        )


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _age(stamp: str) -> dt.timedelta:
    try:
        seen = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return dt.timedelta.max
    return dt.datetime.now(dt.UTC) - seen


def _anchor_date(response: Response) -> dt.date:
    """When the page was fetched: the replayed fixture's time, else the server's Date header, else now."""
    stamp = response.meta.get("pressbot_fetched_at")
    if stamp:
        return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
    date_header = _header(response, "Date")
    if date_header:
        try:
            return parsedate_to_datetime(date_header).date()
        except (TypeError, ValueError):
            pass
    return dt.datetime.now(dt.UTC).date()
