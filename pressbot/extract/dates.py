"""Dates, clock times and durations in diplomatic press releases (ja / en / ko).

Pure and clock-free: relative forms (``本6日``, ``July 18``, ``同日``) are resolved against a ``ref``
date the caller passes (the release's own date), so the same text always gives the same answer.
Everything is plain regex over an NFKC view of the text (full-width digits, ``（）``, ``㋿``), with an
offset map so every match points into the caller's original string. dateparser is not used: it has
no Japanese eras and is slow; the western/English forms here are few and regular.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = [
    "DateError",
    "DateMatch",
    "DurationMatch",
    "TimeMatch",
    "era_to_western",
    "find_dates",
    "meeting_date",
    "parse_date",
    "parse_duration",
    "parse_time",
    "western_to_era",
]


class DateError(ValueError):
    """A date the text asserts but that cannot be true (era/western disagree, outside its era).

    Raised rather than skipped: such text means the source or our reading is wrong, and a silent
    guess would put a wrong date in the record.
    """


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


# --------------------------------------------------------------------------- eras

_ERAS: tuple[tuple[str, datetime.date], ...] = (
    ("明治", datetime.date(1868, 10, 23)),
    ("大正", datetime.date(1912, 7, 30)),
    ("昭和", datetime.date(1926, 12, 25)),
    ("平成", datetime.date(1989, 1, 8)),
    ("令和", datetime.date(2019, 5, 1)),
)
_ERA_START: dict[str, datetime.date] = dict(_ERAS)
# First day of the following era (None for the current one): an era date on/after it is impossible.
_ERA_NEXT: dict[str, datetime.date | None] = {
    name: (_ERAS[i + 1][1] if i + 1 < len(_ERAS) else None) for i, (name, _) in enumerate(_ERAS)
}
_ERA_ALIASES: dict[str, str] = {
    "meiji": "明治",
    "m": "明治",
    "taisho": "大正",
    "taishō": "大正",
    "t": "大正",
    "showa": "昭和",
    "shōwa": "昭和",
    "s": "昭和",
    "heisei": "平成",
    "h": "平成",
    "reiwa": "令和",
    "r": "令和",
}


def _era_name(era: str) -> str:
    name = unicodedata.normalize("NFKC", era).strip()
    if name in _ERA_START:
        return name
    alias = _ERA_ALIASES.get(name.lower())
    if alias is None:
        raise DateError(f"unknown era: {era!r}")
    return alias


def era_to_western(era: str, year: int) -> int:
    """Western year of ``era`` year ``year`` (``('令和', 7)`` -> 2025); 元年 is year 1.

    Pure arithmetic: it does not check that the era had not already ended by then
    (``平成32`` gives 2020); the date parsers do that, since only a full date can be checked.
    """
    name = _era_name(era)
    if year < 1:
        raise DateError(f"era year must be >= 1: {era}{year}")
    return _ERA_START[name].year + year - 1


def western_to_era(d: datetime.date) -> tuple[str, int]:
    """The era and era year of a date (``2025-07-18`` -> ``('令和', 7)``)."""
    if isinstance(d, datetime.datetime):
        d = d.date()
    for name, start in reversed(_ERAS):
        if d >= start:
            return name, d.year - start.year + 1
    raise DateError(f"{d.isoformat()} is before the Meiji era (1868-10-23)")


def _era_date(name: str, era_year: int, month: int, day: int, raw: str) -> datetime.date | None:
    """Build an era date: None for an impossible calendar day, DateError outside the era."""
    if era_year < 1:
        raise DateError(f"era year must be >= 1: {raw!r}")
    try:
        d = datetime.date(_ERA_START[name].year + era_year - 1, month, day)
    except ValueError:
        return None
    nxt = _ERA_NEXT[name]
    if d < _ERA_START[name] or (nxt is not None and d >= nxt):
        raise DateError(f"{raw!r} is outside the {name} era ({d.isoformat()})")
    return d


# --------------------------------------------------------------------------- normalization

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


# --------------------------------------------------------------------------- numbers

_KANJI_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_VALUE["○"] = 0  # a white circle is often typed for 〇


def _int(s: str) -> int:
    """Arabic, positional kanji (二〇二五) or additive kanji (二十六) digits; 元 is 1."""
    if s.isascii():
        return int(s)
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
_ERA_NAMES = "明治|大正|昭和|平成|令和"
# Weekday suffix: (金) (金曜日) (月・祝) or 金曜日 without brackets.
_JWD = (
    r"(?:\s*\(\s*(?:[月火水木金土日](?:曜日?)?|祝日?|休日?)"
    r"(?:\s*[・･,、/]\s*(?:祝日?|休日?|振休))?\s*\)|\s*[月火水木金土日]曜日?)?"
)
# (Fri.) (金) (금) after a numeric date.
_PAREN_WD = (
    r"(?:\s*\(\s*(?:(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day)?\.?"
    r"|[月火水木金土日](?:曜日?)?|[월화수목금토일](?:요일)?)\s*\))?"
)
_EWD = r"(?:\b(?i:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?i:day)?\b\.?,?\s+)?"
_EMONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH_NUMBER = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}


def _emon(name: str) -> str:
    return rf"\b(?P<{name}>(?i:{_EMONTHS}))\b\.?"


def _eday(name: str) -> str:
    return rf"(?<![0-9.,:])(?P<{name}>[0-9]{{1,2}})(?![0-9])(?:st|nd|rd|th)?\b"


# --------------------------------------------------------------------------- date patterns

# One alternation scanned left to right; at a given start the more complete form is listed first,
# so 令和7年7月18日 is never read as 7月18日 or 18日.
_DATE_RE = re.compile(
    "|".join(
        [
            # 令和7年7月18日(金), 令和7(2025)年…, 令和7年（2025年）…, 令和元年…
            rf"(?P<era>(?P<en>{_ERA_NAMES})\s*(?P<ey>元|{_JNUM})\s*"
            rf"(?:\(\s*(?P<ew1>{_WYEAR})\s*年?\s*\)\s*年"
            rf"|年\s*(?:\(\s*(?:西暦\s*)?(?P<ew2>{_WYEAR})\s*年?\s*\)\s*)?)"
            rf"\s*(?P<em>{_JNUM})\s*月\s*(?P<ed>{_JNUM})\s*日{_JWD})",
            # 2025年7月18日(金曜日), 2025(令和7)年…, 2025年（令和7年）…
            rf"(?P<wja>(?<![0-9])(?P<wy>{_WYEAR})\s*"
            rf"(?:\(\s*(?P<wen1>{_ERA_NAMES})\s*(?P<wey1>元|{_JNUM})\s*年?\s*\)\s*年"
            rf"|年\s*(?:\(\s*(?P<wen2>{_ERA_NAMES})\s*(?P<wey2>元|{_JNUM})\s*年?\s*\)\s*)?)"
            rf"\s*(?P<wm>{_JNUM})\s*月\s*(?P<wd>{_JNUM})\s*日{_JWD})",
            # 2025년 7월 18일 (ROK pages in Korean)
            r"(?P<ko>(?<![0-9])(?P<ky>[0-9]{4})\s*년\s*(?P<km>[0-9]{1,2})\s*월\s*(?P<kd>[0-9]{1,2})\s*일"
            rf"{_PAREN_WD})",
            # 2025-7-23, 2025/07/18, 2025.07.18
            r"(?P<num>(?<![0-9./-])(?P<ny>(?:1[89]|2[0-9])[0-9]{2})(?P<nsep>[-/.])(?P<nm>[0-9]{1,2})"
            rf"(?P=nsep)(?P<nd>[0-9]{{1,2}})(?![0-9]|[./-][0-9]){_PAREN_WD})",
            # 2025. 7. 18.
            r"(?P<kdot>(?<![0-9.])(?P<kdy>(?:1[89]|2[0-9])[0-9]{2})\.\s+(?P<kdm>[0-9]{1,2})\.\s*"
            rf"(?P<kdd>[0-9]{{1,2}})(?![0-9])\.?{_PAREN_WD})",
            # Thursday, July 17, 2025 / Jul. 18, 2025 / Sept. 3 2025
            rf"(?P<mdy>{_EWD}{_emon('mdy_m')}\s*{_eday('mdy_d')},?\s*(?P<mdy_y>[0-9]{{4}})(?![0-9]))",
            # 18 July 2025 / Friday, 18 July 2025
            rf"(?P<dmy>{_EWD}{_eday('dmy_d')}\s+(?i:of\s+)?{_emon('dmy_m')},?\s*"
            rf"(?P<dmy_y>[0-9]{{4}})(?![0-9]))",
            # July 18 / Thursday, July 17 (year from ref)
            rf"(?P<md>{_EWD}{_emon('md_m')}\s*{_eday('md_d')})",
            # 18 July (year from ref)
            rf"(?P<dm>{_eday('dm_d')}\s+(?i:of\s+)?{_emon('dm_m')})",
            # 7月18日(金), 昨年12月28日 (year from ref)
            rf"(?P<jmd>(?:(?P<jmp>昨年|本年|今年|同年|来年|明年)\s*)?{_NOT_AFTER_NUM}"
            rf"(?P<jmm>{_JNUM})\s*月\s*(?P<jmdd>{_JNUM})\s*日{_JWD})",
            # 本6日, 18日, 今月18日 (month from ref); not 3日間, 30日以内, 5日後
            rf"(?P<jd>(?:(?P<jdp>今月|本月|同月|本|今|昨|明)\s*|(?<![0-9{_KD}十月]))"
            rf"(?P<jdd>[0-9]{{1,2}}|{_KNUM})\s*日"
            r"(?!\s*(?:間|以内|以上|以下|未満|前|後|ぶり|振り|目|程度|ほど|余り|分|足らず))"
            rf"{_JWD})",
            # 同日 / 本日 (= ref)
            r"(?P<same>(?<![共協合混賛異一])同日|(?<!日)本日)",
        ]
    )
)

# Where a date can start: one character class (so the C scanner skips everything else), then a
# lookahead that rejects most prose (1佐, 9名, 大臣, 日本, The) before the big alternation is tried.
_DATE_START_RE = re.compile(
    rf"[0-9{_KD}十明大昭平令本今昨同来JFMASONDTW]"
    r"(?:(?<=[0-9])(?=[0-9]{0,3}\s*[年月日/.\-년(A-Za-z])"
    rf"|(?<=[{_KD}十])(?=[{_KD}十]{{0,3}}\s*[年月日])"
    r"|(?<=[明大昭平令来])(?=[治正和成年])"
    rf"|(?<=[本今昨明同])(?=[0-9{_KD}十日月年])"
    r"|(?<=[JFMASONDTW])(?<![A-Za-z].)(?=(?i:an|un|ul|eb|ri|ar|ay|on|pr|ug|ep|at|ct|ov|ec|ue|hu|ed)))"
)


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


# Between two dates of one range or list (18日～19日, 7月18日、19日): the second continues the first.
_CONTINUATION_RE = re.compile(
    r"\s*(?:から|より|～|〜|~|-|‐|–|—|−|、|,|・|及び|および|と|ないし|乃至|(?i:and|to|through|thru|until|till))\s*"
)
_YEAR_OFFSET = {"昨年": -1, "本年": 0, "今年": 0, "同年": 0, "来年": 1, "明年": 1}


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _make(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _day_only(anchor: datetime.date, day: int, prefix: str | None) -> datetime.date | None:
    """A bare day: this month if not after the anchor's day, else the previous month.

    Releases report what happened, so 18日 in a release dated the 5th is last month's 18th.
    """
    if prefix in ("今月", "本月", "同月"):
        return _make(anchor.year, anchor.month, day)
    if prefix == "明":  # 明19日: the coming 19th
        y, m = _add_months(anchor.year, anchor.month, 0 if day >= anchor.day else 1)
    else:
        y, m = _add_months(anchor.year, anchor.month, 0 if day <= anchor.day else -1)
    return _make(y, m, day)


def _month_day(anchor: datetime.date, month: int, day: int, prefix: str | None) -> datetime.date | None:
    """Month and day without a year: the anchor's year unless that is ~6 months away.

    A release in January about 12月28日 means last December; one in late December about
    1月5日 means the coming January.
    """
    if prefix is not None:
        return _make(anchor.year + _YEAR_OFFSET[prefix], month, day)
    probe = _make(2000, month, day)  # 2000 is a leap year, so 2月29日 passes here
    if probe is None:
        return None
    delta = (probe - datetime.date(2000, anchor.month, anchor.day)).days
    year = anchor.year - (delta > 183) + (delta < -183)
    return _make(year, month, day)


def _english_month(word: str) -> int | None:
    """Month number; None when the word starts lower-case (``may``, ``march`` are verbs)."""
    if word[0].islower():
        return None
    return _MONTH_NUMBER[word[:3].lower()]


_FULL_RULES = frozenset(("era", "western_ja", "korean", "numeric", "korean_dots", "english_mdy", "english_dmy"))


def _continue(prev: datetime.date, kind: str, g: Callable[[str], str]) -> tuple[datetime.date | None, str]:
    """A partial date continuing ``prev`` in a range or list: on or after it, never before."""
    if kind == "jd":
        digits = g("jdd")
        if not digits.isascii():
            return None, "day_only"
        day = int(digits)
        y, m = _add_months(prev.year, prev.month, 0 if day >= prev.day else 1)
        return _make(y, m, day), "day_only"
    if kind == "jmd":
        month, day = _int(g("jmm")), _int(g("jmdd"))
    else:
        month, day = _english_month(g(kind + "_m")) or 0, int(g(kind + "_d"))
    if not month:
        return None, "month_day"
    d = _make(prev.year, month, day)
    if d is not None and d < prev:
        d = _make(prev.year + 1, month, day)
    return d, "month_day"


def _scan(
    t: str, ref: datetime.date | None, text_anchor: bool = False
) -> Iterator[tuple[datetime.date, str, int, int]]:
    """Yield (date, rule, start, end) in normalized coordinates.

    Partial dates need ``ref``; with ``text_anchor`` and no ref they fall back to the last full
    date seen earlier in the text.
    """
    anchor = ref
    prev: datetime.date | None = None
    prev_end = -1
    for mt in _matches(_DATE_RE, _DATE_START_RE, t):
        kind = mt.lastgroup
        g = mt.group
        d: datetime.date | None
        if (
            prev is not None
            and kind in ("jd", "jmd", "md", "dm")
            and not (g("jdp") or g("jmp"))
            and _CONTINUATION_RE.fullmatch(t, prev_end, mt.start())
        ):
            d, rule = _continue(prev, kind, g)
            if d is not None:
                prev, prev_end = d, mt.end()
                yield d, rule, mt.start(), mt.end()
            continue
        if kind == "era":
            name = g("en")
            ey = _int(g("ey"))
            western = g("ew1") or g("ew2")
            if western is not None and ey >= 1 and _int(western) != _ERA_START[name].year + ey - 1:
                raise DateError(f"era year and western year disagree: {mt.group()!r}")
            d = _era_date(name, ey, _int(g("em")), _int(g("ed")), mt.group())
            rule = "era"
        elif kind == "wja":
            y = _int(g("wy"))
            era = g("wen1") or g("wen2")
            if era is not None:
                ey = _int(g("wey1") or g("wey2"))
                if ey < 1 or _ERA_START[era].year + ey - 1 != y:
                    raise DateError(f"era year and western year disagree: {mt.group()!r}")
                d = _era_date(era, ey, _int(g("wm")), _int(g("wd")), mt.group())
            else:
                d = _make(y, _int(g("wm")), _int(g("wd")))
            rule = "western_ja"
        elif kind == "num":
            d = _make(int(g("ny")), int(g("nm")), int(g("nd")))
            rule = "numeric"
        elif kind == "kdot":
            d = _make(int(g("kdy")), int(g("kdm")), int(g("kdd")))
            rule = "korean_dots"
        elif kind == "mdy" or kind == "dmy":
            month = _english_month(g(kind + "_m"))
            d = _make(int(g(kind + "_y")), month, int(g(kind + "_d"))) if month else None
            rule = "english_" + kind
        elif kind == "ko":
            d = _make(int(g("ky")), int(g("km")), int(g("kd")))
            rule = "korean"
        else:
            if anchor is None:
                continue
            rule = "month_day"
            if kind == "md" or kind == "dm":
                month = _english_month(g(kind + "_m"))
                d = _month_day(anchor, month, int(g(kind + "_d")), None) if month else None
            elif kind == "jmd":
                d = _month_day(anchor, _int(g("jmm")), _int(g("jmdd")), g("jmp"))
            elif kind == "jd":
                prefix = g("jdp")
                digits = g("jdd")
                # Bare kanji days (一日, 十日) are too often ordinary words; require 本/今/同月….
                d = None if (prefix is None and not digits.isascii()) else _day_only(anchor, _int(digits), prefix)
                rule = "day_only"
            else:  # 同日 / 本日
                d = anchor
                rule = "day_only"
        if d is None:
            continue
        if text_anchor and ref is None and rule in _FULL_RULES:
            anchor = d
        prev, prev_end = d, mt.end()
        yield d, rule, mt.start(), mt.end()


def find_dates(text: str, ref: datetime.date | None = None) -> list[DateMatch]:
    """All dates in ``text``, in order and non-overlapping.

    Partial dates (``7月18日``, ``July 18``, ``本6日``, ``同日``) are resolved against ``ref`` and
    skipped when it is None, except that one continuing a range or list (``7月18日～19日``) takes
    its month and year from the date before it. Impossible calendar days are skipped; era
    contradictions raise DateError.
    """
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    t, idx = _normalize(text)
    out = []
    for d, rule, ns, ne in _scan(t, ref):
        s, e = _span(idx, ns, ne)
        out.append(DateMatch(d, text[s:e], rule, s, e))
    return out


def parse_date(text: str, ref: datetime.date | None = None) -> DateMatch | None:
    """The first date in ``text`` (see find_dates), or None; stops scanning at the first hit."""
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    t, idx = _normalize(text)
    for d, rule, ns, ne in _scan(t, ref):
        s, e = _span(idx, ns, ne)
        return DateMatch(d, text[s:e], rule, s, e)
    return None


# --------------------------------------------------------------------------- local / Japan time

_LOCAL_LABEL = (
    r"現地時間|現地|ワシントン時間|(?:米国?)?東部(?:標準|夏)?時間|ソウル時間|韓国時間|北京時間|ロンドン時間"
    r"|\b(?:[ECMP][SD]T|ET|GMT|UTC|BST|CES?T|KST|EES?T)\b"
    r"|(?i:local\s+time|eastern\s+(?:standard\s+|daylight\s+)?time|washington(?:,?\s*d\.?c\.?)?\s+time"
    r"|new\s+york\s+time|seoul\s+time)"
)
_JAPAN_LABEL = (
    r"日本時間|東京時間|\bJST\b"
    r"|(?i:japan(?:ese)?\s+(?:standard\s+)?time|tokyo\s+time|in\s+japan\b|in\s+tokyo\b)"
)
_LABEL_RE = re.compile(rf"(?P<local>{_LOCAL_LABEL})|(?P<japan>{_JAPAN_LABEL})")
_LABEL_BEFORE_RE = re.compile(rf"(?:(?P<local>{_LOCAL_LABEL})|(?P<japan>{_JAPAN_LABEL}))\s*:?\s*$")
_PAREN_AFTER_RE = re.compile(r"[^()、。,;\n]{0,24}\(")
_SEPARATOR_RE = re.compile(r"[;,、]")


def _close_paren(t: str, open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, min(len(t), open_at + 200)):
        c = t[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _local_pair(
    t: str, outer: tuple[datetime.date, str, int, int], inner: tuple[datetime.date, str, int, int] | None
) -> tuple[datetime.date, int, int] | None:
    """If ``outer (… inner …)`` is a Japan-time/local-time pair, the local date and the pair's span.

    The local date is the one labelled local (現地時間, local time, EST …); failing that, the one
    not labelled Japan time. An unlabelled pair is not a pair.
    """
    if inner is None:
        return None
    o_date, o_rule, o_s, o_e = outer
    gap = _PAREN_AFTER_RE.match(t, o_e)
    if gap is None:
        return None
    open_at = gap.end() - 1
    close_at = _close_paren(t, open_at)
    i_date, i_rule, i_s, i_e = inner
    if close_at is None or not (open_at < i_s and i_e <= close_at):
        return None
    outer_label = inner_label = None
    start = o_s
    before = _LABEL_BEFORE_RE.search(t, max(0, o_s - 24), o_s)
    if before is not None:
        outer_label = before.lastgroup
        start = before.start()
    for lab in _LABEL_RE.finditer(t, o_e, open_at):
        outer_label = outer_label or lab.lastgroup
    for lab in _LABEL_RE.finditer(t, open_at + 1, i_s):
        if _SEPARATOR_RE.search(t, lab.end(), i_s):  # "(local time; July 18 …" labels the outer date
            outer_label = outer_label or lab.lastgroup
        else:  # "(現地時間5日)" labels the inner date
            inner_label = lab.lastgroup
    if inner_label is None:
        lab = _LABEL_RE.search(t, i_e, close_at)
        if lab is not None:
            inner_label = lab.lastgroup
    if inner_label == "local" and outer_label != "local":
        pick, other, pick_rule = i_date, o_date, i_rule
    elif outer_label == "local" or inner_label == "japan":
        pick, other, pick_rule = o_date, i_date, o_rule
    elif outer_label == "japan":
        pick, other, pick_rule = i_date, o_date, i_rule
    else:
        return None
    if pick_rule in ("day_only", "month_day"):
        # Local and Japan dates are at most a day apart: re-anchor a partial date on the other one.
        for k in (0, -1, 1):
            cand = other + datetime.timedelta(days=k)
            if cand.day == pick.day and (pick_rule == "day_only" or cand.month == pick.month):
                pick = cand
                break
    return pick, start, close_at + 1


def meeting_date(text: str, ref: datetime.date | None = None) -> DateMatch | None:
    """The local date of the event a lead sentence describes, or None.

    Takes the first date; when it is paired with another in brackets as Japan time vs local time
    (``本6日(現地時間5日)``, ``July 17 (local time; July 18, Japan time)``), the local one, with
    rule ``local_time`` and the whole pair as ``text``. Partial dates use ``ref``; without it they
    fall back to the last full date earlier in the text. Only the first date raises DateError.
    """
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    t, idx = _normalize(text)
    scan = _scan(t, ref, text_anchor=True)
    first = next(scan, None)
    if first is None:
        return None
    pair = None
    # A second date matters only to _local_pair, which needs a bracket opening right after the first: without one,
    # the rest of the lead is not read (half of meeting_date's cost on the bench pages). A second date that cannot
    # be read ('平成32年', an era year past the era's end, in a quoted plan) does not undo the first.
    if _PAREN_AFTER_RE.match(t, first[3]) is not None:
        try:
            second = next(scan, None)
        except DateError:
            second = None
        pair = _local_pair(t, first, second)
    if pair is None:
        d, rule, ns, ne = first
    else:
        (d, ns, ne), rule = pair, "local_time"
    s, e = _span(idx, ns, ne)
    return DateMatch(d, text[s:e], rule, s, e)


# --------------------------------------------------------------------------- times

# "and" for "between 3:30 and 4:15 p.m."
_CONNECTOR = r"\s*(?:-|‐|‑|–|—|−|~|〜|から|(?i:to|until|till|through|thru|and)\b)\s*"


def _time_pattern(p: str) -> str:
    """One clock time; group names prefixed with ``p`` so a range can hold two."""
    return (
        # 午後1時45分 / 13時15分 / 午後2時半 (kanji hours only after 午前/午後: 一時 is "temporarily")
        rf"(?:(?:(?P<{p}jap>午前|午後)\s*(?P<{p}kh>[0-9]{{1,2}}|{_KNUM})|(?<![0-9])(?P<{p}jh>[0-9]{{1,2}}))"
        rf"\s*時(?!間|点|代|期)(?:\s*(?P<{p}jm>[0-9]{{1,2}}|{_KNUM})\s*分(?!間)|\s*(?P<{p}half>半))?)"
        # 3:30 p.m. / 8 pm / 3.30pm
        rf"|(?:(?<![0-9:.,])(?P<{p}eh>1[0-2]|0?[0-9])(?:[:.](?P<{p}em>[0-5][0-9]))?\s*"
        rf"(?P<{p}eap>[aApP])\.?\s?[mM]\.?(?![A-Za-z]))"
        rf"|(?P<{p}noon>正午|(?:12\s*)?(?i:\bnoon\b|\bmidday\b))|(?P<{p}night>(?i:\bmidnight\b))"
        # 13:15
        rf"|(?:(?<![0-9:.])(?P<{p}ch>[01]?[0-9]|2[0-4]):(?P<{p}cm>[0-5][0-9])(?![0-9]))"
    )


_RANGE = rf"(?P<rng>(?P<a>{_time_pattern('a_')}){_CONNECTOR}(?P<b>{_time_pattern('b_')})(?:\s*まで)?)"
_TIME_RE = re.compile(rf"{_RANGE}|(?P<one>{_time_pattern('s_')})")
_TIME_COND = (
    r"(?<=[0-9])(?<![0-9].)(?=[0-9]?\s*(?:[時:.]|[aApP]\.?\s?[mM]|(?i:noon)))"
    r"|(?<=午)(?=[前後])|(?<=正)(?=午)|(?<![A-Za-z].)(?i:(?<=n)(?=oon)|(?<=m)(?=idday|idnight))"
)
_TIME_START = rf"[0-9午正NnMm](?:{_TIME_COND})"
_TIME_START_RE = re.compile(_TIME_START)


def _clock(mt: re.Match[str], p: str) -> tuple[int, int, str | None] | None:
    """(hour 0-24, minute, 'am'/'pm'/None) of the time whose groups start with ``p``."""
    g = mt.group
    if g(p + "noon") is not None:
        return 12, 0, "pm"
    if g(p + "night") is not None:
        return 0, 0, "am"
    if g(p + "ch") is not None:
        h, m, ap = int(g(p + "ch")), int(g(p + "cm")), None
    elif g(p + "eh") is not None:
        h, m = int(g(p + "eh")), int(g(p + "em") or 0)
        ap = "pm" if g(p + "eap") in "pP" else "am"
    else:
        jap = g(p + "jap")
        h = _int(g(p + "kh") if jap else g(p + "jh"))
        m = 30 if g(p + "half") else _int(g(p + "jm")) if g(p + "jm") else 0
        ap = None if jap is None else ("pm" if jap == "午後" else "am")
    if m > 59 or (h > 12 if ap else h > 24):
        return None
    if ap == "pm":
        h = h % 12 + 12
    elif ap == "am":
        h %= 12
    return h, m, ap


def _range_minutes(a: tuple[int, int, str | None], b: tuple[int, int, str | None]) -> tuple[int, int]:
    """Start and end in minutes from midnight; a bare end takes the start's 午後/p.m. and vice versa."""
    ah, am, aap = a
    bh, bm, bap = b
    if bap is None and aap == "pm" and bh < 12 and bh + 12 >= ah:
        bh += 12  # 午後3時から3時40分まで
    if aap is None and bap == "pm" and ah < 12 and ah + 12 <= bh:
        ah += 12  # 3:30 to 4:15 p.m.
    start, end = ah * 60 + am, bh * 60 + bm
    if end <= start:
        end += 24 * 60
    return start, end


