"""Grouping reports into events: which reports are one meeting, and the evidence for every join.

Rules (docs/linking.md has one example each):
- *report* joins an event when its local date is within one day of a date the event's reports give, its country
  set equals the event's, its mode (in person, telephone, video) is the event's, its level is compatible (equal
  or unknown on one side) and no country's named participants conflict (both sides give comparable full names
  for that country and none match). With a person matched by name, the date may be two days off and the
  country sets may differ by countries no participant on either side is from (a venue, a country discussed);
  with two persons matched, the level words may differ. A trilateral and a bilateral on its sidelines differ
  in countries (the third side's participant is named); two meetings of one pair on one day differ in level,
  mode or people.
- *about* (statements, press conferences, announcements) never founds an event: it joins the best event whose
  date is within [-1, +3] days of its own, whose countries include its countries, at a compatible level.
- Of several fitting events, the one with most persons matched, then the smallest date gap, wins.
- A report that fits none founds an event; its id is ``ev:<release id of that first report>`` and never changes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from pressbot.link import names
from pressbot.link.people import Aliases
from pressbot.link.records import Mention, Report

MAX_REPORT_GAP = 1
WEAK_DATE_GAP = 3  # a date from the publication or the text, with both sides' people named: three days either way
ABOUT_BEFORE, ABOUT_AFTER = 1, 3


@dataclass
class EventBox:
    """An event while linking: its reports (release ids, join order) and the evidence each join left."""

    event_id: str
    reports: list[str] = field(default_factory=list)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "reports": self.reports, "evidence": self.evidence}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventBox:
        return cls(event_id=data["event_id"], reports=list(data["reports"]), evidence=dict(data["evidence"]))


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _comparable(keys: frozenset[str]) -> frozenset[str]:
    """The keys that any script can reach (romanized ones); '=漢字' keys only meet their own script."""
    return frozenset(k for k in keys if not k.startswith("="))


def match_people(
    mine: list[Mention], theirs: list[tuple[str, Mention]], aliases: Aliases
) -> tuple[list[dict[str, str]], set[str]]:
    """Pairs of (this report's participant, an event participant) that name one person, and the countries where
    both sides give comparable (romanized) full names and none of them match: a conflict."""
    matched: list[dict[str, str]] = []
    by_country: dict[str | None, list[tuple[str, Mention, frozenset[str]]]] = defaultdict(list)
    for release_id, person in theirs:
        by_country[person.country].append((release_id, person, aliases.expand(person.keys())))
    comparable_mine: set[str] = set()
    hit_countries: set[str] = set()
    for person in mine:
        keys = aliases.expand(person.keys())
        skeletons = person.skeletons()
        pool = by_country.get(person.country, []) + (by_country.get(None, []) if person.country else [])
        hit = None
        for release_id, other, other_keys in pool:
            if keys & other_keys:
                hit = (release_id, other, "name")
            elif person.country and skeletons and skeletons & other.skeletons():
                hit = (release_id, other, "transliteration")
            if hit:
                break
        if person.country and _comparable(keys):
            comparable_mine.add(person.country)
        if hit:
            if person.country:
                hit_countries.add(person.country)
            matched.append({"name": person.name, "event_name": hit[1].name, "by": hit[2], "release_id": hit[0]})
    conflicts = {
        country
        for country in comparable_mine - hit_countries
        if any(_comparable(keys) for _, _, keys in by_country.get(country, []))
    }
    return matched, conflicts


def match_text(report: Report, members: list[Report], matched: list[dict[str, str]]) -> list[dict[str, str]]:
    """People named in the other side's text: an event participant this report's text names, or this report's
    participant an event report's text names (``by: text``); those already matched by name are skipped."""
    done = {m["event_name"] for m in matched} | {m["name"] for m in matched}
    out: list[dict[str, str]] = []
    for member in members:
        for person in member.participants:
            if person.name not in done and _named_in(person, report):
                done.add(person.name)
                out.append({"name": person.name, "event_name": person.name, "by": "text",
                            "release_id": member.release_id, "country": person.country or ""})  # fmt: skip
    for person in report.participants:
        if person.name in done:
            continue
        for member in members:
            if _named_in(person, member):
                done.add(person.name)
                out.append({"name": person.name, "event_name": person.name, "by": "text",
                            "release_id": member.release_id, "country": person.country or ""})  # fmt: skip
                break
    return out


def _named_in(person: Mention, report: Report) -> bool:
    """Whether a release's text names the person: as written, or a Latin name in katakana (Japanese texts)."""
    if names.mentioned(person.needles(), report.text):
        return True
    latin = [f for f in (person.name_en, person.name) if f]
    return report.language == "ja" and names.mentioned_in_kana(latin, report.text)


def _people_named(matched: list[dict[str, str]], hits: list[dict[str, str]]) -> bool:
    """Two people or more named on both sides, not all of one country: a meeting's two sides are there."""
    countries = [m.get("country", "") for m in [*matched, *hits]]
    known = {c for c in countries if c}
    return len(countries) >= 2 and (len(known) != 1 or "" in countries)


class Linker:
    """Adds reports to events one at a time; the events and reports it holds can come from a link state."""

    def __init__(
        self,
        reports: MutableMapping[str, Report],
        events: MutableMapping[str, EventBox],
        aliases: Aliases,
        event_of: MutableMapping[str, str] | None = None,
        by_date: Any = None,
    ) -> None:
        """``reports``, ``events``, ``event_of`` and ``by_date`` (date → ids of events with a report of that date)
        may be views of a link state (``store.py``); given only the first two, the others are built from them."""
        self.reports = reports
        self.events = events
        self.aliases = aliases
        if event_of is None:
            event_of = {rid: box.event_id for box in events.values() for rid in box.reports}
        self.event_of = event_of
        if by_date is None:
            by_date = defaultdict(set)
            for box in events.values():
                for rid in box.reports:
                    report = reports[rid]
                    if report.date and report.relation == "report":
                        by_date[report.date].add(box.event_id)
        self.by_date = by_date
        self.touched: set[str] = set()
        self.dropped: set[str] = set()  # events emptied and deleted

    # -- the event's features, from its reports
    def _members(self, box: EventBox) -> list[Report]:
        return [self.reports[r] for r in box.reports if self.reports[r].relation == "report"]

    def features(self, box: EventBox) -> dict[str, Any]:
        members = self._members(box)
        levels = {m.level for m in members if m.level}
        return {
            "dates": sorted({m.date for m in members if m.date}),
            "countries": sorted({c for m in members for c in m.countries}),
            "level": sorted(levels)[0] if len(levels) == 1 else (sorted(levels)[0] if levels else None),
            "mode": members[0].mode if members else None,
            "people": [(m.release_id, p) for m in members for p in m.participants],
        }

    def _candidates(self, day: str, before: int, after: int) -> set[str]:
        base = dt.date.fromisoformat(day)
        out: set[str] = set()
        for offset in range(-after, before + 1):  # an event dated d fits a report dated d + offset
            out |= self.by_date.get((base - dt.timedelta(days=offset)).isoformat(), set())
        return out

    def fit(self, report: Report, box: EventBox) -> tuple[tuple, dict[str, Any]] | None:
        """Whether ``report`` fits ``box``: a score to rank fitting events, and the evidence; None when it does not."""
        feat = self.features(box)
        if not feat["dates"] or not report.date:
            return None
        signed = [(dt.date.fromisoformat(report.date) - dt.date.fromisoformat(d)).days for d in feat["dates"]]
        gap = min(signed, key=abs)
        shared = sorted(set(report.countries) & set(feat["countries"]))
        union = set(report.countries) | set(feat["countries"])
        level_ok = report.level is None or feat["level"] is None or report.level == feat["level"]
        matched, conflicts = match_people(report.participants, feat["people"], self.aliases)
        if conflicts:
            return None
        members = self._members(box)
        weak_date = report.date_basis != "meeting" or any(m.date_basis != "meeting" for m in members)
        hits: list[dict[str, str]] = []
        rescued = False  # joined on the people its text names, not on its own fields
        if report.relation == "report":
            if report.mode != feat["mode"]:
                return None
            # Named people make a looser fit safe: a day more (republishers date by publication), another level
            # word (a leader mentioned), countries only the text mentions (a venue, a third country discussed).
            limit = MAX_REPORT_GAP + (1 if matched else 0)
            # a release read from its title, dated by its text: its countries and date alone are not enough
            guessed = report.basis == "title" and report.date_basis == "text"
            if guessed or abs(gap) > limit or not (level_ok or len(matched) >= 2) or not report.countries:
                hits = match_text(report, members, matched)
                both = _people_named(matched, hits)
                # one side named, and the rest agrees: the same countries, level and mode
                one = (
                    not guessed
                    and bool(matched or hits)
                    and level_ok
                    and len(shared) >= 2
                    and set(report.countries) == union
                )
                if not (both or one) or abs(gap) > (WEAK_DATE_GAP if weak_date else limit):
                    return None
                rescued = True
                if report.countries and not set(report.countries) & set(feat["countries"]):
                    return None
            elif set(report.countries) != set(feat["countries"]):
                present = {p.country for p in report.participants} | {p.country for _, p in feat["people"]}
                present |= {m.publisher_country for m in [report, *members] if m.publisher_country}  # a side
                differ = set(report.countries) ^ set(feat["countries"])
                if differ & present:  # a side named in one and absent from the other: a sideline meeting
                    return None
                if not matched or len(shared) < 2:
                    hits = match_text(report, members, matched)
                    if not _people_named(matched, hits) or not shared:
                        return None
                    rescued = True
        else:
            if not -ABOUT_BEFORE <= gap <= ABOUT_AFTER or not level_ok or not report.countries:
                return None
            if not set(report.countries) <= set(feat["countries"]) or len(shared) < min(2, len(feat["countries"])):
                return None
        matched = matched + [{k: v for k, v in h.items() if k != "country"} for h in hits]
        evidence = {
            "relation": report.relation,
            "basis": report.basis,
            "date": report.date,
            "date_gap_days": gap,
            "countries": report.countries,
            "countries_shared": shared,
            "countries_jaccard": round(len(shared) / len(union), 3) if union else 0.0,
            "level": report.level,
            "event_level": feat["level"],
            "mode": report.mode,
            "persons_matched": matched,
        }
        same = set(report.countries) == set(feat["countries"])
        return (not rescued, same, len(matched), -abs(gap), evidence["countries_jaccard"]), evidence

    def add(self, report: Report) -> str | None:
        """Link one report (replacing an earlier version of the same release); the event id it joined or founded
        (None for an ``about`` release that fits no event yet)."""
        self.remove(report.release_id)
        self.reports[report.release_id] = report
        best: tuple[tuple, str, dict[str, Any]] | None = None
        if report.date:
            before, after = (WEAK_DATE_GAP,) * 2 if report.relation == "report" else (ABOUT_AFTER, ABOUT_BEFORE)
            fits = []
            for event_id in sorted(self._candidates(report.date, before, after)):
                box = self.events.get(event_id)
                result = self.fit(report, box) if box is not None else None
                if result:
                    fits.append((result[0], event_id, result[1]))
                    if best is None or result[0] > best[0]:
                        best = fits[-1]
            # joined on named people alone, and as well to another event: ambiguous (two meetings of one day)
            if best is not None and not best[0][0] and sum(1 for f in fits if f[0][:3] == best[0][:3]) > 1:
                best = None
        if best is not None:
            box = self.events[best[1]]
            box.reports.append(report.release_id)
            box.evidence[report.release_id] = best[2]
        elif report.relation == "report":
            event_id = f"ev:{report.release_id}"
            while event_id in self.events:
                event_id += "+"
            box = EventBox(event_id, [report.release_id], {report.release_id: _founding(report)})
            self.events[event_id] = box
            self.dropped.discard(event_id)
        else:
            return None
        self.event_of[report.release_id] = box.event_id
        if report.relation == "report" and report.date:
            self.by_date[report.date].add(box.event_id)
        self.touched.add(box.event_id)
        return box.event_id

    def remove(self, release_id: str) -> None:
        """Take a release out of its event (a new revision is linked afresh); an emptied event is dropped."""
        event_id = self.event_of.pop(release_id, None)
        if event_id is None:
            return
        box = self.events[event_id]
        box.reports.remove(release_id)
        box.evidence.pop(release_id, None)
        old = self.reports.get(release_id)
        if old and old.date and not any(self.reports[r].date == old.date for r in box.reports):
            self.by_date[old.date].discard(event_id)
        if not self._members(box):
            for rid in box.reports:  # about releases of a vanished event wait for another
                self.event_of.pop(rid, None)
            del self.events[event_id]
            self.touched.discard(event_id)
            self.dropped.add(event_id)
        else:
            self.touched.add(event_id)


def _founding(report: Report) -> dict[str, Any]:
    return {
        "relation": report.relation,
        "basis": report.basis,
        "date": report.date,
        "date_gap_days": 0,
        "countries": report.countries,
        "countries_shared": report.countries,
        "countries_jaccard": 1.0,
        "level": report.level,
        "event_level": report.level,
        "mode": report.mode,
        "persons_matched": [],
        "founded": True,
    }
