"""Requests Scrapy gave up on (IgnoreRequest and friends): which become rejects, and with which reason.

Nothing fetched may vanish: a redirect loop, a redirect off the site's domains or a body over DOWNLOAD_MAXSIZE
(a gzip bomb included) is a reject with its reason, counted and seen by the reject gate. Requests robots.txt
forbids and replay requests with no fixture are counted elsewhere (robots_forbidden, replay_missing).
"""

from __future__ import annotations

from typing import Any

COUNTED_ELSEWHERE = ("Forbidden by robots.txt", "robots.txt of ", "no fixture for ")


def reject_reason(exception: Any) -> str | None:
    """The reject reason for an exception an errback received, or None when it is not a reject at all."""
    name = type(exception).__name__
    message = str(exception)
    if name == "IgnoreRequest":
        if message.startswith(COUNTED_ELSEWHERE):
            return None
        if "max redirections" in message:
            return "redirect_loop"
        if message.startswith("Filtered offsite request"):
            return "offsite_redirect"
        if "max size" in message or "maxsize" in message or "DOWNLOAD_MAXSIZE" in message:
            return "too_large"
        return "ignored"
    if name == "DownloadCancelledError" and ("max size" in message or "maxsize" in message):
        return "too_large"
    return "fetch_error"