def parse_time(text: str) -> TimeMatch | None:
    """The first clock time, as ``HH:MM``; for a range (15:30-16:05) its start.

    Durations (約60分間, 1時間20分) and dates are not clock times and are not read.
    """
    t, idx = _normalize(text)
    for mt in _matches(_TIME_RE, _TIME_START_RE, t):
        if mt.lastgroup == "rng":
            a, b = _clock(mt, "a_"), _clock(mt, "b_")
            if a is None:
                continue
            if b is not None:
                start, _ = _range_minutes(a, b)
                h, m = divmod(start, 60)
            else:
                h, m = a[0], a[1]
            ns, ne = mt.span("a")
        else:
            c = _clock(mt, "s_")
            if c is None:
                continue
            h, m = c[0], c[1]
            ns, ne = mt.span("one")
        if h > 23:
            continue
        s, e = _span(idx, ns, ne)
        return TimeMatch(f"{h:02d}:{m:02d}", text[s:e], s, e)
    return None


# --------------------------------------------------------------------------- durations

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_VALUE = {w: i for i, w in enumerate(_EN_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_EN_TENS)}
_EN_NUM = (
    rf"(?<![A-Za-z0-9.])(?:[0-9]+(?:\.[0-9]+)?|(?:{'|'.join(_EN_TENS)})(?:[\s-](?:{'|'.join(_EN_UNITS[1:10])})\b)?"
    rf"|(?:{'|'.join(sorted(_EN_UNITS, key=len, reverse=True))})\b)"
)
_EN_QUAL = (
    r"(?:(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|a\s+little\s+over"
    r"|just\s+over|just\s+under|over|more\s+than|less\s+than|under)\s+)?"
)
_DURATION_RE = re.compile(
    rf"{_RANGE}"
    # 約1時間20分 / 1時間半 / 約60分間 / 45分 (not 1時45分, 3分の1, 5分野)
    rf"|(?P<ja>(?:約|およそ|凡そ|概ね|おおむね|ほぼ)?\s*"
    rf"(?:(?<![0-9.])(?P<jh>[0-9]+(?:\.[0-9]+)?|{_KNUM})\s*時間"
    rf"(?:\s*(?P<jhm>[0-9]{{1,2}}|{_KNUM})\s*分間?|(?P<jhalf>半))?"
    rf"|(?<![0-9.時:{_KD}十])(?P<jm>[0-9]{{1,3}}|{_KNUM})\s*分(?!野|の|担|析|類|割|散|離|科|裂|子|岐|布|量|厚)間?))"
    # approximately 35 minutes / an hour and a half / one hour and twenty minutes / 90-minute
    rf"|(?P<en>(?i:{_EN_QUAL}(?:(?P<half>half\s+an\s+hour|a\s+half[\s-]hour|half-hour)"
    rf"|(?:(?P<hn>{_EN_NUM})|(?P<ha>\ban?))(?:\s+and\s+(?:a\s+)?(?P<hh1>half))?[\s-]+hours?(?:-long)?"
    rf"(?:\s+and\s+(?:a\s+)?(?P<hh2>half)\b|(?:,?\s+and)?\s+(?P<hm>{_EN_NUM})[\s-]+min(?:ute)?s?\b)?"
    rf"|(?P<mn>{_EN_NUM})[\s-]+min(?:ute)?s?(?:-long)?)\b))"
)


