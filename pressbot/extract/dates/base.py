"""What every date reader shares: the match types and DateError, the NFKC view of a text with its offset map back
to the original, kanji and Arabic numerals, English month names, and the start-guarded scan (``_matches``).
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pressbot.extract import vocab


class DateError(ValueError):
    """A date the text asserts but that cannot be true (era/western disagree, outside its era).

    Raised rather than skipped: such text means the source or our reading is wrong, and a silent
    guess would put a wrong date in the record. ``text`` is the date as written, when known.
    """

    def __init__(self, message: str, text: str | None = None) -> None:
        super().__init__(message)
        self.text = text


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date read from text; ``text`` and ``start``/``end`` locate it in the original input."""

    date: datetime.date
    text: str
    rule: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A clock time as ``HH:MM`` (24h), with where it was read."""

    time: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DurationMatch:
    """A duration in minutes, with where it was read."""

    minutes: int
    text: str
    start: int
    end: int


_NFKC_CHAR: dict[str, str] = {}
# Combining marks, conjoining jamo and half-width (semi-)voiced marks compose across characters
# under NFKC; everywhere else NFKC acts per character, so only the characters that change matter.
_COMPOSING_RE = re.compile("[\u0300-\u036f\u1100-\u11ff\u3099\u309a\uff9e\uff9f]")
# Ranges searched for characters NFKC changes: the BMP, then math letters, enclosed alphanumerics and
# ideographs, CJK compatibility ideographs. Two classes, because sre matches a BMP-only class
# through a bitmap, ten times faster than a list of ranges.
_UNSTABLE_RANGES = (((0xA0, 0x10000),), ((0x1D400, 0x1D800), (0x1F100, 0x1F300), (0x2F800, 0x2FA20)))
_unstable: list[re.Pattern[str]] = []


def _unstable_re(astral: bool) -> re.Pattern[str]:
    """A class of every character NFKC changes (plus astral ones if asked); built once (~15 ms)."""
    if not _unstable:
        classes = []
        for ranges in _UNSTABLE_RANGES:
            codes = [c for lo, hi in ranges for c in range(lo, hi) if not unicodedata.is_normalized("NFKC", chr(c))]
            spans: list[str] = []
            start = prev = codes[0]
            for c in [*codes[1:], -1]:
                if c != prev + 1:
                    spans.append(re.escape(chr(start)) + ("" if start == prev else "-" + re.escape(chr(prev))))
                    start = c
                prev = c
            classes.append("".join(spans))
        _unstable.append(re.compile(f"[{classes[0]}]"))
        _unstable.append(re.compile(f"[{classes[0]}{classes[1]}]"))
    return _unstable[astral]


def _nfkc_char(c: str) -> str:
    n = _NFKC_CHAR.get(c)
    if n is None:
        n = _NFKC_CHAR[c] = unicodedata.normalize("NFKC", c)
    return n


@functools.lru_cache(maxsize=8)  # one release's texts; no use keeping earlier ones
def _normalize(text: str) -> tuple[str, tuple[int, ...] | None]:
    """NFKC text plus a map from normalized index to original index (None: identity).

    Only the characters that change are touched (whole-string NFKC is slow on Japanese), and the
    map is only built when one expands (``…`` -> ``...``, ``㋿`` -> ``令和``). Cached, since a lead is
    read for its date, time and duration in turn; the map is a tuple, so no caller can change a cached one.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None
    idx: list[int] = []
    if _COMPOSING_RE.search(text) is not None:  # rare: per character, no composition
        chars: list[str] = []
        for i, c in enumerate(text):
            n = _nfkc_char(c)
            chars.append(n)
            idx.extend([i] * len(n))
        return "".join(chars), tuple(idx)
    parts: list[str] = []
    grown: list[tuple[int, int]] = []
    pos = 0
    for mt in _unstable_re(max(text) > "\uffff").finditer(text):
        i = mt.start()
        n = _nfkc_char(mt.group())
        parts.append(text[pos:i])
        parts.append(n)
        if len(n) != 1:
            grown.append((i, len(n)))
        pos = i + 1
    parts.append(text[pos:])
    if not grown:
        return "".join(parts), None
    pos = 0
    for i, k in grown:
        idx.extend(range(pos, i))
        idx.extend([i] * k)
        pos = i + 1
    idx.extend(range(pos, len(text)))
    return "".join(parts), tuple(idx)


def _span(idx: tuple[int, ...] | None, ns: int, ne: int) -> tuple[int, int]:
    if idx is None:
        return ns, ne
    return idx[ns], idx[ne - 1] + 1


_KANJI_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_VALUE["○"] = 0  # a white circle is often typed for 〇


def _int(s: str) -> int:
    """Arabic, positional kanji (二〇二五) or additive kanji (二十六) digits; 元 is 1."""
    if s.isascii():
        return int(s.replace(" ", ""))  # digits spaced out: 2 0 2 2
    if s == "元":
        return 1
    if "十" in s:
        tens, _, units = s.partition("十")
        return (_KANJI_VALUE[tens] if tens else 1) * 10 + (_KANJI_VALUE[units] if units else 0)
    n = 0
    for c in s:
        n = n * 10 + _KANJI_VALUE[c]
    return n


_K1 = "一二三四五六七八九"
_KD = "〇○一二三四五六七八九"
_KNUM = rf"(?:[{_K1}]?十[{_K1}]?|[{_KD}]{{1,2}})"  # 1..99 in kanji
_JNUM = rf"(?:[0-9]{{1,2}}|{_KNUM})"  # month, day, era year
_WYEAR = rf"(?:[0-9]{{4}}|[{_KD}]{{4}})"  # western year
_NOT_AFTER_NUM = rf"(?<![0-9{_KD}十])"
# English month names and abbreviations (dates.toml [months.en]), in the order the alternation tries them.
_MONTHS_EN: dict[str, int] = dict(vocab.load("dates")["months"]["en"])
_EMONTHS = vocab.alternation(_MONTHS_EN)
_MONTH_NUMBER = {name[:3]: number for name, number in _MONTHS_EN.items()}  # _english_month reads 3 letters


def _matches(rx: re.Pattern[str], starts: re.Pattern[str], t: str) -> Iterator[re.Match[str]]:
    """Like ``rx.finditer(t)``, but ``rx`` is only tried where ``starts`` says a match can begin."""
    pos = 0
    for c in starts.finditer(t):
        at = c.start()
        if at >= pos:
            mt = rx.match(t, at)
            if mt is not None:
                yield mt
                pos = mt.end()


def _english_month(word: str) -> int | None:
    """Month number; None when the word starts lower-case (``may``, ``march`` are verbs)."""
    if word[0].islower():
        return None
    return _MONTH_NUMBER[word[:3].lower()]
