"""Bounds on walking listings (spider middleware): an endless "next page" chain or a listing with 100,000 links
stops at a setting, with a warning and a stat, instead of running on.

PRESSBOT_MAX_LISTING_PAGES: listing pages followed per spider (next-page requests beyond it are dropped).
PRESSBOT_MAX_LISTING_LINKS: release requests taken from one listing page.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request

logger = logging.getLogger(__name__)

BOUNDS = {"listing_pages": "PRESSBOT_MAX_LISTING_PAGES", "listing_links": "PRESSBOT_MAX_LISTING_LINKS"}


def bounds_report(name: str, stats: dict[str, Any], settings: Any) -> dict[str, dict[str, int]]:
    """The bounds a site's crawl hit, for the manifest: {bound: {limit, dropped}} (dropped: requests not followed)."""
    report = {}
    for what, setting in BOUNDS.items():
        dropped = stats.get(f"pressbot/{name}/bound/{what}", 0)
        if dropped:
            report[what] = {"limit": settings.getint(setting), "dropped": dropped}
    return report


class ListingBounds:
    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.max_pages = crawler.settings.getint("PRESSBOT_MAX_LISTING_PAGES")
        self.max_links = crawler.settings.getint("PRESSBOT_MAX_LISTING_LINKS")
        self.pages = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> ListingBounds:
        return cls(crawler)

    def _is_listing(self, request: Request, spider: Any) -> bool:
        callback = request.callback
        return getattr(callback, "__name__", None) == "parse_listing"

    def _hit(self, spider: Any, what: str, limit: int, url: str) -> None:
        name = getattr(spider, "name", "?")
        key = f"pressbot/{name}/bound/{what}"
        if not self.crawler.stats.get_value(key):
            logger.warning("%s: %s bound (%d) reached at %s; the rest is not followed", name, what, limit, url)
        self.crawler.stats.inc_value(key)

    async def process_spider_output_async(self, response: Any, result: AsyncIterator[Any], spider: Any = None):  # type: ignore[no-untyped-def]
        async for item in result:
            if self.keep(response, item, spider):
                yield item

    def process_spider_output(self, response: Any, result: Any, spider: Any = None):  # type: ignore[no-untyped-def]
        for item in result:
            if self.keep(response, item, spider):
                yield item

    def keep(self, response: Any, item: Any, spider: Any) -> bool:
        spider = spider or self.crawler.spider
        if not isinstance(item, Request) or response is None or not self._is_listing(response.request, spider):
            return True
        if self._is_listing(item, spider):
            self.pages += 1
            if self.max_pages and self.pages >= self.max_pages:
                self._hit(spider, "listing_pages", self.max_pages, item.url)
                return False
            return True
        links = response.meta.get("pressbot_links", 0) + 1
        response.meta["pressbot_links"] = links
        if self.max_links and links > self.max_links:
            self._hit(spider, "listing_links", self.max_links, response.url)
            return False
        return True