def _word_starts(words: list[str]) -> str:
    """``(?<=a)(?=bout|pprox)|…``: after one consumed letter, is it the start of one of ``words``?"""
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"(?<={c})(?={'|'.join(sorted(r, key=len, reverse=True))})" for c, r in sorted(rests.items()))


_DURATION_START_RE = re.compile(
    rf"[0-9{_KD}十約おほ凡概午正A-Za-z]"
    r"(?:(?<=[0-9])(?<![0-9.].)(?=[0-9.]*\s*(?:[時分:]|[\s-]*(?i:h|min|[ap]\.?\s?m|noon)))"
    rf"|(?<=[{_KD}十])(?<![{_KD}十].)(?=[{_KD}十]{{0,2}}\s*[時分])"
    r"|(?<=約)|(?<=お)(?=よそ|おむね)|(?<=凡)(?=そ)|(?<=概)(?=ね)|(?<=ほ)(?=ぼ)|(?<=午)(?=[前後])|(?<=正)(?=午)"
    r"|(?<=[A-Za-z])(?<![A-Za-z].)(?i:(?<=a)(?=n?\b)|"
    + _word_starts(
        [
            *("approx", "about", "around", "almost", "roughly", "some", "nearly", "just", "over", "more"),
            *("less", "under", "half", "noon", "midday", "midnight"),
            *_EN_TENS,
            *_EN_UNITS,
        ]
    )
    + "))"
)


