"""After the leads: surname-only mentions in the body (``船越次官から``) linked to a participant or made one,
full names recovered from context, people merged from lists, and roles (host / counterpart / attendee).
"""

from __future__ import annotations

import functools
import re

from pressbot.extract import vocab
from pressbot.extract.countries import (
    JA_WORD,
    JA_WORDS,
)
from pressbot.extract.participants.common import _JA_SHORT_TITLE, _KATAKANA
from pressbot.models import Participant, Role

# '船越次官から': a surname (not the tail of a longer word) and a short office.
_SURNAME_MENTION = re.compile(
    r"(?<![\u4e00-\u9fff\u30a0-\u30ff])([\u4e00-\u9fff]{1,3}|"
    + _KATAKANA
    + r"{2,10})("
    + _JA_SHORT_TITLE
    + r")(?=から|より|は|が|に|と|の|も)"
)
_SHORT_TITLE_AT = re.compile(_JA_SHORT_TITLE + r"(?=から|より|は|が|に|と|の|も)")
# '船越次官から謝意を表明' / '船越次官から、…と述べました': someone who spoke in the meeting.
_SPOKE = re.compile(r"(?:から|より)、?[^。]{0,80}?(?:謝意|感謝|説明|発言|言及|述べ|表明|紹介|強調|提起|伝達|歓迎)")


# Where _SURNAME_MENTION can start: a kanji or katakana character ('=', '＝' are katakana to _KATAKANA too) that
# follows none, as its lookbehind demands. Every other place fails its first test, so skipping them is exact.
_SURNAME_START = re.compile(r"(?<![\u4e00-\u9fff\u30a0-\u30ff])[\u4e00-\u9fff\u30a0-\u30ff=＝]")
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_JA_NOT_NAME = frozenset(vocab.words("names", "ja", "not_a_name"))


def link_mentions(people: list[Participant], body: str, home: str | None, language: str) -> list[Participant]:
    """Attach surname-only mentions ('船越次官'); create a participant when the body is all we have."""
    if language != "ja":
        return people
    owners: dict[str, Participant | None] = {}  # surname → the first person it names, while `people` is unchanged
    for found in _SHORT_TITLE_AT.finditer(body):
        # Find the office first (a cheap literal search), then the surname just before it.
        mention_parts = _surname_before(*_office_window(body, found))
        if mention_parts is None:
            continue
        surname, office, mention = mention_parts
        if surname in _JA_NOT_NAME:
            continue  # '両大臣から': the two ministers, no one's surname
        if surname not in owners:
            owners[surname] = next((p for p in people if _same_person(p, surname)), None)
        owner = owners[surname]
        if owner is not None:
            if (
                mention != owner.name
                and mention not in owner.mentions
                and not (owner.title and mention.endswith(owner.title) and mention == owner.name + owner.title)
            ):
                owner.mentions.append(mention)
            continue
        if _SPOKE.match(body, found.end()):  # the mention ends where the office found does
            people.append(Participant(name=surname, title=office, country=home, mentions=[mention]))
            owners.clear()  # the new person may own a surname that had none
    return people


def _office_window(body: str, office: re.Match[str]) -> tuple[str, int, int]:
    """The text around an office that _surname_before reads, and where the office lies in it.

    That is from the character before the earliest start (10 before the office) to the particle after the office
    (at most two characters): no surname or office takes in that particle's first character, a hiragana.
    """
    start = max(office.start() - 11, 0)
    return body[start : office.end() + 2], office.start() - start, office.end() - start


# A window reads the same wherever it is, and windows such as '。両外相は、' recur within and across pages.
@functools.lru_cache(maxsize=4096)
def _surname_before(window: str, office_start: int, office_end: int) -> tuple[str, str, str] | None:
    """'船越次官': surname, office and mention ending with the office found, starting at most 10 characters before it.

    The earliest start wins, and a start counts only if _SURNAME_MENTION's own match there ends with the office.
    """
    for start in _SURNAME_START.finditer(window, max(office_start - 10, 0), office_start):
        match = _SURNAME_MENTION.match(window, start.start())
        if match is not None and match.end() == office_end:
            return match.group(1, 2, 0)
    return None


def _same_person(person: Participant, surname: str) -> bool:
    name = person.name
    if name == surname or (len(surname) >= 1 and name.startswith(surname) and _KANJI.match(name)):
        return True
    # 'ル・ドリアン外相' for 'ジャン=イヴ・ル・ドリアン': the last words of a katakana name
    return "・" in name and (surname in name.split("・") or name.endswith("・" + surname))


def resolve_from_context(people: list[Participant], texts: list[str], home: str | None) -> list[Participant]:
    """'ウォン外務大臣' in the lead, 'ペニー・ウォン・オーストラリア外務大臣' a sentence earlier: one foreign person."""
    context = "\n".join(texts)
    for person in people:
        if person.country not in (None, home) or not re.fullmatch(_KATAKANA + "+", person.name):
            continue
        at = context.find(person.name + "・")
        country = JA_WORD.match(context, at + len(person.name) + 1) if at >= 0 else None
        if country is None or JA_WORDS[country.group(0)] == home:
            continue
        full = _KATAKANA_NAME_BEFORE.search(context, 0, at + len(person.name))
        if full is not None and full.end() == at + len(person.name) and full.group(0) != person.name:
            person.mentions.append(person.name + (person.title or ""))
            person.name = full.group(0)
        person.country = JA_WORDS[country.group(0)]
    return people


_KATAKANA_NAME_BEFORE = re.compile(r"(?:[\u30a0-\u30ffー]+・)*[\u30a0-\u30ffー]+$")


def assign_roles(people: list[Participant], home: str | None) -> list[Participant]:
    """First home-side person hosts; the first of each other country is a counterpart; the rest attend."""
    seen: set[str | None] = set()
    if people and (home is None or not any(p.country == home for p in people)):
        home = people[0].country  # no publisher's side known or present: the one listed first (the subject)
    for person in people:
        if person.country == home and home not in seen:
            person.role = Role.host
        elif person.country not in seen and person.country != home:
            person.role = Role.counterpart
        else:
            person.role = Role.attendee
        seen.add(person.country)
    return people


def merge_people(people: list[Participant], more: list[Participant]) -> list[Participant]:
    """Add people from lists; one already known by a longer name ('岩屋毅' for '岩屋大臣') gets a mention."""
    for person in more:
        owner = next((p for p in people if p.name == person.name or _same_person(p, person.name)), None)
        if owner is None:
            people.append(person)
            continue
        mention = person.name + (person.title or "")
        if owner.name != person.name and mention not in owner.mentions:
            owner.mentions.append(mention)
        for field in ("reading", "name_en", "honorific", "title_en"):
            if getattr(owner, field) is None and getattr(person, field) is not None:
                setattr(owner, field, getattr(person, field))
    return people
