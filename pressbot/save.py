"""`pressbot fixtures save`: record a live page as a fixture case (stdlib HTTP, no Scrapy)."""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
from pathlib import Path

from pressbot.fixtures import Case, write_case
from pressbot.settings import USER_AGENT
from pressbot.sites import site_for_url

KEPT_HEADERS = ("content-type", "etag", "last-modified", "date", "location", "set-cookie", "retry-after")


def save_case(
    url: str, root: Path, site: str | None = None, case_name: str | None = None, timeout: float = 30.0
) -> Case:
    site_name = site or site_for_url(url).name
    name = case_name or re.sub(r"[^\w]+", "_", url.split("://", 1)[-1].split("/", 1)[-1]).strip("_")[:80] or "index"
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            status, headers, body = response.status, response.getheaders(), response.read()
    except urllib.error.HTTPError as exc:  # 3xx/4xx/5xx are pages worth saving too (blocks, redirects)
        status, headers, body = exc.code, list(exc.headers.items()), exc.read()
    kept = [(k, v) for k, v in headers if k.lower() in KEPT_HEADERS]
    fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return write_case(Path(root) / site_name / name, url, status, kept, body, fetched_at)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Save the redirect itself: replay must see the same answers the spider saw."""

    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None
