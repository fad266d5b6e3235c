"""`pressbot reparse`: rebuild the records of archived crawls with the current parser, offline.

Each archived response goes the way the crawl took it (spiders/base.py, then the pipelines, without a state):
robots.txt, 3xx answers and the attempts Retry fetched again were never a page to read; a listing page is read as a
listing (a listing it cannot read is a reject); a release page answering 304 is skipped, 404/410 is a reject
(``http_404``: "not a release we know"), a block is counted, another error status is a reject, and a page is read
by ``workers.read_release_page`` (the crawl's own reader), then given the crawl's provenance from the WARC record:
``fetched_at`` is the WARC-Date, ``content_sha256`` the payload's sha256, and warc_file / warc_offset /
warc_record_id where the record is. So a reparse of a run's archive with the same parser gives its records byte for
byte.

With ``-j`` workers (forked: they start with the parser loaded), the main process only finds where each response
record starts (FastWARC skips the bodies) and hands out spans of ``BATCH`` records as (file, start, end); each
worker reads its span's bytes from the file itself, reparses them and sends back the serialized lines, so no body
crosses a pipe. Spans are taken back in archive order, at most ``IN_FLIGHT_PER_WORKER`` per worker outstanding, so
memory stays flat however large the archive is, and the output is the same whatever ``-j``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import multiprocessing
import os
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pressbot.crawl import statuses
from pressbot.crawl.warcread import (
    ArchivedResponse,
    iter_responses,
    iter_span,
    reader_name,
    response_offsets,
    warc_files,
)
from pressbot.jsonfmt import json_line

BATCH = 32  # responses per task
IN_FLIGHT_PER_WORKER = 4  # batches queued per worker: enough to keep them busy, few enough to keep memory flat

Outcome = tuple[str, str, Any]  # (kind, site, data): record (line bytes), reject (line bytes), blocked, skipped


@dataclass
class ReparseCounts:
    records: Counter[str] = field(default_factory=Counter)
    rejects: Counter[str] = field(default_factory=Counter)
    blocked: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # by why: robots, redirect, retried, not_modified, …
    responses: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "responses": self.responses,
            "records": dict(sorted(self.records.items())),
            "rejects": dict(sorted(self.rejects.items())),
            "blocked": dict(sorted(self.blocked.items())),
            "skipped": dict(sorted(self.skipped.items())),
        }


# ---------------------------------------------------------------------------------------- one response


def site_of(response: ArchivedResponse) -> str:
    """The site whose crawler archived the response: the file's name says (``<site>-<run>-…``), else the URL."""
    from pressbot.sites import SITES, site_for_url

    prefix = response.file.split("-", 1)[0]
    return prefix if prefix in SITES else site_for_url(response.url).name


def reparse_response(response: ArchivedResponse, site_name: str | None = None) -> Outcome:
    """What the crawl made of this response, made again with the current parser."""
    from pressbot.errors import ExtractError
    from pressbot.sites import get_site

    site_name = site_name or site_of(response)
    site = get_site(site_name)
    status, url = response.status, response.url
    if url.endswith("/robots.txt"):
        return "skipped", site_name, "robots"
    if response.retried:
        return "skipped", site_name, "retried"
    if 300 <= status < 400 and status != 304:
        return "skipped", site_name, "redirect"
    content_type = response.header("Content-Type")
    if site.release_key(url) is None:  # a listing page (the spider's parse_listing)
        if status in statuses.BLOCKED:
            return "blocked", site_name, url
        from pressbot.extract.listing import read_listing

        try:
            read_listing(response.body, url, site, _day(response.date), content_type=content_type)
        except ExtractError as exc:
            if exc.reason == "blocked":  # a block or decoy page: counted, never a reject (TriagePipeline)
                return "blocked", site_name, url
            return _reject(response, site_name, exc.reason, str(exc))
        return "skipped", site_name, "listing"
    if status == 304:
        return "skipped", site_name, "not_modified"
    if status in statuses.GONE:
        return _reject(response, site_name, f"http_{status}", "not a release we know")
    if status in statuses.BLOCKED:
        return "blocked", site_name, url
    if status >= 400:
        return _reject(response, site_name, f"http_{status}", "error status")
    from pressbot.crawl.workers import read_release_page

    outcome, data, content_sha256 = read_release_page(response.body, url, site_name, content_type)
    if outcome == "error":
        if data["reason"] == "blocked":
            return "blocked", site_name, url
        return _reject(response, site_name, data["reason"], data.get("message", ""))
    serialized = data["serialized"]
    serialized.head["provenance"] = provenance(response, serialized.sha256, content_sha256)
    return "record", site_name, serialized.line()


