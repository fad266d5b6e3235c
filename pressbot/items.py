"""What a spider hands to the pipelines: one fetched page and what became of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pressbot.crawl.records import SerializedRecord


@dataclass
class Fetched:
    """A fetched page: a release record (without provenance) or an error with a reason.

    A record comes either serialized (``serialized``: read and validated by workers.read_release_page) or as
    Python values (``record``: from a spider that builds its own), which the pipelines validate, then serialize.
    ``error`` carries ``reason`` (``blocked``, ``missing_structure``, ``empty``…) and ``message``;
    blocked pages are counted, never emitted and never rejected.
    """

    site: str
    url: str
    status: int
    content_sha256: str
    encoding: str | None = None
    fetched_at: str | None = None  # replay: the fixture's time; live: stamped by the pipeline
    record: dict[str, Any] | None = None
    serialized: SerializedRecord | None = None
    error: dict[str, Any] | None = None
    etag: str | None = None
    last_modified: str | None = None
    listed: dict[str, Any] = field(default_factory=dict)
    warc: dict[str, Any] | None = None  # warc_file, warc_offset, warc_record_id of the response (crawl/archive.py)
