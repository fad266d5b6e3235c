"""A record as the crawl carries it: every top-level field as UTF-8 JSON, beside a head of the small fields.

A reader process serializes the record once; its hash and its line are made from those bytes. The crawler decides
new / changed / unchanged, writes the state row and counts field coverage from the head alone, so the bulky fields
(body, meeting, links: nearly all of a record's bytes) are never rebuilt as Python objects on the reactor's core.
Unpickling whole records cost the crawler about 0.2 ms a page, as much as a tenth of its own work per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pressbot.jsonfmt import NOT_CONTENT, content_hash, json_members, json_object

BULKY = frozenset({"body", "meeting", "links"})  # what the crawler never reads: left out of the head


# The fields whose share of records the manifest reports per site (and the coverage gates read).
COVERAGE_FIELDS = (
    "published",
    "meeting",
    "meeting.date",
    "meeting.participants",
    "meeting.agenda",
    "meeting.start_time",
    "meeting.location",
)


def covered_fields(record: dict[str, Any]) -> tuple[str, ...]:
    """Which of COVERAGE_FIELDS the record fills (a value that is not empty)."""
    meeting = record.get("meeting") or {}
    values = [record.get("published"), meeting] + [meeting.get(name.split(".")[1]) for name in COVERAGE_FIELDS[2:]]
    return tuple(name for name, value in zip(COVERAGE_FIELDS, values, strict=True) if value)


@dataclass
class SerializedRecord:
    """One record: ``fields`` holds its JSON, ``head`` the values of its small fields.

    The pipelines set ``head["revision"]`` and ``head["provenance"]``; the line takes those two from the head and
    every other field from ``fields``.
    """

    head: dict[str, Any]
    fields: dict[str, bytes]  # jsonfmt.json_members of the record
    sha256: str  # jsonfmt.content_hash: what counts as 'changed'
    covered: tuple[str, ...] = ()

    @classmethod
    def of(cls, record: dict[str, Any]) -> SerializedRecord:
        fields = json_members(record)
        head = {key: value for key, value in record.items() if key not in BULKY}
        return cls(head, fields, content_hash(fields), covered_fields(record))

    def line(self) -> bytes:
        """The record's JSON line: the fields serialized once, with the head's revision and provenance."""
        fields = dict(self.fields)
        fields.update(json_members({key: self.head[key] for key in NOT_CONTENT if key in self.head}))
        return json_object(fields, fields) + b"\n"
