"""Participants of English leads: the subject and the ``with …`` object of the meeting sentence, read in three shapes
(honorific first, name then office, office first) with the country from an adjective, the office or the site.
"""

from __future__ import annotations

import itertools
import re

from pressbot.extract import vocab
from pressbot.extract.countries import (
    countries_in_en,
    country_in_en,
)
from pressbot.extract.participants.common import (
    _HON,
    _SPOKESPERSON,
    HONORIFIC,
    _dedupe,
    _honorific,
    _plain_name,
    _words_after_boundary,
)
from pressbot.extract.text import Guarded
from pressbot.models import Participant

# English offices (title before name: "Deputy Secretary of State Christopher Landau").
_EN_OFFICE_HEAD = "(?:(?:" + vocab.alternation(vocab.words("offices", "en", "head")) + r")\s+){0,4}"
_EN_OFFICE_CORE = "(?:" + vocab.alternation(vocab.words("offices", "en", "core")) + ")"
_EN_OFFICE_TAIL = (
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:"
    + vocab.alternation(vocab.words("offices", "en", "portfolios"))
    + r"|[A-Z][a-z]+(?:\s+(?:and|of)\s+[A-Z][a-z]+)?)(?:\s+(?:for|of)\s+(?:the\s+)?(?:(?:"
    + vocab.alternation(vocab.words("offices", "en", "state_forms"))
    + r")\s+(?:the\s+)?)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)??)?"
    + r"|\s+to\s+(?:"  # 'Ambassador to the United States'
    + vocab.alternation(vocab.words("offices", "en", "posts"))
    + r"|[A-Z][a-z]+))?"
)
_EN_ADJ = (
    r"(?:(?:the\s+)?(?:"
    + vocab.alternation(vocab.words("countries", "en_adjectives", "words"))
    + r"|[A-Z][a-z]+ese|[A-Z][a-z]+ian)\s+)"
)
_NAME_REST = r"[^\W\d_]*(?:['’\-][^\W\d_]+)*[^\W\d_]"  # letters of any script: 'Andrés', 'Yoon-joo'
_NAME_WORD = r"[A-Z]" + _NAME_REST
# Lower-case words inside a name ('bin', 'del'), and a bare or dotted initial before one ('S Jaishankar').
_PARTICLE = r"(?:" + vocab.alternation(vocab.words("names", "en", "particles")) + r")"
_INITIAL = r"(?:[A-Z]\.?\s)"
_COURTESY_FIRST = r"(?:(?:" + vocab.alternation(vocab.words("honorifics", "en", "courtesy")) + r")\.?\s+)?"
_NOT_NAME = frozenset(vocab.words("names", "en", "not_a_name"))
# Every honorific, country adjective and office above starts with a capital letter or 'the': checking the first
# character before the long alternations rules out only places where none of them could start.
_CAPITAL_OR_THE = r"(?=[A-Zt])"
_EN_TITLE_FIRST = re.compile(
    _CAPITAL_OR_THE
    + r"(?P<adj>"
    + _EN_ADJ
    + r")?(?P<title>(?:"  # 'Deputy Prime Minister and Minister of Foreign Affairs of …': two offices, one person
    + _EN_OFFICE_HEAD
    + _EN_OFFICE_CORE
    + r"\s+and\s+)?"
    + _EN_OFFICE_HEAD
    + _EN_OFFICE_CORE
    + _EN_OFFICE_TAIL
    + r")\s+"
    + _COURTESY_FIRST
    + r"(?P<name>"
    + _NAME_WORD
    + r",\s"
    + _NAME_WORD
    + r"|"
    + _INITIAL
    + r"?"
    + _NAME_WORD
    + r"(?:\s(?:[A-Z]\.\s)?(?:"
    + _PARTICLE
    + r"\s)?"
    + _NAME_WORD
    + r"){0,4})"
)


