"""Politeness across workers: a per-host next-allowed time in Redis, taken just before the request is sent.

Scrapy's own per-host delay (with robots.txt Crawl-delay and the 429/503 back-off of middlewares.py, which both
raise it) only spaces one process's requests. With ``REDIS_URL`` every request passes through
``SharedPoliteHandler`` right before the download handler sends it, and claims the host in one Lua script:

- it publishes this worker's delay for the host if it is larger than the one shared (so a Crawl-delay read or a
  back-off taken by one worker holds for all; it lapses a minute after the host's last request),
- it lets the request go only when no worker has a request to that host in flight and the host's last answer
  came at least the shared delay ago; the host is then marked in flight until the answer is in. Otherwise it
  says how long to wait; the worker waits (holding its downloader slot) and asks again.

Spacing from the last *answer*, not from the last send, is what makes it exact: request k+1 leaves after answer k
came back, which is after request k reached the host, so two requests reach a host at least the delay apart
whatever a busy worker's reactor does between deciding to send and sending. (It also keeps one request per host in
flight across all workers.) The clock is Redis's (``TIME``), so workers on several machines need no synchronised
clocks. An in-flight mark names its worker's liveness key (frontier.py): a killed worker's marks are void once its
lease lapses (and all lapse after DOWNLOAD_TIMEOUT + 10 s).

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

# KEYS: the host's last answer time, its in-flight mark, its shared delay. ARGV: this worker's delay (ms), how long an
# in-flight mark may live (ms), this worker's liveness key (frontier.py), stored as the mark: a mark whose worker is
# gone is void, so a killed worker blocks its hosts only until its lease lapses.
_CLAIM = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = tonumber(ARGV[1])
local shared = tonumber(redis.call('GET', KEYS[3]) or '0')
if delay > shared then
  shared = delay
  redis.call('SET', KEYS[3], shared, 'PX', 60000)
end
local holder = redis.call('GET', KEYS[2])
if holder then
  if redis.call('EXISTS', holder) == 1 then return {math.min(shared, 50), shared} end
  redis.call('DEL', KEYS[2])  -- its worker is gone (its liveness key lapsed): the request is not in flight
end
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < last + shared then return {last + shared - now, shared} end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
redis.call('PEXPIRE', KEYS[3], 60000)
return {0, shared}
"""

# KEYS: the host's last answer time, its in-flight mark.
_RELEASE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('SET', KEYS[1], now, 'PX', 120000)
redis.call('DEL', KEYS[2])
return now
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
        self.claim = self.redis.register_script(_CLAIM)
        self.release = self.redis.register_script(_RELEASE)
        self.busy_ms = int((crawler.settings.getfloat("DOWNLOAD_TIMEOUT") + 10) * 1000)
        from pressbot.crawl.frontier import RunKeys

        self.alive_key = RunKeys(crawler.settings.get("PRESSBOT_RUN_ID")).alive(crawler.settings.get("PRESSBOT_WORKER"))
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
        keys = [f"{p}:host:{host}:last", f"{p}:host:{host}:busy", f"{p}:host:{host}:delay"]
        while True:
            wait_ms, shared_ms = self.claim(keys=keys, args=[int(delay * 1000), self.busy_ms, self.alive_key])
            if slot is not None and shared_ms / 1000 > slot.delay:
                slot.delay = shared_ms / 1000  # another worker's Crawl-delay or back-off holds here too
                slot.jitter = 0.0
            if wait_ms <= 0:
                break
            self.crawler.stats.inc_value("pressbot/politeness/waits")
            await _sleep(wait_ms / 1000)
        try:
            return await self._handler(parsed.scheme).download_request(request)
        finally:
            self.release(keys=keys[:2])  # the next request to this host, from any worker: a delay from now

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

    def _alive_key(self) -> str:
        from pressbot.crawl.frontier import RunKeys

        settings = self.crawler.settings
        return RunKeys(settings.get("PRESSBOT_RUN_ID")).alive(settings.get("PRESSBOT_WORKER"))

    def _key(self, netloc: str) -> str:
        return f"{prefix()}:robots:{netloc}"

    async def robot_parser(self, request: Request) -> Any:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            cached = await self._shared_answer(netloc)
            if cached is not None and netloc not in self._parsers:
                from twisted.internet.defer import Deferred

                self._parsers[netloc] = Deferred()
                url = f"{urlparse_cached(request).scheme}://{netloc}/robots.txt"
                response = Response(url, status=int(cached[b"status"]), body=cached.get(b"body", b""))
                self._stats.inc_value("pressbot/robots/shared")
                await self._parse_robots(response, netloc, request, shared=True)
        return await super().robot_parser(request)

    async def _shared_answer(self, netloc: str) -> dict | None:
        """The stored answer; else None once this worker holds the host's fetch lock (it fetches, the others wait
        for its answer; the lock names its worker's liveness key, so a dead holder's lock is taken over)."""
        client = _client(self.crawler)
        key = self._key(netloc)
        deadline = 30.0
        while True:
            cached = client.hgetall(key)
            if cached:
                return cached
            lock = f"{key}:fetching"
            if client.set(lock, self._alive_key(), nx=True, px=30_000):
                return None
            holder = client.get(lock)
            if holder and not client.exists(holder):
                client.delete(lock)  # its worker is gone: take over
                continue
            if deadline <= 0:
                return None
            await _sleep(0.05)
            deadline -= 0.05

    async def _parse_robots(self, response: Response, netloc: str, request: Request, shared: bool = False) -> None:
        if not shared:
            key = self._key(netloc)
            pipe = _client(self.crawler).pipeline(transaction=True)
            pipe.hset(key, mapping={"status": response.status, "body": response.body})
            pipe.expire(key, ROBOTS_TTL)
            pipe.execute()
        await super()._parse_robots(response, netloc, request)
