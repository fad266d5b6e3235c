"""The link state (one JSON file) and the linking step over it: new releases join existing events, and the
output records (``Event``, ``Person``) are built from what the state holds.

Stable ids: an event's id is ``ev:<release id of the report that founded it>``, stored with the event, so a
later report joining never changes it; a person's id is stored per mention (``people.py``). Without a state
file, releases are linked in order of (report before about, meeting read before title-only, date, release
id), so a rebuild from the same releases gives the same ids as linking them as they came, day by day.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pressbot.link import names
from pressbot.link.events import EventBox, Linker
from pressbot.link.levels import event_name, portfolio_of
from pressbot.link.models import Event, EventParticipant, EventReport, Evidence, Office, Person, PersonName
from pressbot.link.people import Aliases, People
from pressbot.link.records import Report, report_from

STATE_VERSION = 1


class LinkState:
    """Reports, events, people and aliases; ``add`` links records, ``save`` writes the file atomically."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        if data and data.get("version") != STATE_VERSION:
            raise ValueError(f"link state version {data.get('version')!r}, expected {STATE_VERSION}")
        reports = {rid: Report.from_json(r) for rid, r in data.get("reports", {}).items()}
        events = {eid: EventBox.from_json(e) for eid, e in data.get("events", {}).items()}
        self.aliases = Aliases(data.get("aliases"))
        self.people = People(data.get("people"))
        self.linker = Linker(reports, events, self.aliases)
        self.pending: list[str] = list(data.get("pending", []))
        # Each event's output line as last written; only events a run touched are built again.
        self.lines: dict[str, str] = dict(data.get("lines", {}))

    @classmethod
    def load(cls, path: Path | str | None) -> LinkState:
        if path is None or not Path(path).exists():
            return cls()
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "reports": {rid: r.to_json() for rid, r in self.linker.reports.items()},
            "events": {eid: box.to_json() for eid, box in self.linker.events.items()},
            "pending": self.pending,
            "aliases": self.aliases.to_json(),
            "people": self.people.to_json(),
            "lines": self.event_lines(),
        }

    def save(self, path: Path | str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:  # dumps: the C encoder (dump streams in Python)
            out.write(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")))
        os.replace(tmp, path)

    # -- linking
    def add(self, records: Iterable[Any]) -> set[str]:
        """Link releases (models or dicts); the ids of the events they joined or founded."""
        fresh = [report_from(r) for r in records]
        for report in fresh:  # what participants tie together helps every comparison that follows
            for person in report.participants:
                self.aliases.learn(person.keys())
        linker = self.linker
        waiting = [linker.reports[rid] for rid in self.pending if rid in linker.reports]
        fresh_ids = {r.release_id for r in fresh}
        waiting = [r for r in waiting if r.release_id not in fresh_ids]
        fresh.sort(key=lambda r: (r.relation != "report", r.basis != "meeting", r.date or "", r.release_id))
        for report in fresh:
            old = linker.reports.get(report.release_id)
            if old is not None and old.to_json() == report.to_json() and report.release_id in linker.event_of:
                continue
            linker.add(report)
        self.pending = []
        for report in [*waiting, *(r for r in fresh if r.relation == "about")]:
            if report.release_id not in linker.event_of and linker.add(report) is None:
                self.pending.append(report.release_id)
        # Events with most reports first: their people are seen in most forms, so new ids come from Latin forms.
        for event_id in sorted(linker.touched, key=lambda e: (-len(linker.events[e].reports), e)):
            box = linker.events[event_id]
            self.people.resolve_event([linker.reports[rid] for rid in box.reports], self.aliases)
        # A merge of two persons changes the participants of every event either was in.
        linker.touched |= {linker.event_of[r] for r in self.people.changed_releases if r in linker.event_of}
        self.people.changed_releases.clear()
        touched, linker.touched = set(linker.touched), set()
        for event_id in touched:
            self.lines.pop(event_id, None)
        for event_id in list(self.lines):
            if event_id not in linker.events:
                del self.lines[event_id]
        return touched

    # -- output
    def events(self) -> list[Event]:
        return [self.event(box) for _, box in sorted(self.linker.events.items())]

    def event_lines(self) -> dict[str, str]:
        """Event id → its JSON line (sorted keys, UTF-8): kept from the state for events no run has touched."""
        for event_id, box in self.linker.events.items():
            if event_id not in self.lines:
                self.lines[event_id] = json.dumps(
                    self.event(box).model_dump(mode="json"), ensure_ascii=False, sort_keys=True
                )
        return {event_id: self.lines[event_id] for event_id in sorted(self.linker.events)}

    def event(self, box: EventBox) -> Event:
        reports = [self.linker.reports[rid] for rid in box.reports]
        members = [r for r in reports if r.relation == "report"] or reports
        dates = [r.date for r in members if r.date]
        counts = Counter(dates)
        date = max(counts, key=lambda d: (counts[d], d)) if counts else None
        countries = sorted({c for r in members for c in r.countries})
        levels = Counter(r.level for r in members if r.level)
        level = max(levels, key=lambda k: (levels[k], k)) if levels else None
        mode = members[0].mode
        kinds = Counter(r.kind for r in members)
        titles = [t for r in members for p in r.participants for t in (p.title_en, p.title)]
        participants: dict[str, EventParticipant] = {}
        for report in reports:
            for person in report.participants:
                person_id = self.people.of_mention.get(f"{report.release_id}#{person.index}")
                if person_id is None:
                    continue
                person_id = self.people.resolved(person_id)
                entry = participants.setdefault(
                    person_id, EventParticipant(person_id=person_id, country=person.country)
                )
                entry.names.append(
                    PersonName(
                        release_id=report.release_id,
                        name=person.name,
                        name_en=person.name_en,
                        reading=person.reading,
                        title=person.title,
                    )
                )
        return Event(
            event_id=box.event_id,
            date=date,
            date_range=[min(dates), max(dates)] if len(set(dates)) > 1 else None,
            countries=countries,
            kind=kinds.most_common(1)[0][0],
            mode=mode,
            level=level,
            name_en=event_name(countries, level, mode, portfolio_of(titles + [r.name for r in members])),
            names=list(dict.fromkeys(r.name for r in members if r.name)),
            reports=[
                EventReport(
                    release_id=r.release_id,
                    site=r.site,
                    language=r.language,
                    url=r.url,
                    publisher_country=r.publisher_country,
                    relation=r.relation,
                    title=r.title,
                    date=r.date,
                )
                for r in reports
            ],
            participants=sorted(participants.values(), key=lambda p: (p.country or "", p.person_id)),
            evidence=[Evidence(release_id=rid, **box.evidence[rid]) for rid in box.reports],
        )

    def persons(self) -> list[Person]:
        out = []
        for person_id, entry in sorted(self.people.persons.items()):
            forms = sorted(entry["forms"], key=lambda f: (-entry["forms"][f], f))
            latin = [f for f in forms if names.script(f) == "latin"]
            out.append(
                Person(
                    person_id=person_id,
                    country=entry["country"],
                    name_en=names.display_latin(latin[0]) if latin else None,
                    names=forms,
                    offices=[Office(**o) for _, o in sorted(entry["offices"].items())],
                    releases=entry["releases"],
                    merged_ids=entry["merged_ids"],
                )
            )
        return out

    def person_of(self, release_id: str, index: int) -> str | None:
        person_id = self.people.of_mention.get(f"{release_id}#{index}")
        return self.people.resolved(person_id) if person_id else None

    def event_of(self, release_id: str) -> str | None:
        return self.linker.event_of.get(release_id)


def link_records(records: Iterable[Any], state: LinkState | None = None) -> LinkState:
    """Link releases (Release models or their JSON dicts) into ``state`` (a new one by default) and return it."""
    state = state or LinkState()
    state.add(records)
    return state
