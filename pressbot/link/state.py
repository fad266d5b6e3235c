"""The link state (one SQLite file, ``store.py``) and the linking step over it: new releases join existing
events, and the output records (``Event``, ``Person``) are built from what the state holds.

Stable ids: an event's id is ``ev:<release id of the report that founded it>``, stored with the event, so a
later report joining never changes it; a person's id is stored per mention (``people.py``). Without a state
file, releases are linked in order of (report before about, meeting read before title-only, date, release
id), so a rebuild from the same releases gives the same ids as linking them as they came, day by day.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pressbot.link import names, store
from pressbot.link.events import EventBox, Linker
from pressbot.link.levels import event_name, portfolio_of
from pressbot.link.models import Event, EventParticipant, EventReport, Evidence, Office, Person, PersonName
from pressbot.link.people import Aliases, People
from pressbot.link.records import Report, report_from


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class LinkState:
    """Reports, events, people and aliases in one SQLite file (``store.py``), read by key as linking needs them.

    ``LinkState.load(path)`` opens (or creates) the file; ``add`` links records and commits what changed in one
    transaction, so a crash leaves the state of the previous ``add``. ``LinkState()`` keeps everything in
    memory until ``save(path)`` writes it.
    """

    def __init__(self, db: sqlite3.Connection | None = None, path: Path | None = None) -> None:
        self.db = db if db is not None else store.connect(":memory:")
        self.path = path
        complete = store.is_empty(self.db)
        db = self.db

        def table(name: str, **kwargs: Any) -> store.Stored:
            return store.Stored(db, name, complete=complete, **kwargs)

        reports = table(
            "reports",
            encode=lambda r: _dump(r.to_json()),
            decode=lambda v: Report.from_json(json.loads(v)),
            columns={"date": lambda r: r.date, "relation": lambda r: r.relation},
        )
        events = table(
            "events", encode=lambda b: _dump(b.to_json()), decode=lambda v: EventBox.from_json(json.loads(v))
        )
        event_of = table("event_of")
        by_date = store.Index(
            None
            if complete
            else lambda day: (
                e
                for (e,) in db.execute(
                    "SELECT DISTINCT o.value FROM reports r JOIN event_of o ON o.key = r.key "
                    "WHERE r.date = ? AND r.relation = 'report'",
                    (day,),
                )
            )
        )
        self.aliases = Aliases(table("aliases", encode=lambda v: _dump(sorted(v)), decode=lambda v: set(json.loads(v))))
        self.people = People(
            persons=table("persons", encode=_dump, decode=json.loads),
            of_mention=table("mentions"),
            merged=table("merged"),
            index=store.Index(
                None
                if complete
                else lambda ck: (
                    p for (p,) in db.execute("SELECT person_id FROM names WHERE key = ? AND country = ?", ck[::-1])
                ),
                None
                if complete
                else lambda country, start: (
                    k
                    for (k,) in db.execute(
                        "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ? AND country = ?",
                        (start, start + "\uffff", country),
                    )
                ),
            ),
            by_key=store.Index(
                None
                if complete
                else lambda key: (p for (p,) in db.execute("SELECT person_id FROM names WHERE key = ?", (key,)))
            ),
            seq=store.meta_get(db, "person_seq", 0),
        )
        self.linker = Linker(reports, events, self.aliases, event_of, by_date)
        self.pending: list[str] = store.meta_get(db, "pending", [])
        # Each event's output line as last written; an add builds again only the events it touched.
        self.lines = table("lines")

    @classmethod
    def load(cls, path: Path | str | None) -> LinkState:
        """The state in ``path`` (created when missing; ValueError when the file is no link state)."""
        if path is None:
            return cls()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(store.connect(str(path)), path)

    def _tables(self) -> list[store.Stored]:
        linker = self.linker
        return [linker.reports, linker.events, linker.event_of, self.lines, self.aliases.table]  # type: ignore[list-item]

    def _flush(self) -> None:
        """Write what linking read or changed since the last flush, in one transaction."""
        db, people = self.db, self.people
        db.execute("BEGIN IMMEDIATE")
        try:
            for table in self._tables():
                table.flush()
            for gone, keep in people.reassigned:
                db.execute("UPDATE mentions SET value = ? WHERE value = ?", (keep, gone))
            people.reassigned.clear()
            people.of_mention.flush()  # type: ignore[attr-defined]
            people.merged.flush()  # type: ignore[attr-defined]
            persons = people.persons
            for person_id in persons.flush():  # type: ignore[attr-defined]
                db.execute("DELETE FROM names WHERE person_id = ?", (person_id,))
                entry = persons.cache.get(person_id)  # type: ignore[attr-defined]
                if entry is not None:
                    db.executemany(
                        "INSERT INTO names (key, country, person_id) VALUES (?, ?, ?)",
                        [(key, entry["country"] or "", person_id) for key in entry["keys"]],
                    )
            store.meta_set(db, "pending", self.pending)
            store.meta_set(db, "person_seq", people.seq)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def save(self, path: Path | str) -> None:
        """Commit to this state's file; for a state in memory (or another file), write ``path`` atomically."""
        path = Path(path)
        self._flush()
        if self.path is not None and path.resolve() == self.path.resolve():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        os.close(handle)
        target = sqlite3.connect(tmp)
        try:
            self.db.backup(target)
        finally:
            target.close()
        os.replace(tmp, path)

    # -- linking
    def add(self, records: Iterable[Any]) -> set[str]:
        """Link releases (models or dicts); the ids of the events they joined or founded (or changed). A state
        loaded from a file commits the change before returning."""
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
        for event_id in linker.dropped:
            self.lines.pop(event_id, None)
        linker.dropped = set()
        for event_id in sorted(touched):
            self.lines[event_id] = json.dumps(
                self.event(linker.events[event_id]).model_dump(mode="json"), ensure_ascii=False, sort_keys=True
            )
        if self.path is not None:
            self._flush()
        return touched

    # -- output
    def events(self) -> list[Event]:
        return [Event.model_validate_json(line) for line in self.event_lines().values()]

    def event_lines(self) -> dict[str, str]:
        """Event id → its JSON line (sorted keys, UTF-8), in event id order."""
        return dict(sorted(self.lines.items_all()))

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
        for person_id, entry in sorted(self.people.persons.items_all()):  # type: ignore[attr-defined]
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
