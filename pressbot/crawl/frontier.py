"""Many workers, one frontier: scrapy-redis's scheduler and dupefilter, with leases so a killed worker loses nothing.

``REDIS_URL`` (``pressbot crawl --redis URL`` or ``scrapy crawl -s REDIS_URL=…``) turns it on through the
``RedisWorkers`` add-on (settings.ADDONS): the scheduler, the dupefilter, the shared politeness
(politeness.py) and, unless ``PRESSBOT_STATE`` names another, the shared Redis state.

Keys, per run (``PRESSBOT_RUN_ID``) under the prefix ``pressbot``:

- ``<p>:<run>:<spider>:requests``    the queue (scrapy-redis priority queue, a sorted set; host-fair order)
- ``<p>:<run>:<spider>:dupefilter``  fingerprints of every request ever queued in the run (scrapy-redis)
- ``<p>:<run>:<spider>:leases:<worker>``  requests a worker popped and has not finished (lease id → request)
- ``<p>:<run>:workers``, ``<p>:<run>:alive:<worker>`` (a key with a TTL a thread of the worker renews),
  ``<p>:<run>:idle`` (workers with nothing to do)

The lease: popping a request moves it, in one Lua script, from the queue to the worker's lease hash. It is
acknowledged (removed) once every item its response produced has left the item pipelines, so its record line is
written (the state row follows after the fsync; redis_state.py settles it from the file otherwise). A worker whose
``alive`` key expired (SIGKILL, power cut: ``PRESSBOT_LEASE_SECONDS``, 30 s by default) is reaped by any other:
first its half-done state writes are settled from its output part, then its leased requests go back to the
queue. A re-fetched release then finds its row and is "unchanged": no record is emitted twice.

A worker finishes when the queue is empty and every other live worker is idle too (one of them could still
add requests); leases of dead workers are reaped before that is decided.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import threading
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.http import Request
from scrapy.utils.httpobj import urlparse_cached
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

logger = logging.getLogger(__name__)

LEASE = "pressbot_lease"

_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
local id = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], id, top[1], id .. ':s', top[2])
redis.call('HDEL', KEYS[4], ARGV[1])
return {tostring(id), top[1]}
"""

# Host-fair order: within a priority, a host's k-th request comes after every host's (k-1)-th, so workers spread over
# the hosts instead of queueing behind one host's delay (scrapy-redis orders equal scores by the pickled bytes,
# that is by URL: one host after another). KEYS: queue, per-host counters. ARGV: host, -priority, request.
_PUSH = """
local n = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) * 1000000000 + n, ARGV[3])
return n
"""

_REQUEUE = """
local all = redis.call('HGETALL', KEYS[1])
local n = 0
for i = 1, #all, 2 do
  local f = all[i]
  if not string.find(f, ':s', 1, true) then
    local score = redis.call('HGET', KEYS[1], f .. ':s') or '0'
    redis.call('ZADD', KEYS[2], score, all[i + 1])
    n = n + 1
  end
end
redis.call('DEL', KEYS[1])
return n
"""


def prefix() -> str:
    return os.environ.get("PRESSBOT_REDIS_PREFIX", "pressbot")


_PROCESS_RUN_ID = f"run-{dt.datetime.now(dt.UTC):%Y%m%dT%H}"


def default_worker() -> str:
    from pressbot.crawl.redis_state import default_worker

    return default_worker()


class RunKeys:
    def __init__(self, run_id: str):
        self.run = run_id
        self.base = f"{prefix()}:{run_id}"
        self.workers = f"{self.base}:workers"
        self.idle = f"{self.base}:idle"
        self.spiders = f"{self.base}:spiders"
        self.seq = f"{self.base}:lease_seq"

    def queue(self, spider: str) -> str:
        return f"{self.base}:{spider}:requests"

    def dupefilter(self, spider: str) -> str:
        return f"{self.base}:{spider}:dupefilter"

    def leases(self, spider: str, worker: str) -> str:
        return f"{self.base}:{spider}:leases:{worker}"

    def alive(self, worker: str) -> str:
        return f"{self.base}:alive:{worker}"

    def reap_lock(self, worker: str) -> str:
        return f"{self.base}:reap:{worker}"


