"""What changed between two snapshots: added, revised, withdrawn (and, without carry-forward, dropped) ids.

Owns: the definitions, applied to the latest revision of each id in the previous snapshot and in the new one.
Two revisions have the same content when their records are equal but for ``provenance`` and ``revision`` (the
hash of ``jsonfmt.content_hash``, what the crawl state compares), so a refetch that changed nothing is no change.

- **added**: the id is new, and its record is not of kind ``withdrawn``.
- **revised**: the id was there, neither record is ``withdrawn`` (or the previous one was and the new one is not:
  a reinstated release), and the content differs. ``fields`` names what differs (top-level fields, and
  ``meeting.<field>`` inside the meeting).
- **withdrawn**: the new record is of kind ``withdrawn`` (the crawl re-emits a release that answers 404/410 that
  way) and the previous one was not, or the id is new and already withdrawn. A release that stays withdrawn is
  not listed again.
- **dropped**: the id was in the previous snapshot and is missing from the new one. This only happens when a
  snapshot is made without carrying the previous one forward; missing from the input is never read as
  withdrawn, because incremental crawls emit only what changed and the sites' indexes are rolling windows.

Each id appears at most once; entries are in id order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from pressbot.jsonfmt import NOT_CONTENT, content_hash, json_line, json_members

CHANGES = ("added", "revised", "withdrawn", "dropped")
WITHDRAWN = "withdrawn"


@dataclass
class Change:
    id: str
    change: str  # one of CHANGES
    revision: int | None  # the new record's (None when dropped)
    previous_revision: int | None  # the previous snapshot's (None when added)
    title: str
    url: str | None
    fields: list[str] = field(default_factory=list)  # what differs, for "revised"


def content_of(record: dict[str, Any]) -> str:
    return content_hash(json_members(record))


def differing_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    names = []
    for key in sorted(set(old) | set(new)):
        if key in NOT_CONTENT or old.get(key) == new.get(key):
            continue
        if key == "meeting" and isinstance(old.get(key), dict) and isinstance(new.get(key), dict):
            names.extend(f"meeting.{sub}" for sub in differing_fields(old[key], new[key]))
        else:
            names.append(key)
    return names


def compare(old: dict[str, Any] | None, new: dict[str, Any] | None) -> Change | None:
    """The change from ``old`` to ``new`` (the same id; either may be None), or None when there is none."""
    if new is None:
        assert old is not None
        return Change(old["id"], "dropped", None, old["revision"], old["title"], old.get("url"))
    withdrawn = new["kind"] == WITHDRAWN
    if old is None:
        kind = "withdrawn" if withdrawn else "added"
        return Change(new["id"], kind, new["revision"], None, new["title"], new.get("url"))
    was_withdrawn = old["kind"] == WITHDRAWN
    if withdrawn:
        if was_withdrawn:
            return None
        return Change(new["id"], "withdrawn", new["revision"], old["revision"], new["title"], new.get("url"))
    if content_of(old) == content_of(new):
        return None
    fields = differing_fields(old, new)
    return Change(new["id"], "revised", new["revision"], old["revision"], new["title"], new.get("url"), fields)


def merge(
    old: Iterable[dict[str, Any]], new: Iterable[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Pairs (old, new) of records with the same id from two streams sorted by id; None where one has none."""
    olds, news = iter(old), iter(new)
    left, right = next(olds, None), next(news, None)
    while left is not None or right is not None:
        if right is None or (left is not None and left["id"] < right["id"]):
            yield left, None
            left = next(olds, None)
        elif left is None or right["id"] < left["id"]:
            yield None, right
            right = next(news, None)
        else:
            yield left, right
            left, right = next(olds, None), next(news, None)


def counts(changes: Iterable[Change]) -> dict[str, int]:
    tally = dict.fromkeys(CHANGES, 0)
    for change in changes:
        tally[change.change] += 1
    return tally


def jsonl_text(changes: Iterable[Change]) -> str:
    return "".join(json_line(asdict(change)) for change in changes)


def markdown_text(changes: list[Change], snapshot: str, previous: str | None) -> str:
    against = f"against the snapshot of {previous}" if previous else "the first snapshot: every release is new"
    tally = counts(changes)
    lines = [f"# Changes in snapshot {snapshot}", "", f"{against}.", ""]
    lines.append(", ".join(f"{tally[name]} {name}" for name in CHANGES))
    for name in CHANGES:
        group = [change for change in changes if change.change == name]
        if not group:
            continue
        lines += ["", f"## {name.capitalize()} ({len(group)})", ""]
        for change in group:
            title = change.title.replace("\n", " ").replace("[", "\\[").replace("]", "\\]")
            label = f"[{title}]({change.url})" if change.url else title
            suffix = f" — {', '.join(change.fields)}" if change.fields else ""
            revision = ""
            if name == "revised" and change.revision != change.previous_revision:
                revision = f" (revision {change.previous_revision} → {change.revision})"
            lines.append(f"- `{change.id}` {label}{revision}{suffix}")
    return "\n".join(lines) + "\n"
