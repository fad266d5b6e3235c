"""Reading release pages in worker processes, so a crawl on a multi-core machine is not bound to one core.

`read_release_page` is the whole per-page work, hashing and serializing included, so that with a pool none
of it runs on the reactor. It returns plain data (a record, or an error with its reason) because exceptions
with extra fields do not cross process boundaries cleanly. No Scrapy here.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from pressbot.errors import ExtractError
from pressbot.extract import extract
from pressbot.jsonfmt import json_members, record_hash


def read_release_page(
    body: bytes, url: str, site: str, content_type: str | None
) -> tuple[str, dict[str, Any], str]:
    """(outcome, data, sha256 of the body): ('record', {record, record_json, record_sha256}, …) with the record
    (without provenance), its top-level fields as JSON text and its content hash; or ('error', {reason, message,
    selector}, …)."""
    content_sha256 = hashlib.sha256(body).hexdigest()
    try:
        release = extract(body, url=url, site=site, content_type=content_type)
    except ExtractError as exc:
        return "error", {"reason": exc.reason, "message": str(exc), "selector": exc.selector}, content_sha256
    record = release.model_dump(mode="json", exclude={"provenance"})
    members = json_members(record)
    data = {"record": record, "record_json": members, "record_sha256": record_hash(record, members)}
    return "record", data, content_sha256


def pool(workers: int) -> Executor:
    """A process pool started with forkserver: workers never inherit the crawler's reactor or threads."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))
