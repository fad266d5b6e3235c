"""``%(time)s`` and ``%(name)s`` in the paths of ``pressbot crawl`` (-o/-O, --rejects, --manifest), as in Scrapy's
feed URIs: ``time`` is the run's start in UTC in Scrapy's spelling (``2025-07-23T01-00-00+00-00``: ISO 8601 with
``:`` made ``-``), ``name`` the site when one site is crawled, else ``all``. A path without ``%(`` is left as it is.
"""

from __future__ import annotations

import datetime as dt

PLACEHOLDERS = ("time", "name")


def scrapy_time(started: dt.datetime) -> str:
    """Scrapy's ``%(time)s`` (FeedExporter._get_uri_params)."""
    return started.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace(":", "-")


def expand(path: str | None, started: dt.datetime, name: str) -> str | None:
    """ValueError (a usage error) for a placeholder pressbot does not know, or a stray ``%``."""
    if not path or "%(" not in path:
        return path
    params = {"time": scrapy_time(started), "name": name}
    try:
        return path % params
    except (KeyError, ValueError, TypeError) as exc:
        known = ", ".join(f"%({p})s" for p in PLACEHOLDERS)
        raise ValueError(f"{path}: {exc!s} is not a placeholder pressbot knows ({known}; write %% for a %)") from None