# ---------------------------------------------------------------------------------------------- the add-on


class RedisWorkers:
    """Scrapy add-on: with ``REDIS_URL`` set, this process is one worker of a shared run."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedisWorkers:
        return cls()

    def update_settings(self, settings: Any) -> None:
        url = settings.get("REDIS_URL")
        if not url:
            return
        prio = "cmdline"
        run_id = settings.get("PRESSBOT_RUN_ID") or _PROCESS_RUN_ID
        worker = settings.get("PRESSBOT_WORKER") or default_worker()
        keys = RunKeys(run_id)
        settings.set("PRESSBOT_RUN_ID", run_id, priority=prio)
        settings.set("PRESSBOT_WORKER", worker, priority=prio)
        settings.set("SCHEDULER", "pressbot.crawl.frontier.LeasedScheduler", priority=prio)
        settings.set("SCHEDULER_QUEUE_CLASS", "pressbot.crawl.frontier.LeasedQueue", priority=prio)
        settings.set("SCHEDULER_PERSIST", True, priority=prio)  # the queue is the run's, not this worker's
        settings.set("SCHEDULER_QUEUE_KEY", f"{keys.base}:%(spider)s:requests", priority=prio)
        settings.set("SCHEDULER_DUPEFILTER_KEY", f"{keys.base}:%(spider)s:dupefilter", priority=prio)
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority=prio)
        spider_mw = dict(settings.getdict("SPIDER_MIDDLEWARES"))
        spider_mw["pressbot.crawl.frontier.LeaseAckMiddleware"] = 10
        settings.set("SPIDER_MIDDLEWARES", spider_mw, priority=prio)
        if not settings.get("PRESSBOT_STATE"):
            settings.set("PRESSBOT_STATE", url, priority=prio)
        from pressbot.crawl import politeness, runs

        politeness.configure(settings)
        runs.configure_outputs(settings)


# ---------------------------------------------------------------------------------------------- queue


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop leases the request to this worker (see the module docstring)."""

    leases_key: str
    seq_key: str
    idle_key: str
    worker: str

    def push(self, request: Any) -> None:
        host = urlparse_cached(request).hostname or ""
        data = self._encode_request(request)
        self.server.eval(_PUSH, 2, self.key, f"{self.key}:hosts", host, -request.priority, data)

    def pop(self, timeout: int = 0) -> Any:
        popped = self.server.eval(_POP, 4, self.key, self.leases_key, self.seq_key, self.idle_key, self.worker)
        if not popped:
            return None
        lease, data = popped
        request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else str(lease)
        return request


