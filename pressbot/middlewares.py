"""Politeness beyond Scrapy's defaults: robots.txt failures stop a host, Crawl-delay is honoured."""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response

from pressbot.crawl import statuses

logger = logging.getLogger(__name__)


class _DenyAll:
    """Stands in for a robots parser when robots.txt answered 5xx: the host is not crawled."""

    def allowed(self, url: str, user_agent: str | bytes) -> bool:
        return False

    def crawl_delay(self, user_agent: str | bytes) -> float | None:
        return None


class RobotsPolicyMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, stricter.

    - robots.txt answering 5xx means "do not crawl this host now" (RFC 9309 §2.3.1.4), logged as an error
      and counted as ``robotstxt/host_refused``; a 4xx still means "no rules". So does a robots.txt that cannot
      be read at all (DNS failure, reset) or is over PRESSBOT_ROBOTS_MAXSIZE / PRESSBOT_ROBOTS_TIMEOUT.
    - A ``Crawl-delay`` becomes the host's exact minimum delay (no jitter; AutoThrottle may only raise it).
    """

    async def process_request(self, request: Request, spider=None) -> None:  # type: ignore[no-untyped-def,override]
        if request.meta.get("dont_obey_robotstxt") and request.url.endswith("/robots.txt"):
            # robots.txt itself: bounded in size and time (a 50 MB or never-ending one fails closed, below)
            settings = self.crawler.settings
            request.meta.setdefault("download_maxsize", settings.getint("PRESSBOT_ROBOTS_MAXSIZE"))
            request.meta.setdefault("download_timeout", settings.getfloat("PRESSBOT_ROBOTS_TIMEOUT"))
        return await super().process_request(request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        """robots.txt could not be read (DNS failure, timeout, too large, reset): fail closed, as for a 5xx."""
        self._stats.inc_value("robotstxt/host_refused")
        logger.error(
            "robots.txt of %s could not be read (%s: %s): not crawling that host", netloc, type(exc).__name__, exc
        )
        deferred = self._parsers[netloc]
        self._parsers[netloc] = _DenyAll()  # type: ignore[assignment]
        if hasattr(deferred, "callback"):
            deferred.callback(self._parsers[netloc])  # type: ignore[union-attr]

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._stats.inc_value("robotstxt/host_refused")
            logger.error("robots.txt of %s answered %s: not crawling that host", netloc, response.status)
            self._stats.inc_value("robotstxt/response_count")
            deferred = self._parsers[netloc]
            self._parsers[netloc] = _DenyAll()  # type: ignore[assignment]
            deferred.callback(self._parsers[netloc])  # type: ignore[union-attr]
            return
        if response.status >= 400:
            response = response.replace(body=b"")
        await super()._parse_robots(response, netloc, request)
        parser = self._parsers.get(netloc)
        delay = parser.crawl_delay(self._robotstxt_useragent or self._default_useragent) if parser else None
        if delay:
            self._apply_delay(netloc, float(delay), request)

    def process_request_2(self, rp, request: Request) -> None:  # type: ignore[no-untyped-def]
        if isinstance(rp, _DenyAll):
            self._stats.inc_value("robotstxt/forbidden")
            self._stats.inc_value("robotstxt/forbidden_refused")  # not the rules: the host is stopped
            from scrapy.exceptions import IgnoreRequest

            raise IgnoreRequest(f"robots.txt of {request.url.split('/')[2]} is unavailable (5xx)")
        super().process_request_2(rp, request)

    def _apply_delay(self, netloc: str, delay: float, request: Request) -> None:
        downloader = self.crawler.engine.downloader
        host = netloc.split(":", 1)[0]
        downloader.per_slot_settings.setdefault(host, {}).update(delay=delay, jitter=0.0)
        slot = downloader.slots.get(host)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
        self._stats.set_value(f"robotstxt/crawl_delay/{host}", delay)
        logger.info("robots.txt of %s asks Crawl-delay %.1fs: honoured", host, delay)


class BackoffMiddleware:
    """A 429/503 slows the whole host down (doubling its delay, or Retry-After), before Scrapy retries.

    Capped at AUTOTHROTTLE_MAX_DELAY; replayed responses are not real traffic and change nothing.
    """

    def __init__(self, crawler):  # type: ignore[no-untyped-def]
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60.0)

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:  # type: ignore[no-untyped-def]
        if response.status not in statuses.SLOW_DOWN or "replay" in response.flags:
            return response
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(request.meta.get("download_slot", ""))
        if slot is not None:
            retry_after = _seconds(response.headers.get(b"Retry-After"))
            slot.delay = min(max(slot.delay * 2, 1.0, retry_after or 0.0), self.cap)
            slot.jitter = 0.0  # a back-off is a minimum: random jitter must not shorten it
            self.crawler.stats.inc_value("pressbot/backoff")
            logger.warning("%s answered %s: delay for this host is now %.1fs", request.url, response.status, slot.delay)
        return response


def _seconds(value: bytes | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
