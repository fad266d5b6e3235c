"""Replay: answer every request from fixture cases, never from the network."""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes

from pressbot.fixtures import Case, index_cases, url_key

logger = logging.getLogger(__name__)


class ReplayMiddleware:
    """Downloader middleware, on when the PRESSBOT_REPLAY setting names a fixtures folder.

    A request with no case is an error (logged, counted as ``replay/missing``), never a network call;
    a robots.txt with no case answers 404, which allows everything, as a site without one would.
    """

    def __init__(self, root: Path, crawler: Crawler):
        self.cases: dict[str, Case] = index_cases(root)
        self.stats = crawler.stats
        self.root = root

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        root = crawler.settings.get("PRESSBOT_REPLAY")
        if not root:
            raise NotConfigured
        if not Path(root).is_dir():
            raise NotConfigured(f"PRESSBOT_REPLAY={root} is not a folder")
        return cls(Path(root), crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> Response:
        case = self.cases.get(url_key(request.url))
        if case is None:
            if request.url.endswith("/robots.txt"):
                return Response(request.url, status=404, body=b"", request=request, flags=["replay"])
            self.stats.inc_value("replay/missing")
            logger.error("replay: no fixture for %s (under %s); not fetched", request.url, self.root)
            raise IgnoreRequest(f"no fixture for {request.url}")
        self.stats.inc_value("replay/served")
        headers = Headers(case.headers)
        body = case.body
        cls = responsetypes.from_args(headers=headers, url=case.url, body=body)
        request.meta["pressbot_fetched_at"] = case.fetched_at
        return cls(url=request.url, status=case.status, headers=headers, body=body, request=request, flags=["replay"])