class LeasedScheduler(Scheduler):
    """One spider's part of the shared frontier in this worker."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeasedScheduler:
        instance = super().from_crawler(crawler)
        instance.stats = _Stats(crawler.stats)
        instance.crawler = crawler
        settings = crawler.settings
        instance.keys = RunKeys(settings.get("PRESSBOT_RUN_ID"))
        instance.worker = settings.get("PRESSBOT_WORKER")
        instance.lease_seconds = settings.getfloat("PRESSBOT_LEASE_SECONDS", 30.0)
        return instance

    def open(self, spider: Any) -> None:
        super().open(spider)
        queue = self.queue
        queue.leases_key = self.keys.leases(spider.name, self.worker)
        queue.seq_key = self.keys.seq
        queue.idle_key = self.keys.idle
        queue.worker = self.worker
        self.server.sadd(self.keys.spiders, spider.name)
        _membership_acquire(self.server, self.keys, self.worker, self.lease_seconds)
        logger.info("worker %s of run %s (lease %.0fs)", self.worker, self.keys.run, self.lease_seconds)

    def close(self, reason: str) -> None:
        # The scraper closed first: every line this spider wrote is fsynced and its rows committed.
        self.server.delete(self.queue.leases_key)
        _membership_release(self.server, self.keys, self.worker)
        super().close(reason)

    def next_request(self) -> Any:
        request = super().next_request()
        if request is None:
            self._wake_soon()  # another worker may queue requests any moment: look again soon
        return request

    def ack(self, lease: str) -> None:
        self.server.hdel(self.queue.leases_key, lease, f"{lease}:s")

    def has_pending_requests(self) -> bool:
        """Asked by the engine once this worker has nothing in flight: is the run's frontier drained?"""
        if len(self.queue) > 0:
            return True
        if self.reap_dead() and len(self.queue) > 0:
            return True
        self.server.hset(self.keys.idle, self.worker, 1)
        for raw in self.server.smembers(self.keys.workers):
            other = raw.decode()
            if other != self.worker and self.server.exists(self.keys.alive(other)):
                if not self.server.hexists(self.keys.idle, other):
                    self._wake_soon()
                    return True  # it may still add requests, or die and leave its leases to us
            elif other != self.worker:
                self._wake_soon()
                return True  # dead but not reaped yet (another worker holds its reap lock)
        return False

    def _wake_soon(self) -> None:
        """Ask the engine again in a fifth of a second rather than at its 5 s heartbeat."""
        from twisted.internet import reactor

        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is None or getattr(self, "_waking", None) is not None:
            return

        def wake() -> None:
            self._waking = None
            slot.nextcall.schedule()

        self._waking = reactor.callLater(0.2, wake)

    def reap_dead(self) -> int:
        """Hand the leases of dead workers back to the queue, after settling their state writes. Returns how many."""
        requeued = 0
        for raw in self.server.smembers(self.keys.workers):
            worker = raw.decode()
            if worker == self.worker or self.server.exists(self.keys.alive(worker)):
                continue
            if not self.server.set(self.keys.reap_lock(worker), self.worker, nx=True, px=60_000):
                continue
            try:
                settled = _recover_state(self.crawler, worker)
                for spider_raw in self.server.smembers(self.keys.spiders):
                    spider = spider_raw.decode()
                    requeued += int(
                        self.server.eval(_REQUEUE, 2, self.keys.leases(spider, worker), self.keys.queue(spider))
                    )
                self.server.srem(self.keys.workers, worker)
                self.server.hdel(self.keys.idle, worker)
                logger.warning(
                    "worker %s is gone: %d state write(s) settled from its output, %d request(s) back in the queue",
                    worker,
                    settled,
                    requeued,
                )
                self.crawler.stats.inc_value("pressbot/frontier/requeued", requeued)
            finally:
                self.server.delete(self.keys.reap_lock(worker))
        return requeued


class _Stats:
    """scrapy-redis passes ``spider=`` to the stats, which Scrapy 2.13+ deprecates (a warning per request)."""

    def __init__(self, stats: Any):
        self._stats = stats

    def inc_value(self, key: str, count: int = 1, start: int = 0, spider: Any = None) -> None:
        self._stats.inc_value(key, count, start)


def _recover_state(crawler: Any, worker: str) -> int:
    from pressbot.crawl.run import run_for

    state = run_for(crawler).state
    recover = getattr(state, "recover_worker", None)
    return recover(worker) if recover else 0


# ---------------------------------------------------------------------------------------------- liveness


