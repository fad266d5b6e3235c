"""What linking reads from one release record: a ``Report`` (its date, countries, level, mode, participants with
their name keys, and whether it reports a meeting or is only ``about`` one).

Accepts a ``pressbot.models.Release`` or its JSON dict; reads record fields only (never the page). A report
stores to and loads from plain JSON, so the link state needs no release file to be read again.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from pressbot.link import names
from pressbot.link.levels import ko_countries, level_of

# A title that names a meeting (used when the extractor gave no meeting: e.g. Korean-language pages today).
_MEETING_WORD = re.compile(
    r"会談|会合|協議|電話会談|テレビ会議|表敬|회담|협의회|협의|회의|통화|접견|면담|"
    r"(?<![A-Za-z])(?:Meeting|Talks?|Call|Consultations?|Dialogue|Summit|Conference)(?![A-Za-z])",
    re.I,
)
# …and words that make a release a statement, briefing or announcement about one, not a report of it.
_ABOUT_WORD = re.compile(
    r"談話|声明|記者会見|会見|予定|訪問について|발표문|성명|브리핑|예정|"
    r"(?<![A-Za-z])(?:Statement|Press Conference|Briefing|Remarks|to Host|to Travel|Travel to|Upcoming|Will)"
    r"(?![A-Za-z])",
    re.I,
)
_TELEPHONE = re.compile(r"電話|통화|telephone|phone|(?<!courtesy )(?<![A-Za-z])call(?![A-Za-z])(?! on)", re.I)
# A lead sentence that tells of a meeting held (for releases whose title the extractor could not read).
_LEAD_MEETING = re.compile(
    r"会談|会合|協議|表敬|회담|면담|접견|통화|만나|"
    r"(?<![A-Za-z])(?:met|meets|meeting|held talks|talks with|spoke|telephone|phone|dialogue)(?![A-Za-z])",
    re.I,
)
_LEAD_ABOUT = re.compile(r"予定|예정|(?<![A-Za-z])(?:will|to visit|to travel|plans to|is set to)(?![A-Za-z])", re.I)
_MONTHS = {m: n for n, ms in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], 1) for m in ms}  # fmt: skip
_NUMERIC_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?[-/.年년]\s?(\d{1,2})\s?[-/.月월]\s?(\d{1,2})(?!\d)")
_EN_DATE = re.compile(r"(?<![A-Za-z])(" + "|".join(_MONTHS) + r")\.? (\d{1,2}),? ((?:19|20)\d\d)(?!\d)", re.I)
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")
TEXT_CHARS = 6000  # of title and body kept for name mentions
_VIDEO = re.compile(r"テレビ会議|テレビ会談|화상|video", re.I)
_SITE_COUNTRY_PREFIX = {"kr_": "KR", "mofa_": "JP", "us_": "US", "j_defense": "JP"}


@dataclass
class Mention:
    """One participant as one report names them."""

    index: int
    name: str
    name_en: str | None = None
    reading: str | None = None
    title: str | None = None
    title_en: str | None = None
    country: str | None = None
    role: str | None = None
    mentions: list[str] = field(default_factory=list)

    def forms(self) -> list[str]:
        """Every surface form this participant carries (name, English name, reading), distinct, in that order."""
        return list(dict.fromkeys(f for f in (self.name, self.name_en, self.reading) if f))

    def keys(self) -> frozenset[str]:
        return _keys(self.name, self.name_en, self.reading)

    def skeletons(self) -> frozenset[str]:
        return _skeletons(self.name, self.name_en, self.reading)

    def needles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for f in (self.name, self.name_en) if f for n in names.text_needles(f)))

    def level(self) -> str | None:
        return level_of(self.title_en) or level_of(self.title)


@functools.lru_cache(maxsize=65536)
def _keys(name: str, name_en: str | None, reading: str | None) -> frozenset[str]:
    keys = set(names.name_keys(name))
    if name_en:
        keys |= names.name_keys(name_en)
    if reading:
        keys |= names.reading_keys(reading)
    return frozenset(keys)


@functools.lru_cache(maxsize=65536)
def _skeletons(name: str, name_en: str | None, reading: str | None) -> frozenset[str]:
    out: set[str] = set()
    for form in (name, name_en, reading):
        if form:
            out |= names.skeleton_keys(form)
    return frozenset(out)


@dataclass
class Report:
    """One release, as linking sees it."""

    release_id: str
    site: str
    language: str
    url: str | None
    publisher_country: str | None
    kind: str
    relation: str  # report | about
    basis: str  # meeting (the extractor read a meeting) | title (read from the title and the published date)
    date: str | None  # ISO local date of the meeting (or the published date)
    countries: list[str]
    level: str | None
    mode: str
    name: str | None
    title: str
    published: str | None
    participants: list[Mention] = field(default_factory=list)
    date_basis: str = "meeting"  # meeting | published | text (a date found in the text or the URL)
    text: str = ""  # title and the start of the body, NFKC and lowercased: where names are looked for

    def day(self) -> dt.date | None:
        return dt.date.fromisoformat(self.date) if self.date else None

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)  # flat fields; dataclasses.asdict would deep-copy every string
        data["participants"] = [dict(m.__dict__) for m in self.participants]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        data = dict(data)
        data["participants"] = [Mention(**m) for m in data.get("participants", [])]
        return cls(**data)


def publisher_country(site: str, url: str | None = None) -> str | None:
    """Which side published: the site's country (``pressbot.sites``), else guessed from the site name's prefix."""
    try:
        from pressbot.sites import SITES

        if site in SITES and SITES[site].country:
            return SITES[site].country
    except ImportError:  # pragma: no cover - the registry is part of the package
        pass
    for prefix, country in _SITE_COUNTRY_PREFIX.items():
        if site.startswith(prefix):
            return country
    return None


def _title_countries(title: str, language: str) -> list[str]:
    """Countries a title names, for releases with no meeting read (the extractor's tables for ja and en)."""
    from pressbot.extract import countries as vocab

    if language == "ko":
        return ko_countries(title)
    if language == "ja":
        found = []
        for part in re.split(r"[\s　（）()「」]", title):
            found += vocab.compound_countries(part)
        return list(dict.fromkeys(found))
    return list(dict.fromkeys(vocab.countries_in_en(title)))


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def text_date(text: str, url: str | None) -> str | None:
    """The first full date written in the text (``2023-07-28``, ``2023年7月28日``, ``2023년 7월 28일``,
    ``July 28, 2023``), else one in the URL (``/20211124/``, ``/2021/11/24/``)."""
    found: list[tuple[int, str]] = []
    for match in _NUMERIC_DATE.finditer(text):
        if day := _valid(*match.groups()):
            found.append((match.start(), day))
            break
    for match in _EN_DATE.finditer(text):
        if day := _valid(match.group(3), str(_MONTHS[match.group(1).lower()]), match.group(2)):
            found.append((match.start(), day))
            break
    if found:
        return min(found)[1]
    for match in _URL_DATE.finditer(url or ""):
        if day := _valid(*match.groups()):
            return day
    return None


def _lead(body: str) -> str:
    """The first sentence or line of the body that is not a date line or a caption."""
    for line in body.splitlines():
        line = line.strip()
        if len(line) > 40:
            return re.split(r"(?<=[.。])\s", line, maxsplit=1)[0]
    return ""


def _get(record: Any, key: str) -> Any:
    return record.get(key) if isinstance(record, dict) else getattr(record, key, None)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.value if hasattr(value, "value") else str(value)


def report_from(record: Any) -> Report:
    """A Report from a Release (model or JSON dict)."""
    site = _get(record, "site") or str(_get(record, "id")).split(":", 1)[0]
    url = _get(record, "url")
    kind = _text(_get(record, "kind")) or "other"
    title = _get(record, "title") or ""
    language = _text(_get(record, "language")) or "en"
    published = _text(_get(record, "published"))
    meeting = _get(record, "meeting")
    publisher = publisher_country(site, url)
    body = _get(record, "body") or ""
    lead = _lead(body)
    participants: list[Mention] = []
    if meeting is not None and kind in ("meeting", "telephone_talk"):
        relation, basis = "report", "meeting"
    elif kind in ("meeting", "telephone_talk", "other") and not _ABOUT_WORD.search(title):
        if _MEETING_WORD.search(title) or (_LEAD_MEETING.search(lead) and not _LEAD_ABOUT.search(lead)):
            relation, basis = "report", "title"
        else:
            relation, basis = "about", "title"
    else:
        relation, basis = "about", "meeting" if meeting is not None else "title"
    text = names.text_of(names.nfkc(f"{title}\n{body}"[:TEXT_CHARS]).lower())
    if meeting is not None:
        date = _text(_get(meeting, "date"))
        countries = sorted(set(_get(meeting, "countries") or []))
        mode = _text(_get(meeting, "mode")) or "in_person"
        name = _get(meeting, "name")
        for index, person in enumerate(_get(meeting, "participants") or []):
            participants.append(
                Mention(
                    index=index,
                    name=_get(person, "name") or "",
                    name_en=_get(person, "name_en"),
                    reading=_get(person, "reading"),
                    title=_get(person, "title"),
                    title_en=_get(person, "title_en"),
                    country=_get(person, "country"),
                    role=_text(_get(person, "role")),
                    mentions=list(_get(person, "mentions") or []),
                )
            )
    else:
        date, name, countries = None, None, []
        mode = "telephone" if _TELEPHONE.search(title) else "video" if _VIDEO.search(title) else "in_person"
        if basis == "title" and not _MEETING_WORD.search(title) and _TELEPHONE.search(lead):
            mode = "telephone"
    date_basis = "meeting"
    if date is None:
        date, date_basis = published, "published"
    if date is None:
        date, date_basis = text_date(f"{title}\n{body[:1500]}", url), "text"
    if len(countries) < 2:  # what the title and the lead name, with the publisher and the participants' countries
        seen = set(countries) | set(_title_countries(title, language)) | set(_title_countries(lead, language))
        seen |= {p.country for p in participants if p.country} | ({publisher} if publisher else set())
        if len(seen) >= 2 or relation == "about":
            countries = sorted(seen)
        elif relation == "report" and meeting is None:
            countries = []
    level = level_of(name) or level_of(title) or _participant_level(participants)
    return Report(
        release_id=str(_get(record, "id")),
        site=site,
        language=language,
        url=url,
        publisher_country=publisher,
        kind=kind,
        relation=relation,
        basis=basis,
        date=date,
        countries=countries,
        level=level,
        mode=mode,
        name=name,
        title=title,
        published=published,
        participants=participants,
        date_basis=date_basis,
        text=text,
    )


def _participant_level(participants: list[Mention]) -> str | None:
    """The level most participants' offices name (hosts count twice), when neither name nor title names one."""
    votes: dict[str, int] = {}
    for person in participants:
        level = person.level()
        if level:
            votes[level] = votes.get(level, 0) + (2 if person.role == "host" else 1)
    return max(sorted(votes), key=lambda k: votes[k]) if votes else None
