"""Reading release pages in worker processes, so a crawl on a multi-core machine is not bound to one core.

`read_release_page` is the whole per-page work, hashing and serializing included, so that with a pool none
of it runs on the reactor. It returns plain data (a record, or an error with its reason) because exceptions
with extra fields do not cross process boundaries cleanly. No Scrapy here.

`ReaderPool` drives the workers from the asyncio event loop itself: one pipe per worker, a request written
straight from the loop, the reply read when the pipe is readable. ProcessPoolExecutor costs the reactor
about twice as much CPU per page (a manager thread and a queue feeder thread, hand-offs of the GIL), and the
reactor is what bounds a fast crawl.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import gc
import hashlib
import multiprocessing
import os
import pickle
import struct
import traceback
from collections import deque
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from typing import Any

from pressbot.crawl.records import SerializedRecord
from pressbot.errors import ExtractError
from pressbot.extract import extract

Result = tuple[str, dict[str, Any], str]


def read_release_page(body: bytes, url: str, site: str, content_type: str | None) -> Result:
    """(outcome, data, sha256 of the body): ('record', {'serialized': SerializedRecord}, …) with the record
    (without provenance) serialized; or ('error', {reason, message, selector}, …)."""
    content_sha256 = hashlib.sha256(body).hexdigest()
    try:
        release = extract(body, url=url, site=site, content_type=content_type)
    except ExtractError as exc:
        return "error", {"reason": exc.reason, "message": str(exc), "selector": exc.selector}, content_sha256
    record = release.model_dump(mode="json", exclude={"provenance"})
    return "record", {"serialized": SerializedRecord.of(record)}, content_sha256


def default_workers(setting: str | int | None, replay: bool = False) -> int:
    """PRESSBOT_EXTRACT_WORKERS: a number, or 'auto': three workers when the machine has a second core, else none;
    'auto' in replay is none (replay is small, and its pages must be read in order).

    More workers than the cores left to them: the readers run below the reactor's priority, and each extra one
    takes cycles the others leave between pages. On 2 cores (bench/crawl.py, A/B runs alternating): three read
    a crawl 3% (N=1000) to 7% (N=10000) faster than two, and two were faster than one. The reactor spends about
    7 M instructions on a page and a reader about 17 M, so three readers outrun the reactor on any machine with
    more cores: more than three would only cost memory (about 45 MB each).
    """
    if setting in (None, "", "auto"):
        return 3 if (os.cpu_count() or 1) >= 2 and not replay else 0
    return max(int(setting), 0)


def warm_up() -> None:
    """Start the readers' forkserver now, without waiting for it.

    It spends about half a second importing the reading code (_PRELOAD). Started before the crawler imports
    Scrapy, it does so on the other core; started at the first release page, it stalled the event loop for
    that long (bench/crawl.py --profile: 0.7 s in forkserver.read_signed). Calling it again does nothing.
    """
    multiprocessing.get_context("forkserver").set_forkserver_preload(list(_PRELOAD))
    forkserver.ensure_running()


# Requests in flight per worker: the next page is already in the pipe when the worker finishes one, so it
# does not wait for the event loop (busy with other pages) to send it.
_IN_FLIGHT = 2
_HEADER = struct.Struct("!i")  # multiprocessing.Connection's framing, which recv_bytes() reads
_PIPE_BYTES = 1 << 20
_NICENESS = 5  # below the crawler's 0 (see _serve)
_PRELOAD = ("pressbot.crawl.workers", "pressbot.extract.meeting")  # what the forkserver imports for every reader


class WorkerError(RuntimeError):
    """A worker raised something other than ExtractError: a bug, reported as the in-process path would."""


class WorkerCrashed(RuntimeError):
    """The page's worker died twice while reading it (killed, out of memory, a crash in a C library), or was
    stopped twice for taking longer than the pool's timeout (a runaway pattern on odd input)."""


