"""What the Japanese and English readers share: the honorific and katakana patterns, the short Japanese offices,
spokesperson words, the English name for linking (``_plain_name``) and the same-person test (``_known``, ``_dedupe``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pressbot.extract.countries import (
    word_alternation,
)
from pressbot.models import Participant

HONORIFIC = (
    r"(?:(?:Senator\s+|Sen\.\s+)?[Tt]he\s+(?:Rt\.?\s+|Right\s+)?Hon(?:ou?rable|\.|\b)(?:\s+(?:Dr|Mr|Ms|Mrs|Prof)\.?)?|"
    r"H\.\s?E\.(?:\s*(?:Dr|Mr|Ms|Mrs|Prof)\.?)?|"
    r"His\s+Excellency(?:\s+(?:Dr|Mr|Prof)\.?)?|Her\s+Excellency(?:\s+(?:Dr|Ms|Mrs|Prof)\.?)?|"
    r"His\s+Majesty|Her\s+Majesty|His\s+Royal\s+Highness|Her\s+Royal\s+Highness|"
    r"Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.|Senator|Ambassador)"
)
_KATAKANA = r"(?:[\u30a0-\u30ffー・=＝]|(?<=・)[A-ZＡ-Ｚ][.．]?(?=・))"  # ドナルド・J・トランプ
_JA_SHORT_TITLES = (
    "外務大臣", "外務副大臣", "副大臣", "大臣政務官", "政務官", "外務事務次官", "事務次官", "次官", "外務審議官",
    "審議官", "総理大臣", "総理", "首相", "大統領", "外相", "長官", "副長官", "国務長官", "国務副長官", "大使", "局長",
    "外交部長", "部長", "第一次官", "第1次官", "大臣",
)  # fmt: skip
# Grouped by first character (word_alternation), so that re tries one group where an office may start, not all 26
# offices; of two offices where one begins the other (総理, 総理大臣) the longer was already tried first.
_JA_SHORT_TITLE = "(?:" + word_alternation(_JA_SHORT_TITLES) + ")"
_SPOKESPERSON = re.compile(r"spokes(?:person|man|woman)|報道官|press secretary", re.I)


def _words_after_boundary(words: Iterable[str]) -> str:
    r"""'\b(?:met|held)' written so that re scans for the first letters in C: 'met(?<!\w...)|held(?<!\w....)'.

    Behind a word of n letters, (?<!\w + n dots) says what \b said before it; the order of the words is kept.
    """
    return "|".join(re.escape(word) + r"(?<!\w" + "." * len(word) + ")" for word in words)


def _honorific(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[0].upper() + text[1:]


_POST_NOMINALS = re.compile(r"(?:\s+(?:MP|MEP|QC|KC|PC|OBE|CBE|KBE|DBE|CMG|KCMG|GCMG|AO|AC))+$")


def _plain_name(name: str) -> str:
    """The English name for linking: 'Kang, Kyung-wha' → 'Kang Kyung-wha' (order kept, comma dropped)."""
    name = re.sub(r",\s*", " ", name).strip()
    return _POST_NOMINALS.sub("", name)


def _known(person: Participant, people: list[Participant]) -> bool:
    """The same person already listed: the same name, or one name inside the other ('岩屋' in '岩屋毅')."""
    return any(
        p.name == person.name
        or (min(len(p.name), len(person.name)) >= 2 and (p.name in person.name or person.name in p.name))
        for p in people
    )


def _dedupe(people: list[Participant]) -> list[Participant]:
    unique: list[Participant] = []
    for person in people:
        if not _known(person, unique):
            unique.append(person)
    return unique
