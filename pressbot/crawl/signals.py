"""Scrapy signals pressbot listens to, so that nothing fetched vanishes without a trace.

A redirect back to a URL already in its own redirect chain (a loop) is dropped by Scrapy's duplicate filter
before RedirectMiddleware's own limit is reached, and no errback runs: it becomes a ``redirect_loop`` reject.
A redirect off the spider's ``allowed_domains`` is dropped by Scrapy's OffsiteMiddleware when it is scheduled,
again with no errback: it becomes an ``offsite_redirect`` reject.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import signals


class DroppedRequests:
    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> DroppedRequests:
        extension = cls(crawler)
        crawler.signals.connect(extension.dropped, signal=signals.request_dropped)
        crawler.signals.connect(extension.scheduled, signal=signals.request_scheduled)
        return extension

    def scheduled(self, request: Any, spider: Any = None) -> None:
        chain = request.meta.get("redirect_urls") or []
        spider = spider or self.crawler.spider
        domains = getattr(spider, "allowed_domains", None) or []
        if not chain or not domains or request.dont_filter or request.meta.get("allow_offsite"):
            return
        host = (urlsplit(request.url).hostname or "").lower()
        if any(host == d or host.endswith(f".{d}") for d in domains):
            return
        self._reject(spider, chain[0], "offsite_redirect", f"redirect off the site's domains: {request.url}")

    def dropped(self, request: Any, spider: Any = None) -> None:
        chain = request.meta.get("redirect_urls") or []
        if request.url not in chain:
            return  # an ordinary duplicate: the request that got through answers for it
        spider = spider or self.crawler.spider
        self._reject(spider, chain[0], "redirect_loop", f"redirect loop: {' -> '.join([*chain, request.url])}")

    def _reject(self, spider: Any, url: str, reason: str, message: str) -> None:
        from pressbot.crawl.run import run_for

        site = getattr(getattr(spider, "site", None), "name", None) or spider.name
        self.crawler.stats.inc_value(f"pressbot/{site}/{reason}")
        run_for(self.crawler).reject(site, url, reason, message)
