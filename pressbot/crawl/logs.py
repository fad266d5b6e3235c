"""What a crawl prints: pressbot's progress and summary, real problems, and nothing a user cannot act on.

``pressbot crawl`` logs at WARNING by default (``-v``: INFO, ``--log-level``, ``--log-file``); the extension below
also runs under ``scrapy crawl``: it drops Scrapy warnings about choices pressbot made on purpose and lowers
"gave up retrying" on an HTTP status (429, 503: the gates count those as blocked) from ERROR to WARNING.
"""

from __future__ import annotations

import logging
from typing import Any

from pressbot.crawl.psl import use_bundled_suffix_list

LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class _Expected(logging.Filter):
    """Scrapy's messages about what pressbot does on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if "found no scrapy.spidermiddlewares.referer.RefererMiddleware" in message:
            return False  # pressbot removes the Referer middleware on purpose (settings.py)
        if record.levelno >= logging.ERROR and message.startswith("Gave up retrying"):
            reason = (record.args or {}).get("reason") if isinstance(record.args, dict) else None
            if isinstance(reason, str) and reason[:3].isdigit():  # an HTTP status: counted as blocked
                record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


_FILTER = _Expected()


def install_filters() -> None:
    for name in ("scrapy.downloadermiddlewares.redirect", "scrapy.downloadermiddlewares.retry"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


class Hygiene:
    """Scrapy extension: the log filters above, and the bundled public suffix list (no surprise traffic)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> Hygiene:
        install_filters()
        use_bundled_suffix_list()
        return cls()


def log_level(quiet: bool, verbose: int, level: str | None) -> str:
    """The LOG_LEVEL for ``pressbot crawl``'s options."""
    if level:
        return level.upper()
    if verbose:
        return "DEBUG" if verbose > 1 else "INFO"
    return "WARNING"
