"""The crawl baseline: a bare Scrapy spider that only follows the listing links and counts bytes.

    python bench/bare_spider.py --upstream http://127.0.0.1:PORT [--stats FILE] [-s NAME=VALUE ...]

One spider per start URL (the mofa_ja and mofa_en index pages), run together in one CrawlerProcess as
``pressbot crawl mofa_ja mofa_en`` runs its two spiders. Listing pages are parsed for
``dl.title-list a`` and ``li.next a``; release pages are only counted (bytes), never parsed. Same download
handler as pressbot (pressbot.crawl.upstream.UpstreamDownloadHandler with PRESSBOT_UPSTREAM), same reactor,
same concurrency and politeness-off settings as the benchmark gives pressbot. Project settings
(scrapy.cfg) are not loaded: nothing of pressbot runs but the download handler.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

# Run as a script, this file's folder (bench/) is sys.path[0], and bench/incremental.py would shadow the
# `incremental` package Twisted imports: drop the folder before anything imports Twisted.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import scrapy  # noqa: E402
from scrapy.crawler import CrawlerProcess  # noqa: E402
from scrapy.settings import Settings  # noqa: E402

START_URLS = (
    "https://www.mofa.go.jp/mofaj/press/release/index.html",
    "https://www.mofa.go.jp/press/release/index.html",
)
HANDLER = "pressbot.crawl.upstream.UpstreamDownloadHandler"


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start_url: str, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.start_url = start_url

    async def start(self):  # type: ignore[override]
        yield scrapy.Request(self.start_url, callback=self.parse_listing)

    def parse_listing(self, response):  # type: ignore[no-untyped-def]
        self._count(response, "listing")
        for href in response.css("dl.title-list a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_release)
        for href in response.css("li.next a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_listing)

    def parse_release(self, response):  # type: ignore[no-untyped-def]
        self._count(response, "release")

    def _count(self, response, kind: str) -> None:  # type: ignore[no-untyped-def]
        stats = self.crawler.stats
        stats.inc_value(f"bare/{kind}_pages")
        stats.inc_value(f"bare/{kind}_bytes", len(response.body))


def settings_for(upstream: str, overrides: dict[str, str]) -> Settings:
    settings = Settings()
    settings.setdict(
        {
            "PRESSBOT_UPSTREAM": upstream,
            "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
            "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
            "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
            "TELNETCONSOLE_ENABLED": False,
            # as pressbot (pressbot/settings.py): no remote-control server, and its module not loaded
            "REMOTE_CONTROL_ENABLED": False,
            "EXTENSIONS": {"scrapy.extensions.remote_control.RemoteControl": None},
            "LOG_LEVEL": "WARNING",
            "COOKIES_ENABLED": True,
            "HTTPERROR_ALLOW_ALL": True,
            "USER_AGENT": "pressbot-bench-bare/0.1",
            # the benchmark's politeness-off settings, as given to pressbot
            "ROBOTSTXT_OBEY": False,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS": 16,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        },
        priority="project",
    )
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--stats", help="write the merged crawl stats here (JSON)")
    parser.add_argument("-s", "--set", dest="overrides", action="append", default=[], help="NAME=VALUE")
    args = parser.parse_args(argv)
    os.environ.pop("SCRAPY_SETTINGS_MODULE", None)
    process = CrawlerProcess(
        settings_for(args.upstream, dict(o.split("=", 1) for o in args.overrides)), install_root_handler=True
    )
    crawlers = []
    for url in START_URLS:
        crawler = process.create_crawler(BareSpider)
        crawlers.append(crawler)
        process.crawl(crawler, start_url=url)
    process.start()
    merged: dict[str, int] = {}
    for crawler in crawlers:
        for key, value in crawler.stats.get_stats().items():
            if isinstance(value, int) and (key.startswith("bare/") or key.startswith("downloader/")):
                merged[key] = merged.get(key, 0) + value
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as handle:
            json.dump(merged, handle, indent=1, sort_keys=True)
    errors = sum(v for k, v in merged.items() if k.startswith("downloader/exception_count"))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
