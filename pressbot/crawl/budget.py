"""A time budget for reading one page in-process (PRESSBOT_EXTRACT_WORKERS=0), as reader processes have one.

On the main thread (where Scrapy runs callbacks) a SIGALRM timer interrupts the read after PRESSBOT_READ_TIMEOUT
seconds; the page becomes a reject (``read_timeout``) and the crawl goes on. The interruption is raised as a
BaseException, so no ``except Exception`` in the reading code swallows it. Python checks for signals between
bytecodes: a single long C call (one regular expression, one lxml parse) finishes before the read is stopped.
Off the main thread, or without SIGALRM, the read runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any

REASON = "read_timeout"


class ReadTimeout(BaseException):
    """The budget ran out (raised from the SIGALRM handler)."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def within(seconds: float | None, read: Callable[..., Any], *args: Any) -> Any:
    """``read(*args)``, raising ReadTimeout once it has run ``seconds`` (None or 0: no budget)."""
    if not seconds or seconds <= 0 or not _can_alarm():
        return read(*args)

    def expired(signum: int, frame: Any) -> None:
        raise ReadTimeout(f"over the {seconds:g} s read budget (PRESSBOT_READ_TIMEOUT)")

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return read(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def read_within(seconds: float | None, read: Callable[..., tuple], body: bytes, *args: Any) -> tuple:
    """A reader's result (outcome, data, sha256), or a ``read_timeout`` error result when the budget ran out."""
    import hashlib

    try:
        return within(seconds, read, body, *args)
    except ReadTimeout as exc:
        return "error", {"reason": REASON, "message": str(exc), "selector": None}, hashlib.sha256(body).hexdigest()
