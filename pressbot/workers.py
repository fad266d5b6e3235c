"""Reading release pages in worker processes, so a crawl on a multi-core machine is not bound to one core.

`read_release_page` is the whole per-page work; it returns plain data (a record, or an error with its
reason) because exceptions with extra fields do not cross process boundaries cleanly. No Scrapy here.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from pressbot.errors import ExtractError
from pressbot.extract import extract


def read_release_page(body: bytes, url: str, site: str, content_type: str | None) -> tuple[str, dict[str, Any]]:
    """('record', record without provenance) or ('error', {reason, message, selector})."""
    try:
        release = extract(body, url=url, site=site, content_type=content_type)
    except ExtractError as exc:
        return "error", {"reason": exc.reason, "message": str(exc), "selector": exc.selector}
    return "record", release.model_dump(mode="json", exclude={"provenance"})


def pool(workers: int) -> Executor:
    """A process pool started with forkserver: workers never inherit the crawler's reactor or threads."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))