def _serve(requests: Connection, replies: Connection) -> None:
    """A worker's loop: read a request, answer it; end when the crawler closes its end of the pipe.

    Workers run at a lower priority than the crawler: the reactor, which every page waits on, gets a core when it
    needs one, and the workers take the cycles it leaves.
    """
    with contextlib.suppress(OSError):
        os.nice(_NICENESS)
    # The preloaded code and its tables live as long as the worker: out of the collector's full passes, which
    # otherwise cost about 3% of reading a page.
    gc.freeze()
    while True:
        try:
            args = pickle.loads(requests.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", read_release_page(*args))
        except Exception:  # sent back and raised in the crawler, with the worker's traceback
            reply = ("exception", traceback.format_exc())
        _send_whole(replies, reply)


def _send_whole(conn: Connection, reply: tuple[str, Any]) -> None:
    """Send as Connection.send does, but the header and the pickle in one write.

    Connection.send writes them apart when the message is over 16 KB (most replies are). The crawler, woken by the
    header, would then wait in read() for the rest from a worker that runs at a lower priority than it does.
    """
    payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
    data = memoryview(_HEADER.pack(len(payload)) + payload)
    fd = conn.fileno()
    while data:
        data = data[os.write(fd, data) :]


@dataclass(eq=False)
class _Job:
    args: tuple[Any, ...]
    future: asyncio.Future[Result]
    crashes: int = 0
    timed_out: bool = False


@dataclass(eq=False)
class _Worker:
    process: Any
    requests: Connection  # ours is the writing end, non-blocking: the loop never waits on a full pipe
    replies: Connection
    jobs: deque[_Job] = field(default_factory=deque)  # sent, in order; the worker answers in that order
    outbox: bytearray = field(default_factory=bytearray)  # request bytes the pipe has not taken yet
    dead: bool = False
    timer: asyncio.TimerHandle | None = None  # the deadline of the page the worker is reading (jobs[0])


def _widen(conn: Connection) -> None:
    """Ask for a 1 MiB pipe (Linux; 64 KiB is the default): a reply (~100 KB for a long release) is then written
    whole while the loop is busy, and read in one go, instead of the loop waiting in recv() for the rest."""
    with contextlib.suppress(OSError):  # another system, or over the user's pipe limit: the default size works
        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)