def provenance(response: ArchivedResponse, record_sha256: str, content_sha256: str) -> dict[str, Any]:
    """The crawl's provenance (pipelines._provenance) for an archived response."""
    from pressbot.items import Fetched
    from pressbot.pipelines import _provenance

    item = Fetched(
        site="",
        url=response.url,
        status=response.status,
        content_sha256=content_sha256,
        fetched_at=response.date,
        warc=response.location,
    )
    return _provenance(item, record_sha256, content_sha256, scrapy_encoding(response))


_ENCODING_HEADERS = frozenset({"content-type", "content-encoding", "content-disposition"})


def scrapy_encoding(response: ArchivedResponse) -> str | None:
    """The encoding Scrapy's response object reports for these headers and body (what the crawl's provenance has).

    Only the headers Scrapy looks at for it (responsetypes: Content-Type, Content-Encoding, Content-Disposition;
    TextResponse: Content-Type) are given to it: building Headers of all of them cost as much as the rest."""
    from scrapy.http.headers import Headers
    from scrapy.responsetypes import responsetypes

    headers = Headers([(k, v) for k, v in response.headers if k.lower() in _ENCODING_HEADERS])
    cls = responsetypes.from_args(headers=headers, url=response.url, body=response.body)
    return getattr(cls(url=response.url, status=response.status, headers=headers, body=response.body), "encoding", None)


def _reject(response: ArchivedResponse, site: str, reason: str, message: str) -> Outcome:
    line = {
        "site": site,
        "url": response.url,
        "reason": reason,
        "message": message,
        "errors": [],
        "record": None,
        "rejected_at": response.date,  # the fetch's time, not now: a reparse is deterministic
        **response.location,
    }
    return "reject", site, json_line(line).encode("utf-8")


def _day(stamp: str) -> dt.date:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()


def _batch(responses: Iterable[ArchivedResponse]) -> list[Outcome]:
    return [reparse_response(r) for r in responses]


# ---------------------------------------------------------------------------------------- the run

Span = tuple[str, int, int, str]  # (file, start, end or -1, reader): the bytes of BATCH response records


def spans(paths: Iterable[Path], size: int = BATCH, reader: str | None = None) -> Iterator[Span]:
    """The archive cut into spans of ``size`` response records (and the request records between them), in order.

    Only the offsets are read here (the bodies skipped): each worker reads the bytes of its own spans."""
    reader = reader or reader_name()
    for path in paths:
        first, count = -1, 0
        for offset in response_offsets(path, reader):
            if count == size:
                yield str(path), first, offset, reader
                count = 0
            if count == 0:
                first = offset
            count += 1
        if count:
            yield str(path), first, -1, reader


def _run_span(task: Callable[[Iterable[ArchivedResponse]], Any], span: Span) -> Any:
    path, start, end, reader = span
    return task(iter_span(path, start, end, reader))


def outcomes(paths: Iterable[Path], jobs: int, reader: str | None = None, task: Any = None) -> Iterator[Any]:
    """Every response's outcome, in archive order, computed by ``jobs`` processes (1: in this one).

    With workers, this process only finds where the response records start (spans()); each worker reads its span
    from the file, reparses it and sends back the serialized lines, so no body crosses a pipe. The spans' results
    are taken in order with at most ``IN_FLIGHT_PER_WORKER`` spans per worker outstanding: memory stays flat
    however large the archive is, and the output is the same whatever ``jobs``.

    ``task`` (a module-level function of an iterable of responses, returning a list) replaces the reparse
    (bench/reparse.py's floor)."""
    task = task or _batch
    if jobs <= 1:
        for path in paths:
            yield from task(iter_responses(path, reader))
        return
    _preload()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "forkserver")
    gc.collect()
    gc.freeze()  # what the workers inherit stays out of their collections: no copy-on-write of every object's header
    try:
        with context.Pool(jobs, initializer=_start_worker) as pool:
            run = functools.partial(_run_span, task)
            pending: deque[Any] = deque()
            limit = jobs * IN_FLIGHT_PER_WORKER
            for span in spans(paths, reader=reader):
                pending.append(pool.apply_async(run, (span,)))
                while len(pending) >= limit:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        gc.unfreeze()


