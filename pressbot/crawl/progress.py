"""A progress line on stderr while crawling, so a person watching a long run sees it move."""

from __future__ import annotations

import sys
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class Progress:
    def __init__(self, crawler: Any, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> Progress:
        interval = crawler.settings.getfloat("PRESSBOT_PROGRESS_INTERVAL")
        if not interval:
            raise NotConfigured
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider: Any) -> None:
        self.loop = task.LoopingCall(self.show, spider)
        self.loop.start(self.interval, now=False)

    def show(self, spider: Any) -> None:
        stats = self.crawler.stats
        name = spider.name
        sys.stderr.write(
            f"pressbot: {name}: {stats.get_value('downloader/response_count', 0)} responses, "
            f"{stats.get_value('item_scraped_count', 0)} records, "
            f"{stats.get_value('item_dropped_count', 0)} skipped/rejected/blocked\n"
        )

    def closed(self, spider: Any) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