class _Membership:
    """A thread renews this worker's ``alive`` key: it lives exactly as long as the process does."""

    def __init__(self, server: Any, keys: RunKeys, worker: str, seconds: float):
        self.server = server.connection_pool and type(server)(connection_pool=server.connection_pool)
        self.keys, self.worker, self.ms = keys, worker, int(seconds * 1000)
        self.users = 0
        self.stop = threading.Event()
        self.renew()
        self.thread = threading.Thread(target=self._loop, name="pressbot-lease", daemon=True)
        self.thread.start()

    def renew(self) -> None:
        pipe = self.server.pipeline(transaction=True)
        pipe.set(self.keys.alive(self.worker), os.getpid(), px=self.ms)
        pipe.sadd(self.keys.workers, self.worker)
        pipe.execute()

    def _loop(self) -> None:
        while not self.stop.wait(self.ms / 3000):
            with contextlib.suppress(Exception):
                self.renew()

    def end(self) -> None:
        self.stop.set()
        self.thread.join(5)
        pipe = self.server.pipeline(transaction=True)
        pipe.delete(self.keys.alive(self.worker))
        pipe.srem(self.keys.workers, self.worker)
        pipe.hdel(self.keys.idle, self.worker)
        pipe.execute()


_members: dict[tuple[str, str], _Membership] = {}
_members_lock = threading.Lock()


def _membership_acquire(server: Any, keys: RunKeys, worker: str, seconds: float) -> None:
    with _members_lock:
        member = _members.get((keys.run, worker))
        if member is None:
            member = _members[(keys.run, worker)] = _Membership(server, keys, worker, seconds)
        member.users += 1


def _membership_release(server: Any, keys: RunKeys, worker: str) -> None:
    with _members_lock:
        member = _members.get((keys.run, worker))
        if member is None:
            return
        member.users -= 1
        if member.users <= 0:
            member.end()
            del _members[(keys.run, worker)]


# ---------------------------------------------------------------------------------------------- acks


class LeaseAckMiddleware:
    """Acknowledges a leased request once its callback is done and each of its items has left the pipelines."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.open: dict[str, int] = {}  # lease → items still in the pipelines (+1 while the callback runs)
        crawler.signals.connect(self._item_done, signals.item_scraped)
        crawler.signals.connect(self._item_done, signals.item_dropped)
        crawler.signals.connect(self._item_done, signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeaseAckMiddleware:
        return cls(crawler)

    def _start(self, response: Any) -> str | None:
        lease = _lease_of(response)
        if lease is not None:
            self.open[lease] = self.open.get(lease, 0) + 1
        return lease

    def _output(self, lease: str | None, out: Any) -> Any:
        if lease is not None and not isinstance(out, Request):
            with contextlib.suppress(AttributeError):
                out._pressbot_lease = lease  # a dropped item is signalled as itself, a scraped one as its output
            self.open[lease] += 1
        return out

    async def process_spider_output_async(self, response: Any, result: Any, spider: Any = None) -> Any:
        lease = self._start(response)
        try:
            async for out in result:
                yield self._output(lease, out)
        finally:
            self._release(lease)

    def process_spider_output(self, response: Any, result: Any, spider: Any = None) -> Any:
        lease = self._start(response)
        try:
            for out in result:
                yield self._output(lease, out)
        finally:
            self._release(lease)

    def _item_done(self, item: Any, response: Any = None, **kwargs: Any) -> None:
        self._release(getattr(item, "_pressbot_lease", None) or _lease_of(response))

    def _release(self, lease: str | None) -> None:
        if lease is None or lease not in self.open:
            return
        self.open[lease] -= 1
        if self.open[lease] <= 0:
            del self.open[lease]
            scheduler = getattr(getattr(self.crawler.engine, "_slot", None), "scheduler", None)
            if isinstance(scheduler, LeasedScheduler):
                scheduler.ack(lease)


def _lease_of(response: Any) -> str | None:
    """The lease of the request behind a response (or behind the failure an errback got)."""
    request = getattr(response, "request", None)
    return request.meta.get(LEASE) if request is not None else None


def run_dir_of(settings: Any) -> Path | None:
    value = settings.get("PRESSBOT_RUN_DIR")
    return Path(value) if value else None
