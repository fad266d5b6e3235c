"""Scrapy's redirect middlewares without Referer handling: pressbot sends no Referer (settings.py removes the
Referer spider middleware on purpose), so the stock classes' warning about it, once per crawler, is noise."""

from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.http import Request, Response


class _NoReferer:
    def handle_referer(self, request: Request, response: Response) -> None:
        request.headers.pop("Referer", None)

    def _engine_started(self) -> None:
        pass


class NoRefererRedirectMiddleware(_NoReferer, RedirectMiddleware):
    pass


class NoRefererMetaRefreshMiddleware(_NoReferer, MetaRefreshMiddleware):
    pass