def _en_number(s: str) -> float:
    s = s.lower()
    if s[0].isdigit():
        return float(s)
    parts = re.split(r"[\s-]+", s)
    return float(sum(_EN_VALUE[w] for w in parts))


def parse_duration(text: str) -> DurationMatch | None:
    """The first duration in minutes: 約60分間, 1時間半, for about an hour, or a time range's length.

    Minutes that belong to a clock time (午後1時45分) are not a duration.
    """
    t, idx = _normalize(text)
    for mt in _matches(_DURATION_RE, _DURATION_START_RE, t):
        kind = mt.lastgroup
        g = mt.group
        if kind == "rng":
            a, b = _clock(mt, "a_"), _clock(mt, "b_")
            if a is None or b is None:
                continue
            start, end = _range_minutes(a, b)
            minutes = end - start
        elif kind == "ja":
            if g("jh") is not None:
                hours = float(g("jh")) if g("jh")[0].isdigit() else _int(g("jh"))
                extra = 30 if g("jhalf") else (_int(g("jhm")) if g("jhm") else 0)
                minutes = round(hours * 60) + extra
            else:
                if g("jm") == "十" and not mt.group().endswith("間"):
                    continue  # 十分 is usually "enough"
                minutes = _int(g("jm"))
        else:
            if g("half") is not None:
                minutes = 30
            elif g("mn") is not None:
                minutes = round(_en_number(g("mn")))
            else:
                hours = 1.0 if g("ha") is not None else _en_number(g("hn"))
                if g("hh1") or g("hh2"):
                    hours += 0.5
                minutes = round(hours * 60) + (round(_en_number(g("hm"))) if g("hm") else 0)
        if minutes <= 0:
            continue
        ns, ne = mt.span()
        while ns < ne and t[ns].isspace():
            ns += 1
        s, e = _span(idx, ns, ne)
        return DurationMatch(minutes, text[s:e], s, e)
    return None
