"""Fetch every URL from one local server instead of its real host: for tests and benchmarks.

With ``PRESSBOT_UPSTREAM=http://127.0.0.1:8123``, ``https://www.mofa.go.jp/a/b.html?x=1`` is fetched as
``http://127.0.0.1:8123/www.mofa.go.jp/a/b.html?x=1`` and its response carries the original URL again,
so robots.txt, redirects, cookies, offsite rules and parsing all see the real site's URLs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response


def local_url(upstream: str, url: str) -> str:
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{upstream.rstrip('/')}/{parts.netloc}{parts.path or '/'}{query}"


class UpstreamDownloadHandler(HTTP11DownloadHandler):
    def __init__(self, crawler):  # type: ignore[no-untyped-def]
        self.upstream = crawler.settings.get("PRESSBOT_UPSTREAM")
        if not self.upstream:
            raise NotConfigured("PRESSBOT_UPSTREAM is not set")
        super().__init__(crawler)

    async def download_request(self, request: Request, spider=None) -> Response:  # type: ignore[no-untyped-def]
        response = await super().download_request(request.replace(url=local_url(self.upstream, request.url)))
        return response.replace(url=request.url, request=request)