@dataclass(eq=False)
class ReaderPool:
    """``size`` worker processes (started with forkserver: they never inherit the reactor or its threads).

    A page that takes longer than ``timeout`` seconds has its worker killed, and counts as a crash.
    """

    size: int
    timeout: float | None = 60.0
    _queue: deque[_Job] = field(default_factory=deque)
    _workers: list[_Worker] = field(default_factory=list)
    _loop: asyncio.AbstractEventLoop | None = None
    _closed: bool = False

    async def read(self, body: bytes, url: str, site: str, content_type: str | None) -> Result:
        """What `read_release_page` returns for the page, computed in a worker."""
        if self._closed:
            raise RuntimeError("the reader pool is closed")
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._workers = [self._start() for _ in range(self.size)]
        job = _Job((body, url, site, content_type), self._loop.create_future())
        self._queue.append(job)
        self._dispatch()
        return await job.future

    def close(self) -> None:
        """Stop the workers; requests not answered yet fail."""
        self._closed = True
        pending = list(self._queue)
        for worker in self._workers:
            pending.extend(worker.jobs)
            self._stop(worker)
        for job in pending:
            if not job.future.done():
                job.future.set_exception(RuntimeError("the reader pool was closed"))
        self._workers, self._queue = [], deque()

    def _start(self) -> _Worker:
        context = multiprocessing.get_context("forkserver")
        # The forkserver imports the reading code once, and every worker forked from it starts with it loaded
        # (half a second of imports per worker otherwise, and the first pages would wait for them).
        warm_up()
        request_reader, request_writer = context.Pipe(duplex=False)
        reply_reader, reply_writer = context.Pipe(duplex=False)
        process = context.Process(
            target=_serve, args=(request_reader, reply_writer), daemon=True, name="pressbot-reader"
        )
        process.start()
        request_reader.close()
        reply_writer.close()
        os.set_blocking(request_writer.fileno(), False)
        for conn in (request_writer, reply_reader):
            _widen(conn)
        worker = _Worker(process, request_writer, reply_reader)
        assert self._loop is not None
        self._loop.add_reader(reply_reader.fileno(), self._on_reply, worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        assert self._loop is not None
        if worker.timer is not None:
            worker.timer.cancel()
        self._loop.remove_reader(worker.replies.fileno())
        self._loop.remove_writer(worker.requests.fileno())
        worker.requests.close()  # the worker's recv ends: it exits
        worker.replies.close()
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()

    def _dispatch(self) -> None:
        for worker in self._workers:
            while not worker.dead and len(worker.jobs) < _IN_FLIGHT and self._queue:
                job = self._queue.popleft()
                if job.future.done():  # cancelled while queued
                    continue
                payload = pickle.dumps(job.args, protocol=pickle.HIGHEST_PROTOCOL)
                worker.outbox += _HEADER.pack(len(payload))
                worker.outbox += payload
                worker.jobs.append(job)
                if len(worker.jobs) == 1:
                    self._arm(worker)
                self._flush(worker)

    def _arm(self, worker: _Worker) -> None:
        """Start the clock of the page the worker reads now (the first it has not answered)."""
        assert self._loop is not None
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        if worker.jobs and self.timeout:
            worker.timer = self._loop.call_later(self.timeout, self._expire, worker, worker.jobs[0])

    def _expire(self, worker: _Worker, job: _Job) -> None:
        if worker.jobs and worker.jobs[0] is job and worker.process.is_alive():
            job.timed_out = True
            worker.process.kill()  # the end of its reply pipe follows: _on_reply replaces it

    def _flush(self, worker: _Worker) -> None:
        """Write what the pipe takes now; the loop calls again when it can take more."""
        assert self._loop is not None
        fd = worker.requests.fileno()
        try:
            while worker.outbox:
                written = os.write(fd, worker.outbox)
                del worker.outbox[:written]
        except BlockingIOError:
            self._loop.add_writer(fd, self._flush, worker)
            return
        except OSError:  # the worker is gone: the end of its reply pipe says so (_on_reply)
            worker.dead = True
            worker.outbox.clear()
        self._loop.remove_writer(fd)

    def _on_reply(self, worker: _Worker) -> None:
        try:
            status, payload = worker.replies.recv()
        except (EOFError, OSError):
            self._replace(worker)
        else:
            job = worker.jobs.popleft()
            self._arm(worker)
            if not job.future.done():
                if status == "ok":
                    job.future.set_result(payload)
                else:
                    job.future.set_exception(WorkerError(payload))
        self._dispatch()

    def _replace(self, dead: _Worker) -> None:
        """A worker died: start another. The page it was reading is read once more, then given up as a crash;
        the pages sent after it go back to the queue."""
        self._stop(dead)
        self._workers[self._workers.index(dead)] = self._start()
        code = dead.process.exitcode
        jobs = [job for job in dead.jobs if not job.future.done()]
        if jobs and jobs[0] is dead.jobs[0]:
            jobs[0].crashes += 1
            if jobs[0].crashes >= 2:
                what = f"took over {self.timeout:g} s" if jobs[0].timed_out else f"died (exit code {code})"
                message = f"the reading process {what} twice on this page"
                jobs.pop(0).future.set_exception(WorkerCrashed(message))
        self._queue.extendleft(reversed(jobs))


_shared: ReaderPool | None = None
_users = 0


def acquire(size: int, timeout: float | None = 60.0) -> ReaderPool:
    """The process' one pool (the spiders of a `pressbot crawl` share it: workers per machine, not per site)."""
    global _shared, _users
    if _shared is None:
        _shared = ReaderPool(size, timeout)
    _users += 1
    return _shared


def release() -> None:
    """Give back a pool from `acquire`; the last user stops its workers."""
    global _shared, _users
    _users -= 1
    if _users <= 0 and _shared is not None:
        _shared.close()
        _shared, _users = None, 0
