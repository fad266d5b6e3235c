"""What a crawl prints: pressbot's progress and summary, real problems, and nothing a user cannot act on.

``pressbot crawl`` logs at WARNING by default (``-v``: INFO, ``--log-level``, ``--log-file``); the extension below
also runs under ``scrapy crawl``: it drops Scrapy warnings about choices pressbot made on purpose and lowers
"gave up retrying" on an HTTP status (429, 503: the gates count those as blocked) from ERROR to WARNING.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from typing import Any

from pressbot.crawl.psl import use_bundled_suffix_list

LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class _Expected(logging.Filter):
    """Scrapy's messages about what pressbot does on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if "found no scrapy.spidermiddlewares.referer.RefererMiddleware" in message:
            return False  # pressbot removes the Referer middleware on purpose (settings.py)
        if record.name == "scrapy.downloadermiddlewares.robotstxt" and message.startswith("Error downloading"):
            return False  # a traceback per host; RobotsPolicyMiddleware says it in one line (and stops the host)
        if record.levelno >= logging.ERROR and message.startswith("Gave up retrying"):
            reason = (record.args or {}).get("reason") if isinstance(record.args, dict) else None
            if isinstance(reason, str) and reason[:3].isdigit():  # an HTTP status: counted as blocked
                record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


_FILTER = _Expected()


def install_filters() -> None:
    for name in (
        "scrapy.downloadermiddlewares.redirect",
        "scrapy.downloadermiddlewares.retry",
        "scrapy.downloadermiddlewares.robotstxt",
    ):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


class Hygiene:
    """Scrapy extension: the log filters above, and the bundled public suffix list (no surprise traffic)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> Hygiene:
        install_filters()
        use_bundled_suffix_list()
        settings = crawler.settings
        live = not (settings.get("PRESSBOT_REPLAY") or settings.get("PRESSBOT_UPSTREAM"))
        if live and not os.environ.get("PRESSBOT_CONTACT") and "pressbot/pressbot" in settings.get("USER_AGENT", ""):
            _warn_contact_once()
        return cls()


@cache
def _warn_contact_once() -> None:
    logging.getLogger("pressbot").warning(
        "PRESSBOT_CONTACT is not set: the User-Agent names pressbot's project page, not you. "
        "Set it to your own URL or e-mail address before crawling live sites"
    )


def log_level(quiet: bool, verbose: int, level: str | None) -> str:
    """The LOG_LEVEL for ``pressbot crawl``'s options."""
    if level:
        return level.upper()
    if verbose:
        return "DEBUG" if verbose > 1 else "INFO"
    return "WARNING"
