"""Participants of Korean leads and titles: ``NAME(English) COUNTRY OFFICE`` before a particle.

ROK releases and the papers that copy them write each person as a name, an optional gloss in parentheses (the
English or Hanja name), an optional country word (``인도``, or a marker such as ``日``) and an office ending in a
core word (``장관``, ``제1차관``, ``관방장관``): ``수브라마냠 자이샨카르(Subrahmanyam Jaishankar) 인도 외교장관과``,
``조태열 외교부 장관과``, ``하야시 日 관방장관 면담``. The name runs back from the office over Hangul words until
one ends in a particle or verb ending (``따르면``, ``중인``) or is a word that never names (``양``, ``신임``).
"""

from __future__ import annotations

import re

from pressbot.extract import vocab
from pressbot.extract.countries import KO, KO_WORD, word_alternation
from pressbot.extract.participants.common import _dedupe
from pressbot.models import Participant

_OFFICES = vocab.load("offices")["ko"]
_CORE = "(?:" + word_alternation(_OFFICES["cores"]) + ")"
_PART = "(?:" + vocab.alternation(sorted(_OFFICES["parts"], key=len, reverse=True)) + ")"
_COUNTRY = "(?:" + KO_WORD.pattern + ")"
_NOT_NAME = frozenset(vocab.words("names", "ko", "not_a_name"))
_NOT_NAME_END = tuple(vocab.words("names", "ko", "not_name_endings"))

# Up to five Hangul words, an optional gloss and closing quote, then the office (parts and country words, then a
# core) and what may follow an office: a particle, a comma, a parenthesis, a space or the end.
_PERSON = re.compile(
    r"(?<![\uac00-\ud7a3])(?P<name>(?:[\uac00-\ud7a3]{1,10} ){0,5}?[\uac00-\ud7a3]{1,10})"
    r"(?:\((?P<gloss>[^()]{1,80})\)[」』’'\"?]?\s*|[」』’'\"?]?\s+)"
    r"(?P<office>(?:(?:" + _PART + "|" + _COUNTRY + r")\s*){0,4}" + _CORE + r")"
    r"(?=[은는이가과와을를의께도,(\s·]|$)"
)
_PARTS = frozenset(_OFFICES["parts"])
_LATIN = re.compile(r"[A-Za-z]")
_PARTICLE_END = tuple("은는을를에와과의서")
_NAME_PARTICLES = frozenset(vocab.words("names", "ko", "particles"))
# The office before the name: '싱가포르 외교장관 비비안 발라크리슈난(Vivian Balakrishnan)과' (a Latin gloss required)
_OFFICE_FIRST = re.compile(
    r"(?<![\uac00-\ud7a3])(?P<office>(?:" + _COUNTRY + r")\s*(?:(?:" + _PART + r")\s*){0,3}" + _CORE + r")\s+"
    r"(?P<name>(?:[\uac00-\ud7a3]{1,10} ){0,4}[\uac00-\ud7a3]{2,10})\((?P<gloss>[^()]*[A-Za-z][^()]*)\)"
    r"(?=[은는이가과와을를의께도,\s]|$)"
)


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """The words of a name, and the office words the name's run took in ('조태열 외교부' + '장관').

    A name runs back from the office to the first word that never names, is a country, or ends in a particle or
    verb ending; the word right before the office may end in any syllable ('파리야', '문재인') but a particle.
    """
    office: list[str] = []
    while words and (words[-1] in _PARTS or words[-1] in KO):
        office.insert(0, words.pop())
    kept: list[str] = []
    for word in reversed(words):
        if word in _NOT_NAME or word in KO or word.endswith(_NOT_NAME_END if kept else _PARTICLE_END):
            break
        kept.append(word)
        if len(word) == 1 and word not in _NAME_PARTICLES:
            break  # a one-syllable word opens a name ('안 린데'); inside one it is a particle ('빈', '폰')
    return list(reversed(kept)), office


def ko_people(text: str, home: str | None) -> list[Participant]:
    """People named in a stretch of Korean text, in order."""
    people: list[Participant] = []
    taken: list[tuple[int, int]] = []
    for match in _OFFICE_FIRST.finditer(text):
        office = re.sub(r"\s+", " ", match.group("office")).strip()
        country_word = KO_WORD.match(office)
        country = KO[country_word.group(0)] if country_word else home
        title = office[country_word.end() :].strip() if country_word else office
        people.append(
            Participant(name=match.group("name"), name_en=match.group("gloss").strip(), title=title, country=country)
        )
        taken.append(match.span())
    found = list(zip([a for a, _ in taken], people, strict=True))
    people = []
    for match in _PERSON.finditer(text):
        if any(a <= match.start("name") < b for a, b in taken):
            continue
        words, more = _split_name(match.group("name").split(" "))
        name = " ".join(words)
        if len("".join(words)) < 2:
            continue  # '박 장관': a surname mention, not a participant's name
        office = re.sub(r"\s+", " ", " ".join([*more, match.group("office")])).strip()
        office = re.sub(r"^신임\s*", "", office)
        countries = [KO[c] for c in KO_WORD.findall(office)]
        country = countries[0] if countries else home
        title = office
        lead_country = KO_WORD.match(office)
        if lead_country:  # '인도 외교장관': the country word opens the office, it is not part of the title
            title = office[lead_country.end() :].strip() or office
        gloss = match.group("gloss") or ""
        name_en = gloss.strip() if _LATIN.search(gloss) else None
        found.append((match.start(), Participant(name=name, name_en=name_en, title=title, country=country)))
    return [person for _, person in sorted(found, key=lambda pair: pair[0])]


_MEETING_WORD = re.compile(vocab.alternation(vocab.words("names", "ko", "meeting_words")))
_SENTENCES = re.compile(r"(?<=[다.])\s+|\n+")


def ko_lead_participants(lead: str, title: str, home: str | None, following: str = "") -> list[Participant]:
    """Participants of a Korean release: the lead's people, the title's that the lead did not name, then people of
    the following paragraphs named in a sentence that reports the meeting ('안 린데 스웨덴 외교부 장관 … 만났다')."""
    people = ko_people(lead, home)
    more = ko_people(title, home)
    for sentence in _SENTENCES.split(following):
        if _MEETING_WORD.search(sentence):
            more += ko_people(sentence, home)
    for person in more:
        if not any(person.name in p.name or p.name in person.name for p in people):
            people.append(person)
    return _dedupe(people)
