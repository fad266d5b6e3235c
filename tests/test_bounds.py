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


def test_a_crawl_stops_at_the_bounds_and_the_manifest_and_summary_say_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A local server: the first listing page links 100,000 releases, and every listing page links the next, without
    end. Fails on bfa790d: the crawl stops at the bounds, but neither the manifest nor the summary says so."""
    from crawling import crawl

    from pressbot.fixtures.server import FixtureServer

    base = "https://www.mofa.go.jp/mofaj/press/release/"

    def listing(n: int, links: int) -> bytes:
        items = "".join(
            f'<li><a href="/mofaj/press/release/pressit_000001_{n:03d}{i:06d}.html">t{i}</a></li>' for i in range(links)
        )
        return (
            '<html><body><div id="maincontents"><dl class="title-list"><dt class="list-title">1月17日</dt><dd>'
            f'<ul class="link-list">{items}</ul></dd></dl></div>'
            f'<li class="next"><a href="/mofaj/press/release/index_{n + 1}.html">next</a></li></body></html>'
        ).encode()

    server = FixtureServer()
    server.add(base + "index.html", listing(1, 100_000))
    for n in range(2, 60):
        server.add(base + f"index_{n}.html", listing(n, 1))
    bounds = ("-s", "PRESSBOT_MAX_LISTING_PAGES=5", "-s", "PRESSBOT_MAX_LISTING_LINKS=10")
    with server:
        result, manifest = crawl(
            server.url, tmp_path / "out.jsonl", "--no-state", "-s", "PRESSBOT_EXTRACT_WORKERS=0", *bounds
        )
    assert result.returncode != 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    listings = [s.url for s in server.log if "/index" in s.url]
    assert len(listings) == 5, listings
    site = manifest["sites"]["mofa_ja"]
    assert site["listing_pages"] == 5
    assert site["bounds"] == {
        "listing_links": {"limit": 10, "dropped": 99_990},
        "listing_pages": {"limit": 5, "dropped": 1},
    }
    assert "bound" in result.stderr and "listing_pages" in result.stderr.split("pressbot crawl summary", 1)[1]
