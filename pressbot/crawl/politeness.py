"""Politeness across workers: a per-host next-allowed time in Redis, taken just before the request is sent.

Scrapy's own per-host delay (with robots.txt Crawl-delay and the 429/503 back-off of middlewares.py, which both
raise it) only spaces one process's requests. With ``REDIS_URL`` every request passes through
``SharedPoliteHandler`` right before the download handler sends it. One Lua script:

- publishes this worker's delay for the host if it is larger than the one shared (so a Crawl-delay read or a
  back-off taken by one worker holds for all; it expires after a minute without requests that renew it),
- reserves the host's next free moment ``at = max(now, next)`` and moves ``next`` to ``at + delay``,
- returns how long to wait for ``at`` and the shared delay, which the worker adopts for its own slot.

The clock is Redis's (``TIME``), so workers on several machines need no synchronised clocks. A reservation is
made after Scrapy's downloader slot has let the request go, and waited out holding that slot: N workers send a
host no more than one request per delay between them, as one worker alone would.

robots.txt verdicts are shared too: the first worker to fetch a host's robots.txt stores its status and body for a
day; the others parse the stored copy instead of fetching it (``SharedRobotsMiddleware``).
"""

from __future__ import annotations

import logging
import os
from typing import Any

import redis
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object

from pressbot.middlewares import RobotsPolicyMiddleware

logger = logging.getLogger(__name__)

_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = tonumber(ARGV[1])
local shared = tonumber(redis.call('GET', KEYS[2]) or '0')
if delay > shared then shared = delay end
redis.call('SET', KEYS[2], shared, 'PX', 60000)
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = now
if nxt > now then at = nxt end
redis.call('SET', KEYS[1], at + shared, 'PX', shared + 60000)
return {at - now, shared}
"""

ROBOTS_TTL = 86400


def prefix() -> str:
    return os.environ.get("PRESSBOT_REDIS_PREFIX", "pressbot")


def configure(settings: Any) -> None:
    """Called by the RedisWorkers add-on: wrap the download handlers, share robots.txt verdicts."""
    base = dict(settings.getdict("DOWNLOAD_HANDLERS_BASE"))
    base.update(settings.getdict("DOWNLOAD_HANDLERS"))
    inner = {scheme: base[scheme] for scheme in ("http", "https") if base.get(scheme)}
    settings.set("PRESSBOT_INNER_HANDLERS", inner, priority="cmdline")
    handler = "pressbot.crawl.politeness.SharedPoliteHandler"
    handlers = dict(settings.getdict("DOWNLOAD_HANDLERS"))
    handlers.update({"http": handler, "https": handler})
    settings.set("DOWNLOAD_HANDLERS", handlers, priority="cmdline")
    middlewares = dict(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    order = middlewares.pop("pressbot.middlewares.RobotsPolicyMiddleware", None)
    if order is not None:
        middlewares["pressbot.middlewares.RobotsPolicyMiddleware"] = None
        middlewares["pressbot.crawl.politeness.SharedRobotsMiddleware"] = order
    settings.set("DOWNLOADER_MIDDLEWARES", middlewares, priority="cmdline")


def _client(crawler: Any) -> redis.Redis:
    client = getattr(crawler, "_pressbot_redis", None)
    if client is None:
        client = crawler._pressbot_redis = redis.Redis.from_url(crawler.settings.get("REDIS_URL"))
    return client


class SharedPoliteHandler:
    """Download handler: take the host's shared reservation, wait for it, then send with the real handler."""

    lazy = False

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.redis = _client(crawler)
        self.reserve = self.redis.register_script(_RESERVE)
        self.default_delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self._paths = crawler.settings.getdict("PRESSBOT_INNER_HANDLERS")
        self._inner: dict[str, Any] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedPoliteHandler:
        return cls(crawler)

    def _handler(self, scheme: str) -> Any:
        if scheme not in self._inner:
            self._inner[scheme] = build_from_crawler(load_object(self._paths[scheme]), self.crawler)
        return self._inner[scheme]

    async def download_request(self, request: Request, spider: Any = None) -> Response:
        parsed = urlparse_cached(request)
        host = (parsed.hostname or "").lower()
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(request.meta.get("download_slot", host))
        delay = slot.delay if slot is not None else self.default_delay
        p = prefix()
        keys = [f"{p}:host:{host}:next", f"{p}:host:{host}:delay"]
        wait_ms, shared_ms = self.reserve(keys=keys, args=[int(delay * 1000)])
        if slot is not None and shared_ms / 1000 > slot.delay:
            slot.delay = shared_ms / 1000  # another worker's Crawl-delay or back-off holds here too
            slot.jitter = 0.0
        if wait_ms > 0:
            self.crawler.stats.inc_value("pressbot/politeness/waits")
            await _sleep(wait_ms / 1000)
        return await self._handler(parsed.scheme).download_request(request)

    async def close(self) -> None:
        for handler in self._inner.values():
            close = getattr(handler, "close", None)
            if close is not None:
                result = close()
                if hasattr(result, "__await__"):
                    await result


async def _sleep(seconds: float) -> None:
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet import reactor
    from twisted.internet.task import deferLater

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class SharedRobotsMiddleware(RobotsPolicyMiddleware):
    """RobotsPolicyMiddleware whose robots.txt answers are fetched once per host for all workers."""

    def _key(self, netloc: str) -> str:
        return f"{prefix()}:robots:{netloc}"

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            cached = _client(self.crawler).hgetall(self._key(netloc))
            if cached:
                from twisted.internet.defer import Deferred

                self._parsers[netloc] = Deferred()
                url = f"{urlparse_cached(request).scheme}://{netloc}/robots.txt"
                response = Response(url, status=int(cached[b"status"]), body=cached.get(b"body", b""))
                response._pressbot_shared = True  # type: ignore[attr-defined]
                self._stats.inc_value("pressbot/robots/shared")
                await self._parse_robots(response, netloc, request)
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if not getattr(response, "_pressbot_shared", False):
            key = self._key(netloc)
            pipe = _client(self.crawler).pipeline(transaction=True)
            pipe.hset(key, mapping={"status": response.status, "body": response.body})
            pipe.expire(key, ROBOTS_TTL)
            pipe.execute()
        await super()._parse_robots(response, netloc, request)
