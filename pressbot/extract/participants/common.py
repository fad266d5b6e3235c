"""What the Japanese and English readers share: the honorific and katakana patterns, the short Japanese offices,
spokesperson words, the English name for linking (``_plain_name``) and the same-person test (``_known``, ``_dedupe``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pressbot.extract import vocab
from pressbot.extract.countries import (
    word_alternation,
)
from pressbot.models import Participant

_HON = vocab.load("honorifics")["en"]


def _courtesy(key: str) -> str:
    return "(?:" + vocab.alternation(_HON[key]) + ")"


# The Honorable / H.E. / His Excellency, each with an optional courtesy title, then styles and plain honorifics
# (honorifics.toml).
HONORIFIC = (
    r"(?:(?:Senator\s+|Sen\.\s+)?[Tt]he\s+(?:Rt\.?\s+|Right\s+)?Hon(?:ou?rable|\.|\b)(?:\s+"
    + _courtesy("courtesy")
    + r"\.?)?|H\.\s?E\.(?:\s*"
    + _courtesy("courtesy")
    + r"\.?)?|His\s+Excellency(?:\s+"
    + _courtesy("courtesy_his")
    + r"\.?)?|Her\s+Excellency(?:\s+"
    + _courtesy("courtesy_her")
    + r"\.?)?|"
    + vocab.alternation([*_HON["styles"], *_HON["plain"]])
    + ")"
)
_KATAKANA = r"(?:[\u30a0-\u30ffー・=＝]|(?<=・)[A-ZＡ-Ｚ][.．]?(?=・))"  # ドナルド・J・トランプ
_JA_SHORT_TITLES = tuple(vocab.words("offices", "ja", "short"))
# Grouped by first character (word_alternation), so that re tries one group where an office may start, not all 26
# offices; of two offices where one begins the other (総理, 総理大臣) the longer was already tried first.
_JA_SHORT_TITLE = "(?:" + word_alternation(_JA_SHORT_TITLES) + ")"
_SPOKESPERSON = re.compile(vocab.alternation(vocab.words("offices", "ja", "spokesperson")), re.I)


def _words_after_boundary(words: Iterable[str]) -> str:
    r"""'\b(?:met|held)' written so that re scans for the first letters in C: 'met(?<!\w...)|held(?<!\w....)'.

    Behind a word of n letters, (?<!\w + n dots) says what \b said before it; the order of the words is kept.
    """
    return "|".join(re.escape(word) + r"(?<!\w" + "." * len(word) + ")" for word in words)


def _honorific(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text[0].upper() + text[1:]


_POST_NOMINALS = re.compile(r"(?:\s+(?:" + vocab.alternation(_HON["post_nominals"]) + "))+$")


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
    """``people`` without those ``_known`` among the ones before them, in order.

    Scanning the kept list for each person is quadratic in the number of people; past a short list the same test
    is made with sets: the kept names, and every piece (2 characters or more) of the kept names of 2 or more.
    """
    unique: list[Participant] = []
    if len(people) <= _DEDUPE_SCAN:
        for person in people:
            if not _known(person, unique):
                unique.append(person)
        return unique
    names: set[str] = set()  # every kept name
    long_names: set[str] = set()  # kept names of 2 characters or more
    pieces: set[str] = set()  # their substrings of 2 characters or more
    for person in people:
        name = person.name
        if name in names:
            continue
        if len(name) >= 2 and (
            name in pieces
            or any(name[i:j] in long_names for i in range(len(name) - 1) for j in range(i + 2, len(name) + 1))
        ):
            continue
        unique.append(person)
        names.add(name)
        if len(name) >= 2:
            long_names.add(name)
            pieces.update(name[i:j] for i in range(len(name) - 1) for j in range(i + 2, len(name) + 1))
    return unique


_DEDUPE_SCAN = 64  # up to this many people the plain scan is cheaper than building the sets
