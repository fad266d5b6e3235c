"""Country words in Japanese and English → ISO 3166 alpha-2. The one table every rule consults.

Every country's Japanese and English names come from pycountry (ISO 3166 with the iso-codes
translations); the tables below add the short forms ministries write (米国, 豪州, 日米韓's 米) and
adjectives (Japanese, Korean), which ISO does not list.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Iterable

import pycountry

from pressbot.extract import vocab

# Short forms and abbreviations ministries write that ISO 3166 does not list (ISO names come from pycountry).
JA: dict[str, str] = dict(vocab.load("countries")["ja"])


def _iso_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    japanese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"], fallback=True)
    korean = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"], fallback=True)
    ja: dict[str, str] = {}
    en: dict[str, str] = {}
    ko: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if not name:
                continue
            en.setdefault(re.sub(r",.*$", "", name).lower(), country.alpha_2)
            for part in re.split(r"\s*[(（)）]\s*", japanese.gettext(name)):
                if len(part) > 1 and not part.startswith("中国領"):
                    ja.setdefault(part, country.alpha_2)
            translated = korean.gettext(name)
            if translated != name and re.fullmatch(r"[\uac00-\ud7a3 ]{2,}", translated):
                ko.setdefault(translated, country.alpha_2)
    return ja, en, ko


_ISO_JA, _ISO_EN, _ISO_KO = _iso_names()
JA = {**_ISO_JA, **JA}
# Korean country words (ISO names in Korean, and the short forms and one-character markers of countries.toml [ko]).
KO: dict[str, str] = {**_ISO_KO, **dict(vocab.load("countries")["ko"])}

# Single-character abbreviations are only read inside compounds such as 日米韓 or 日・豪.
ABBREVIATIONS = {k: v for k, v in JA.items() if len(k) == 1}
JA_WORDS = {k: v for k, v in JA.items() if len(k) > 1}

# English short forms and adjectives (lower-case keys) beyond the ISO names.
EN: dict[str, str] = dict(vocab.load("countries")["en"])

_ABBREVIATED_STATE = re.compile(r"([" + "".join(ABBREVIATIONS) + r"])(?:連邦共和国|人民共和国|共和国|王国|連邦|合衆国)")
_ORGANISATION = re.compile(vocab.alternation(vocab.words("countries", "ja_not_state", "words")))
EN = {**_ISO_EN, **EN}


def word_alternation(words: Iterable[str]) -> str:
    """One alternation of ``words``, longest first, grouped by first character ('a(?:lbania|lgeria)|b(?:…)').

    Longest first: of two words where one begins the other, the longer is tried first. The grouping changes no
    match: every word that can match at a position starts with that position's character, so all of them sit
    in one group, in the same order; but re now tries a few dozen groups there instead of all ~450 words.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


JA_WORD = re.compile(word_alternation(JA_WORDS))
_EN_WORD = re.compile(r"(?<![\w.])(" + word_alternation(EN) + r")(?![\w])", re.I)
_COMPOUND = re.compile(r"^((?:[" + "".join(ABBREVIATIONS) + r"](?:・)?){2,})")


def leading_country_ja(text: str) -> tuple[str | None, str]:
    """A country word at the start of a Japanese office: ('US', '国務副長官') from '米国国務副長官'."""
    state = _ABBREVIATED_STATE.match(text)
    if state and len(text) > state.end():  # 独連邦共和国首相: an abbreviation with the form of state
        return ABBREVIATIONS[state.group(1)], text[state.end() :]
    match = JA_WORD.match(text)
    if match and len(text) > match.end():
        rest = text[match.end() :]
        if _ORGANISATION.match(rest):  # 中国共産党…: the word is part of the office, not a marker
            return JA_WORDS[match.group(0)], text
        return JA_WORDS[match.group(0)], rest.lstrip("・の")
    return None, text


def country_in_ja(text: str) -> str | None:
    match = JA_WORD.search(text)
    return JA_WORDS[match.group(0)] if match else None


def compound_countries(name: str) -> list[str]:
    """Countries named by a compound such as 日米韓 or 日・フィリピン at the start of a meeting name."""
    found: list[str] = []
    match = _COMPOUND.match(name)
    if match:
        found += [ABBREVIATIONS[c] for c in match.group(1) if c in ABBREVIATIONS]
    for part in name.split("外相")[0].split("首脳")[0].split("・")[:6]:
        word = JA_WORD.match(part)
        if word:
            found.append(JA_WORDS[word.group(0)])
    return found


def countries_in_en(text: str) -> list[str]:
    return [EN[m.group(1).lower()] for m in _EN_WORD.finditer(text)]


# The same offices come back in release after release ('Minister for Foreign Affairs of Japan'), and the
# answer is a pure function of the text: remembering it changes none.
@functools.lru_cache(maxsize=4096)
def country_in_en(text: str) -> str | None:
    """The country an English office names: 'of the Republic of Korea' → KR; else the first country word."""
    tail = re.search(r"\bof (?:the )?([A-Z][\w.'’ -]+)$", text.strip())
    if tail:
        found = countries_in_en(tail.group(1))
        if found:
            return found[0]
    found = countries_in_en(text)
    return found[0] if found else None


KO_WORD = re.compile(word_alternation(KO))


def country_in_ko(text: str) -> str | None:
    """The first Korean country word in ``text`` ('몽골 외교차관' → MN)."""
    match = KO_WORD.search(text)
    return KO[match.group(0)] if match else None
