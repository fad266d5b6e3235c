"""Person resolution: one id per individual across releases, with every surface form and office seen.

Evidence, strongest first:
1. *one participant*: a record that gives ``朴潤柱`` with reading ``パク・ユンジュ`` and ``name_en`` ``Park Yoonjoo``
   ties the three forms (``Aliases`` remembers the kanji ↔ romanized keys for later records).
2. *one event*: inside an event, participants of one country are the same person when their names share a
   strong key (``Park Yoon-joo`` / ``Park Yoonjoo`` / ``박윤주``), a transliteration skeleton (``キム・ホンギュン`` /
   ``Kim Hong-kyun``), a family-name prefix (``船越`` / ``船越健裕``), or — when each report names exactly one
   participant of that country and the offices' levels agree — their position (``岡野正敬`` / ``OKANO Masataka``).
3. *across events*: a full name's strong key and the country (a lone family name never links across events).

Ids: ``person:<slug>`` of the first Latin form seen (``person:park-yoon-joo``), else of the romanized Hangul or
kana reading, else ``person:<country>-<hash of the form>``; a clash with another person's id gets ``-2``.
An id, once given, is kept in the link state; when two persons turn out to be one, the older id survives and
the other is listed in its ``merged_ids``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import MutableMapping
from typing import Any

from pressbot.link import names
from pressbot.link.levels import level_of
from pressbot.link.records import Mention, Report
from pressbot.link.store import Index


class Aliases:
    """'=漢字' keys → the romanized keys the same participant was given with them."""

    def __init__(self, table: MutableMapping[str, set[str]] | dict[str, list[str]] | None = None) -> None:
        if isinstance(table, dict) or table is None:
            table = {k: set(v) for k, v in (table or {}).items()}
        self.table: MutableMapping[str, set[str]] = table

    def learn(self, keys: frozenset[str] | set[str]) -> None:
        native = [k for k in keys if k.startswith("=")]
        latin = {k for k in keys if not k.startswith("=")}
        if latin:
            for key in native:
                known = self.table.get(key)
                if known is None:
                    self.table[key] = set(latin)
                elif not latin <= known:
                    known.update(latin)

    def expand(self, keys: frozenset[str]) -> frozenset[str]:
        extra = [self.table[k] for k in keys if k[:1] == "=" and k in self.table]
        return keys.union(*extra) if extra else keys

    def to_json(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in sorted(self.table.items())}


def _full_keys(keys: frozenset[str]) -> set[str]:
    """Keys that can link across events: romanized full names, and native forms of three or more characters."""
    return {k for k in keys if not k.startswith("=") or len(k) >= 4}


class People:
    """Every person: forms, keys, offices; and which person each mention (``<release id>#<index>``) is."""

    def __init__(
        self,
        persons: MutableMapping[str, dict[str, Any]] | None = None,
        of_mention: MutableMapping[str, str] | None = None,
        merged: MutableMapping[str, str] | None = None,
        index: Any = None,
        by_key: Any = None,
        seq: int = 0,
    ) -> None:
        """Plain dicts by default; a link state passes its ``Stored`` tables and ``Index`` views (``store.py``)."""
        self.persons = persons if persons is not None else {}
        self.of_mention = of_mention if of_mention is not None else {}
        self.merged = merged if merged is not None else {}
        self.changed_releases: set[str] = set()  # releases whose mentions changed person in a merge
        self.reassigned: list[tuple[str, str]] = []  # (gone, kept) of each merge, for mentions not in memory
        self.seq = seq  # persons created so far: the creation order a merge keeps the older id by
        if index is None:
            index, by_key = Index(None), Index(None)
            for person_id, person in self.persons.items():
                for key in person["keys"]:
                    index[(person["country"] or "", key)].add(person_id)
                    by_key[key].add(person_id)
        self.index = index  # (country, key) → person ids
        self.by_key = by_key  # the same, any country

    # -- resolution
    def resolve_event(self, reports: list[Report], aliases: Aliases) -> None:
        """Give every participant of one event's reports a person id (the reports in join order)."""
        for report in reports:
            for person in report.participants:
                aliases.learn(person.keys())
        present: dict[str, set[str]] = defaultdict(set)  # person id → releases of this event naming them
        for report in reports:
            for person in report.participants:
                key = f"{report.release_id}#{person.index}"
                if key in self.of_mention:
                    present[self.resolved(self.of_mention[key])].add(report.release_id)
        for report in reports:
            for person in report.participants:
                mention = f"{report.release_id}#{person.index}"
                person_id = self.of_mention.get(mention)
                if person_id is None:
                    person_id = self._within_event(report, person, reports, aliases) or self._global(
                        person, aliases, report
                    )
                person_id = self._record(person_id, person, report, aliases)
                self.of_mention[mention] = person_id
                present[person_id].add(report.release_id)

    def resolved(self, person_id: str) -> str:
        while person_id in self.merged:
            person_id = self.merged[person_id]
        return person_id

    def _within_event(self, report: Report, person: Mention, reports: list[Report], aliases: Aliases) -> str | None:
        keys = aliases.expand(person.keys())
        skeletons = person.skeletons()
        native = names.family_part(person.name)
        lone = _lone_family(person)
        same_country: dict[str, list[Mention]] = defaultdict(list)
        for other_report in reports:
            if other_report.release_id == report.release_id:
                continue
            for other in other_report.participants:
                other_id = self.of_mention.get(f"{other_report.release_id}#{other.index}")
                if other_id is None:
                    continue
                other_id = self.resolved(other_id)
                compatible = person.country is None or other.country is None or person.country == other.country
                if not compatible:
                    continue
                if keys & aliases.expand(other.keys()):
                    return other_id
                if lone and lone in _family_tokens(other):  # 'Secretary Rubio' / 'Modi' and the full name
                    return other_id
                if person.country and other.country == person.country:
                    if skeletons & other.skeletons():
                        return other_id
                    other_native = names.family_part(other.name)
                    if (
                        native
                        and other_native
                        and native != other_native
                        and (other_native.startswith(native) or native.startswith(other_native))
                    ):
                        return other_id
                    same_country[other_id].append(other)
        # Position: the only participant of this country here, and one person of it elsewhere in the event.
        if person.country and len(same_country) == 1:
            mine = [p for p in report.participants if p.country == person.country]
            ((other_id, others),) = same_country.items()
            taken = any(self.of_mention.get(f"{report.release_id}#{p.index}") == other_id for p in report.participants)
            level, other_level = person.level(), others[0].level()
            if len(mine) == 1 and not taken and (level is None or other_level is None or level == other_level):
                return other_id
        return None

    def _global(self, person: Mention, aliases: Aliases, report: Report | None = None) -> str | None:
        keys = _full_keys(aliases.expand(person.keys()))
        votes: dict[str, int] = defaultdict(int)
        for key in keys:
            for person_id in self.index.get((person.country or "", key), ()):
                votes[self.resolved(person_id)] += 1
            if not person.country:  # a person of unknown country may be any person of that name
                for person_id in self.by_key.get(key, ()):
                    votes[self.resolved(person_id)] += 1
            else:
                for person_id in self.index.get(("", key), ()):
                    votes[self.resolved(person_id)] += 1
        if not votes:
            return self._by_family_and_office(person, report)
        return max(sorted(votes), key=lambda p: votes[p])

    def _by_family_and_office(self, person: Mention, report: Report | None) -> str | None:
        """A kanji family name with an office ('茂木大臣', '岸田' as 総理大臣) is the one person of that country whose
        kanji full name starts with it and who held an office of that level within a year of this report."""
        form = names.family_part(person.name)
        level = person.level()
        if not form or names.script(form) != "han" or not 2 <= len(form) <= 3 or not person.country or not level:
            return None
        found = set()
        for key, holders in self.index.prefix(person.country, "=" + form):
            if len(key) > len(form) + 1:
                found |= {self.resolved(p) for p in holders}
        fits = [p for p in sorted(found) if p in self.persons and _held(self.persons[p], level, report)]
        return fits[0] if len(fits) == 1 else None

    def _new_id(self, person: Mention) -> str:
        latin = next((f for f in (person.name_en, person.name) if f and names.script(f) == "latin"), None)
        if latin is None and names.script(person.name) == "hangul":
            latin = " ".join(names.hangul_tokens(person.name))
        if latin is None and person.reading:
            latin = " ".join(names.kana_romaji(person.reading))
        base = names.slug(" ".join(names.latin_tokens(latin))) if latin else ""
        if not base:
            digest = hashlib.sha1(names.strip_honorific(person.name).encode("utf-8")).hexdigest()[:10]
            base = f"{(person.country or 'xx').lower()}-{digest}"
        person_id, n = f"person:{base}", 2
        while person_id in self.persons or person_id in self.merged:
            person_id, n = f"person:{base}-{n}", n + 1
        return person_id

    def _record(self, person_id: str | None, person: Mention, report: Report, aliases: Aliases) -> str:
        if person_id is None:
            person_id = self._new_id(person)
            self.persons[person_id] = {
                "person_id": person_id,
                "country": person.country,
                "keys": [],
                "forms": {},
                "offices": {},
                "releases": [],
                "merged_ids": [],
                "seq": self.seq,
            }
            self.seq += 1
        person_id = self.resolved(person_id)
        entry = self.persons[person_id]
        if entry["country"] is None and person.country:
            entry["country"] = person.country
        new_keys = _full_keys(aliases.expand(person.keys())) - set(entry["keys"])
        for key in sorted(new_keys):
            entry["keys"].append(key)
            self.index[(entry["country"] or "", key)].add(person_id)
            self.by_key[key].add(person_id)
        for form in [*person.forms(), *person.mentions]:
            entry["forms"][form] = entry["forms"].get(form, 0) + 1
        if report.release_id not in entry["releases"]:
            entry["releases"].append(report.release_id)
        self._office(entry, person, report)
        for key in new_keys:  # the new forms may name someone already known: one person, the older id kept
            for other in list(self.index.get((entry["country"] or "", key), ())):
                other = self.resolved(other)
                if other != person_id:
                    person_id = self._merge(person_id, other)
                    entry = self.persons[person_id]
        return person_id

    @staticmethod
    def _office(entry: dict[str, Any], person: Mention, report: Report) -> None:
        if not (person.title or person.title_en):
            return
        key = f"{person.country or ''}|{person.title_en or person.title}"
        office = entry["offices"].setdefault(
            key,
            {
                "title": person.title,
                "title_en": person.title_en,
                "country": person.country,
                "level": level_of(person.title_en) or level_of(person.title),
                "first_seen": report.date,
                "last_seen": report.date,
                "releases": 0,
            },
        )
        office["releases"] += 1
        if report.date:
            office["first_seen"] = min(filter(None, (office["first_seen"], report.date)))
            office["last_seen"] = max(filter(None, (office["last_seen"], report.date)))

    def _merge(self, a: str, b: str) -> str:
        keep, gone = sorted((a, b), key=lambda p: (self.persons[p]["releases"][:1] == [], self.persons[p]["seq"], p))
        survivor, old = self.persons[keep], self.persons.pop(gone)
        self.merged[gone] = keep
        survivor["merged_ids"] = sorted({*survivor["merged_ids"], gone, *old["merged_ids"]})
        for key in old["keys"]:
            if key not in survivor["keys"]:
                survivor["keys"].append(key)
            holders = self.index[(old["country"] or "", key)]
            holders.discard(gone)
            self.index[(survivor["country"] or "", key)].add(keep)
            self.by_key[key].discard(gone)
            self.by_key[key].add(keep)
        for form, count in old["forms"].items():
            survivor["forms"][form] = survivor["forms"].get(form, 0) + count
        survivor["releases"] += [r for r in old["releases"] if r not in survivor["releases"]]
        for key, office in old["offices"].items():
            mine = survivor["offices"].setdefault(key, office)
            if mine is not office:
                mine["releases"] += office["releases"]
                mine["first_seen"] = min(filter(None, (mine["first_seen"], office["first_seen"])), default=None)
                mine["last_seen"] = max(filter(None, (mine["last_seen"], office["last_seen"])), default=None)
        cached = getattr(self.of_mention, "cache", self.of_mention)  # a Stored table: the mentions in memory
        for mention, person_id in list(cached.items()):
            if person_id == gone:
                self.of_mention[mention] = keep
        self.reassigned.append((gone, keep))  # the state rewrites the stored ones
        self.changed_releases.update(old["releases"])
        return keep


def _lone_family(person: Mention) -> str | None:
    """A Latin name of one token ('Modi', 'Secretary Rubio' read as 'Rubio'), lowercased; else None."""
    forms = [f for f in (person.name_en, person.name) if f and names.script(f) == "latin"]
    tokens = names.latin_tokens(forms[0]) if forms else []
    return tokens[0] if len(tokens) == 1 and len(tokens[0]) >= 4 else None


def _family_tokens(person: Mention) -> set[str]:
    """The first and last tokens of a participant's Latin full name (the family name is one of them)."""
    out: set[str] = set()
    for form in (person.name_en, person.name):
        if form and names.script(form) == "latin":
            tokens = names.latin_tokens(form)
            if len(tokens) >= 2:
                out |= {tokens[0], tokens[-1]}
    return out


def _held(entry: dict[str, Any], level: str, report: Report | None) -> bool:
    """Whether a person held an office of ``level`` within a year of the report's date."""
    for office in entry["offices"].values():
        if office["level"] != level:
            continue
        if report is None or not report.date or not office["first_seen"]:
            return True
        day = dt.date.fromisoformat(report.date)
        first = dt.date.fromisoformat(office["first_seen"]) - dt.timedelta(days=366)
        last = dt.date.fromisoformat(office["last_seen"] or office["first_seen"]) + dt.timedelta(days=366)
        if first <= day <= last:
            return True
    return False
