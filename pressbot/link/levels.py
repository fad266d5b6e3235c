"""Meeting levels from office words and meeting names (the words are data: ``data/levels.json``), and the
normalized English event name (``Japan-U.S.-ROK Vice Foreign Ministerial Meeting``) built from countries,
level and mode (country names and order: ``data/countries.json``)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources

_LEVELS = json.loads(resources.files("pressbot.link").joinpath("data/levels.json").read_text(encoding="utf-8"))
_COUNTRIES = json.loads(resources.files("pressbot.link").joinpath("data/countries.json").read_text(encoding="utf-8"))
LEVELS: list[str] = _LEVELS["levels"]


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+")
        # Latin words match whole words (King is not in Kingdom), allowing a plural or '-ial' ending.
        parts.append(rf"(?<![A-Za-z]){escaped}(?:s|ial|s')?(?![A-Za-z])" if word.isascii() else escaped)
    return re.compile("|".join(parts))


_RULES: list[tuple[str, re.Pattern[str]]] = [(level, _pattern(words)) for level, words in _LEVELS["words"]]
_PORTFOLIOS: list[tuple[str, re.Pattern[str]]] = [(name, _pattern(words)) for name, words in _LEVELS["portfolios"]]


def level_of(text: str | None) -> str | None:
    """The level an office or a meeting name names: the rule whose word comes first in the list order.

    'Vice-Minister for Foreign Affairs' → vice_ministerial; '日米韓外相会合' → ministerial; '외교차관협의회' →
    vice_ministerial; 'Secretary of State' → ministerial.
    """
    if not text:
        return None
    for level, pattern in _RULES:
        if pattern.search(text):
            return level
    return None


def portfolio_of(texts: Iterable[str | None]) -> str:
    """'foreign', 'defense' or '' — which ministry the offices belong to (for the event's English name)."""
    counts: Counter[str] = Counter()
    for text in texts:
        if not text:
            continue
        for name, pattern in _PORTFOLIOS:
            if pattern.search(text):
                counts[name] += 1
                break
    return counts.most_common(1)[0][0] if counts else ""


def country_order(countries: Iterable[str]) -> list[str]:
    """Japan first, then the U.S., then the rest by short English name: one order whoever published."""
    first = _COUNTRIES["first"]
    codes = sorted(set(countries))
    head = [c for c in first if c in codes]
    return head + sorted((c for c in codes if c not in first), key=short_name)


def short_name(code: str) -> str:
    name = _COUNTRIES["short_en"].get(code)
    if name:
        return name
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
        return getattr(country, "common_name", None) or country.name if country else code
    except (ImportError, LookupError, AttributeError):
        return code


def event_name(countries: Iterable[str], level: str | None, mode: str | None, portfolio: str = "") -> str:
    """'Japan-U.S.-ROK Vice Foreign Ministerial Meeting'; 'Japan-Australia Foreign Ministers' Telephone Talk'."""
    names = _LEVELS["names"]
    phrase = names.get(level or "", names[""])
    if isinstance(phrase, dict):
        phrase = phrase.get(portfolio, phrase[""])
    mode_word = _LEVELS["modes"].get(mode or "")
    if mode_word:
        phrase = re.sub(r"\s*(?:Summit\s+)?Meeting$", "", phrase)
        phrase = f"{phrase} {mode_word}".strip() if phrase else mode_word
    prefix = "-".join(short_name(c) for c in country_order(countries))
    return f"{prefix} {phrase}".strip()


def ko_countries(text: str) -> list[str]:
    """Countries named in Korean: a compound of abbreviations before a meeting word ('한미일 외교차관협의회') or
    full country words ('미국', '일본')."""
    abbreviations = _COUNTRIES["ko_abbreviations"]
    found: list[str] = []
    for match in re.finditer(r"(?<![가-힣])([" + "".join(abbreviations) + r"]{2,5})(?=\s?(?:외교|정상|외무|국방|차관|"
                             r"장관|고위|협의|회담|회의|전화|화상|3자|공동))", text):  # fmt: skip
        found += [abbreviations[c] for c in match.group(1)]
    for word, code in _COUNTRIES["ko_words"].items():
        if word in text:
            found.append(code)
    return list(dict.fromkeys(found))