# Each rule below opens with what it consumes first and checks the word boundary behind it ('his(?<!\w...)' for
# '\bhis'): re then scans for its first characters in C instead of trying the whole pattern at every position
# (a rule that opens with an assertion is tried at every position of a lead; this saves ~1,300 instructions per
# English page).
# 'his Chinese counterpart Wang Yi', 'her Mongolian counterpart, Batsumber Munkhjin'
_COUNTERPART_TAIL = (
    r"(?P<adj>"
    + _EN_ADJ
    + r")counterparts?,?\s+(?P<name>"
    + _INITIAL
    + r"?"
    + _NAME_WORD
    + r"(?:\s(?:[A-Z]\.\s)?"
    + _NAME_WORD
    + r"){0,2})"
)
_EN_COUNTERPART = re.compile(
    r"(?:"
    + _words_after_boundary(["his", "her", "their", "with", "and", "met"])
    + r")\s+(?:new\s+)?"
    + _COUNTERPART_TAIL
)
# 'met with Japanese counterpart Sato Ken': the object of the meeting sentence opens with the adjective.
_EN_COUNTERPART_OPENING = re.compile(r"\s*" + _COUNTERPART_TAIL)
# 'Wang Yi, Member of the Political Bureau … and Minister of Foreign Affairs of the People's Republic of China'
_EN_NAME_THEN_TITLE = re.compile(
    r"(?P<name>[A-Z](?<![\w,] .)(?<!\w.)" + _NAME_REST + r"(?:\s(?:[A-Z]\.\s)?" + _NAME_WORD + r"){1,2}),\s+"
    r"(?P<title>[A-Z][^;()]{0,120}?\b" + _EN_OFFICE_CORE + r"\b[^;()]*?)(?=,\s|;|\.\s|\.$|\)|$)"
)
# An office in apposition after a title-first name: ', Secretary of State for Defence of the United Kingdom'.
_APPOSITIVE = re.compile(
    r",\s+(?:the\s+)?(?P<title>"
    + _EN_OFFICE_HEAD
    + _EN_OFFICE_CORE
    + _EN_OFFICE_TAIL
    + r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})?)(?=,|;|\.\s|\.$|\)|$)"
)
_EN_HONORIFIC_FIRST = re.compile(
    _CAPITAL_OR_THE
    + r"(?P<hon>"
    + HONORIFIC
    + r")\s*(?P<name>(?:[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*\.?,?\s|"
    + _PARTICLE
    + r"\s){0,5}[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*[^\W\d_])"
    r"(?:,\s*(?P<title>[^,;()]+?(?:,\s*(?:Commonwealth|Republic|Kingdom|State|People)[^,;()]*?)?))?"
    r"(?=,|\.\s|\.$|\)|;|\s+and\s+(?=" + HONORIFIC + r"|the\s)|\s+(?:held|met|had|hosted|visited|paid|received|"
    r"on|at|in|who|to)\b|$)"
)


# '(?<=[a-z\d)]{2}[.!?])\s+(?=[A-Z(\[])', with the first space taken before the lookbehind: a pattern that opens
# with a lookbehind is tried at every character, one that opens with a class only where the class matches.
# No sentence ends after an abbreviated honorific ('Hon. John Carter', 'Mrs. Anna Berg'): each one is a lookbehind.
_ABBREVIATIONS = sorted(
    {
        word.split()[-1]
        for word in [*_HON["styles"], *_HON["plain"], *(w + "." for w in _HON["courtesy"])]
        if word.endswith(".")
    }
)
_NOT_AFTER_ABBREVIATION = "".join(r"(?<!\b" + re.escape(w) + r")" for w in _ABBREVIATIONS)
# A copy that lost the space after a full stop ('early this year.Foreign Minister …') still ends a sentence there.
_SENTENCE_END = re.compile(
    r"\s(?<=[a-z\d)]{2}[.!?]\s)(?<=(?:.." + _NOT_AFTER_ABBREVIATION + r")\s)\s*(?=[A-Z(\[])"
    r"|\.(?<=[a-z]{3}\.)(?=[A-Z][a-z])"
)