def _start_worker() -> None:
    gc.freeze()


def _preload() -> None:
    from scrapy.http import HtmlResponse  # noqa: F401
    from scrapy.responsetypes import responsetypes  # noqa: F401

    import pressbot.crawl.workers
    import pressbot.extract.listing
    import pressbot.extract.meeting
    import pressbot.pipelines  # noqa: F401


def reparse(
    inputs: Iterable[Path | str],
    output: IO[bytes],
    rejects: IO[bytes] | None = None,
    jobs: int | None = None,
    reader: str | None = None,
) -> ReparseCounts:
    counts = ReparseCounts()
    for kind, site, data in outcomes(warc_files(inputs), jobs or os.cpu_count() or 1, reader):
        counts.responses += 1
        if kind == "record":
            output.write(data)
            counts.records[site] += 1
        elif kind == "reject":
            if rejects is not None:
                rejects.write(data)
            counts.rejects[site] += 1
        elif kind == "blocked":
            counts.blocked[site] += 1
        else:
            counts.skipped[data] += 1
    return counts


# ---------------------------------------------------------------------------------------- --diff

_INDEX = re.compile(r"\[\d+\]")
EXAMPLES = 3
VOLATILE = ("provenance",)  # where the records came from and when: not what the parser read


def load_records(path: Path | str) -> dict[str, dict[str, Any]]:
    """Records by id (the last line of an id wins: a later revision)."""
    records: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


def diff_records(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per field (list positions folded: ``meeting.participants[].name``), how many records changed, with examples."""
    from pressbot.fixtures.check import flatten

    fields: dict[str, dict[str, Any]] = {}
    changed = 0
    for record_id in sorted(old.keys() & new.keys()):
        a = flatten({k: v for k, v in old[record_id].items() if k not in VOLATILE})
        b = flatten({k: v for k, v in new[record_id].items() if k not in VOLATILE})
        touched: dict[str, tuple[Any, Any]] = {}
        for path in sorted(a.keys() | b.keys()):
            if a.get(path, _MISSING) != b.get(path, _MISSING):
                folded = _INDEX.sub("[]", path)
                touched.setdefault(folded, (a.get(path), b.get(path)))
        if touched:
            changed += 1
        for folded, (before, after) in touched.items():
            entry = fields.setdefault(folded, {"records": 0, "examples": []})
            entry["records"] += 1
            if len(entry["examples"]) < EXAMPLES:
                entry["examples"].append({"id": record_id, "old": before, "new": after})
    return {
        "records": {
            "old": len(old),
            "new": len(new),
            "added": sorted(new.keys() - old.keys()),
            "removed": sorted(old.keys() - new.keys()),
            "changed": changed,
            "unchanged": len(old.keys() & new.keys()) - changed,
        },
        "fields": dict(sorted(fields.items(), key=lambda item: (-item[1]["records"], item[0]))),
    }


_MISSING = object()


def render_diff(diff: dict[str, Any]) -> list[str]:
    r = diff["records"]
    lines = [
        f"records: {r['old']} old, {r['new']} new; {r['changed']} changed, {r['unchanged']} unchanged, "
        f"{len(r['added'])} added, {len(r['removed'])} removed"
    ]
    lines += [f"  + {record_id}" for record_id in r["added"][:EXAMPLES]]
    lines += [f"  - {record_id}" for record_id in r["removed"][:EXAMPLES]]
    for path, entry in diff["fields"].items():
        lines.append(f"{path}: {entry['records']} record(s)")
        for example in entry["examples"]:
            lines.append(f"    {example['id']}: {_show(example['old'])} → {_show(example['new'])}")
    return lines


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."
