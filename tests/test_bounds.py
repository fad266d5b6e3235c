"""Listing bounds (issue 15). Fails on da398a3 (no bound: pressbot.crawl.bounds does not exist)."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector


class _Spider:
    name = "mofa_ja"

    def parse_listing(self, response):  # type: ignore[no-untyped-def]
        pass

    def parse_release(self, response):  # type: ignore[no-untyped-def]
        pass


class _Crawler:
    def __init__(self, **settings: int) -> None:
        self.settings = Settings(settings)
        self.stats = MemoryStatsCollector(self)  # type: ignore[arg-type]
        self.spider = _Spider()


def test_endless_next_pages_and_huge_listings_stop_at_their_bounds() -> None:
    from pressbot.crawl.bounds import ListingBounds

    crawler = _Crawler(PRESSBOT_MAX_LISTING_PAGES=3, PRESSBOT_MAX_LISTING_LINKS=10)
    bounds = ListingBounds(crawler)
    spider = crawler.spider
    kept_pages = 0
    for n in range(100):  # an endless chain: every page links the next
        request = Request(f"https://www.mofa.go.jp/list{n}.html", callback=spider.parse_listing)
        response = HtmlResponse(request.url, body=b"<html></html>", request=request)
        nxt = Request(f"https://www.mofa.go.jp/list{n + 1}.html", callback=spider.parse_listing)
        kept = list(bounds.process_spider_output(response, [nxt], spider))
        kept_pages += len(kept)
        if not kept:
            break
    assert kept_pages == 2 and crawler.stats.get_value("pressbot/mofa_ja/bound/listing_pages") == 1
    request = Request("https://www.mofa.go.jp/big.html", callback=spider.parse_listing)
    response = HtmlResponse(request.url, body=b"<html></html>", request=request)
    links = (Request(f"https://www.mofa.go.jp/r{i}.html", callback=spider.parse_release) for i in range(100_000))
    assert len(list(bounds.process_spider_output(response, links, spider))) == 10
    assert crawler.stats.get_value("pressbot/mofa_ja/bound/listing_links") == 99_990