_EN_VERB_WORDS = tuple(vocab.words("names", "en", "meeting_verbs"))
_EN_VERB = re.compile(r"(?:" + _words_after_boundary(_EN_VERB_WORDS) + r")\b")  # '\b(?:met|meets|…)\b'
_WITH = re.compile(_words_after_boundary(["with"]) + r"\b")  # '\bwith\b'
# Where the "with …" phrase of a lead ends: the place, the purpose, the time.
# The three branches open with a space, a space and '.' or ';': that character is taken first (so re scans for it)
# and each branch checks behind it which one it is, in the order they were written.
_EN_OBJECT_END = re.compile(
    r"[\s.;](?:(?<=\s)(?:in|at|on|during|ahead of|before|after|via|where|as part of)\s|(?<=\s)(?:for|"
    + "".join(r"(?<!" + re.escape(word) + r"\s)" for word in vocab.words("offices", "en", "posted"))
    + r"to)\s(?![A-Z])"
    r"|(?<=[a-z\d]{2}[.;])" + _NOT_AFTER_ABBREVIATION + r"(?:\s|$))"
)


def en_lead_participants(lead: str, home: str | None) -> list[Participant]:
    """Participants of an English lead: the subject and the 'with …' object of its meeting sentence.

    Leaders only mentioned elsewhere in the sentence ('since President Trump returned') are left out.
    """
    lead = _drop_attribution(lead)
    sentences = [s for s in _SENTENCE_END.split(lead) if _EN_VERB.search(s)]
    # the first meeting sentence that names someone ('The two met … this year.' names nobody)
    for sentence in sentences[:3]:
        people = _en_sentence_people(sentence, home)
        if people:
            return people
    return _en_sentence_people(lead if not sentences else sentences[0], home)


def _en_sentence_people(sentence: str, home: str | None) -> list[Participant]:
    """The subject and the 'with …' object of one meeting sentence."""
    verb = _EN_VERB.search(sentence)
    if verb is None:
        return _en_people(sentence, home)
    subject = sentence[: verb.start()]
    rest = sentence[verb.end() :]
    with_at = _WITH.search(rest)
    obj = rest[with_at.end() :] if with_at else rest
    end = _EN_OBJECT_END.search(obj)
    obj = obj[: end.start()] if end else obj
    guests = _en_people(obj, None)
    for previous, person in itertools.pairwise(guests):
        # 'Japanese Prime Minister Ishiba Shigeru and Foreign Minister Iwaya Takeshi': one adjective, two people
        person.country = person.country or previous.country
    return _dedupe(_en_people(subject, home) + guests) or _en_people(sentence, home)


def _en_people(lead: str, home: str | None) -> list[Participant]:
    """People named in a stretch of English text, in order of appearance."""
    found: list[tuple[int, Participant]] = []
    taken = bytearray(len(lead) + 1)  # 1 where an earlier shape's match covers the character: O(1) per look-up
    untitled: dict[int, Participant] = {}  # honorific-first people with no office after the name, by start
    for match in _EN_HONORIFIC_FIRST.finditer(lead):
        honorific = _honorific(match.group("hon"))
        name = match.group("name").strip().rstrip(",")
        name, _, title = _fix_comma_name(name, match.group("title"))
        if not _plausible_name(name) or (honorific in ("Ambassador",) and not title):
            continue
        if title and _SPOKESPERSON.search(title):
            continue
        country = country_in_en(title) if title else None
        found.append(
            (
                match.start(),
                Participant(
                    name=name,
                    name_en=_plain_name(name),
                    honorific=honorific,
                    title_en=title,
                    title=title,
                    country=country,
                ),
            )
        )
        _take(taken, match.start(), match.end())
        if not title:
            untitled[match.start()] = found[-1][1]
    opening = _EN_COUNTERPART_OPENING.match(lead)
    for match in [*([opening] if opening else []), *_EN_COUNTERPART.finditer(lead)]:
        name = _trim_name(match.group("name"))
        if name and _plausible_name(name):
            country = (countries_in_en(match.group("adj")) or [None])[0]
            found.append((match.start(), Participant(name=name, name_en=_plain_name(name), country=country)))
            _take(taken, match.start(), match.end())
    for match in _EN_NAME_THEN_TITLE.finditer(lead):
        if taken[match.start()]:
            continue
        name, title = match.group("name"), re.sub(r"\s+", " ", match.group("title")).strip(" ,")
        if not _plausible_name(name) or _SPOKESPERSON.search(title) or any(w in _NOT_NAME for w in name.split()):
            continue
        found.append(
            (
                match.start(),
                Participant(
                    name=name,
                    name_en=_plain_name(name),
                    title=title,
                    title_en=title,
                    country=country_in_en(title),
                ),
            )
        )
        _take(taken, match.start(), match.end())
    for match in _EN_TITLE_FIRST.finditer(lead):
        name = _trim_name(match.group("name"))
        title = re.sub(r"\s+", " ", match.group("title")).strip()
        adjective = (match.group("adj") or "").strip()
        country = (countries_in_en(adjective) or [None])[0] or country_in_en(title) or _office_country(title)
        if taken[match.start("name")]:
            # 'External Affairs Minister Dr. S. Jaishankar': the office before an honorific-first name is its own
            person = next((p for at, p in untitled.items() if match.end("title") < at <= match.start("name")), None)
            if person is not None and not _SPOKESPERSON.search(title):
                person.title = person.title_en = title
                person.country = country
            continue
        if not name or not _plausible_name(name) or _SPOKESPERSON.search(title):
            continue
        if re.match(r"\s*(?:’s|'s)\b", lead[match.end() :]):
            continue  # 'President Trump's commitment': a mention, not a participant
        name_end = match.start("name") + len(name) if match.group("name").startswith(name) else match.end()
        appositive = _APPOSITIVE.match(lead, name_end)
        if appositive:  # 'Secretary Healey, Secretary of State for Defence of the United Kingdom'
            title = re.sub(r"\s+", " ", appositive.group("title")).strip(" ,")
            country = country_in_en(title) or country
        found.append(
            (
                match.start(),
                Participant(name=name, name_en=_plain_name(name), title=title, title_en=title, country=country),
            )
        )
        _take(taken, match.start(), match.end())
    people = _dedupe([p for _, p in sorted(found, key=lambda pair: pair[0])])
    for person in people:
        # An office with no country word is the publisher's own ('First Vice Foreign Minister' on the ROK site).
        person.country = person.country or home
    return people


