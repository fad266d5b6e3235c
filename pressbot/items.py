"""What a spider hands to the pipelines: one fetched page and what became of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Fetched:
    """A fetched page: a release record (without provenance) or an error with a reason.

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
    error: dict[str, Any] | None = None
    etag: str | None = None
    last_modified: str | None = None
    listed: dict[str, Any] = field(default_factory=dict)
    # The record is a dump of a Release that extract() validated: validating it again proves nothing.
    from_model: bool = False
    # UTF-8 JSON of the record's top-level fields, made once for its hash and reused for its line.
    record_json: dict[str, bytes] | None = None
    # The content hash of the record (jsonfmt.record_hash), when made beside extraction (see workers.py).
    record_sha256: str | None = None