def _take(taken: bytearray, start: int, end: int) -> None:
    """Mark ``lead[start:end]`` as read by a shape, so later shapes skip names inside it."""
    taken[start:end] = b"\x01" * (end - start)


# Offices that name their country by themselves ("Secretary of State": only the United States has one).
_COUNTRY_OFFICES: dict[str, str] = dict(vocab.load("offices")["en"]["country"])


def _office_country(title: str) -> str | None:
    """The country an office names by itself (offices.toml [en.country]), or None."""
    return _COUNTRY_OFFICES.get(title)


_ATTRIBUTION = Guarded(re.compile(r"^.*?\battributable to\b[^:]*:\s*", re.I | re.S), ("attributable to",))


def _drop_attribution(text: str) -> str:
    """'The below is attributable to Spokesperson X:' names the speaker, not a participant."""
    return _ATTRIBUTION.sub("", text)


def _fix_comma_name(name: str, title: str | None) -> tuple[str, str, str | None]:
    if title and re.fullmatch(r"[A-Z][\w'’-]+", name) and re.fullmatch(r"[A-Z][\w'’-]+", title.strip()):
        return f"{name}, {title.strip()}", "", None
    return name, "", title.strip() if title else None


def _trim_name(name: str) -> str:
    words = name.replace(",", " ,").split()
    kept: list[str] = []
    for word in words:
        if word.strip(",") in _NOT_NAME:
            break
        kept.append(word)
    return " ".join(kept).replace(" ,", ",").strip(", ")


def _plausible_name(name: str) -> bool:
    words = [w.strip(",") for w in name.split()]
    return bool(words) and not all(w in _NOT_NAME for w in words) and words[0] not in _NOT_NAME


def en_add_from_title(people: list[Participant], title: str, home: str | None) -> list[Participant]:
    """People the title names that the lead did not ('PM Modi holds bilateral with Japanese counterpart Kishida'); a
    lead that gave only a surname ('Kishida') takes the title's fuller name."""
    for person in en_lead_participants(title, home):
        words = set(person.name.replace(",", " ").split())
        known = next((p for p in people if words & set(p.name.replace(",", " ").split())), None)
        if known is None:
            people.append(person)
        elif len(person.name) > len(known.name) and known.name in person.name:
            known.name, known.name_en = person.name, person.name_en
            known.country = known.country or person.country
    return people
