"""Every written form of a full or partial date (era, ``YYYY年M月D日``, Korean, numeric, English MDY/DMY, month-day,
day-only) as one alternation, the scan that reads it, and the public ``find_dates`` / ``parse_date``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from pressbot.extract import vocab
from pressbot.extract.dates.base import (
    _EMONTHS,
    _JNUM,
    _KD,
    _KNUM,
    _MONTHS_EN,
    _NOT_AFTER_NUM,
    _WYEAR,
    DateError,
    DateMatch,
    _english_month,
    _int,
    _matches,
    _normalize,
    _span,
)
from pressbot.extract.dates.eras import _ERA_START, _era_date
from pressbot.extract.dates.relative import _CONTINUATION_RE, _YEAR_OFFSET, _continue, _day_only, _make, _month_day

_ERA_NAMES = vocab.alternation(_ERA_START)
_WEEKDAYS = vocab.load("dates")["weekdays"]
_JA_WD = vocab.char_class(_WEEKDAYS["ja"])
_KO_WD = vocab.char_class(_WEEKDAYS["ko"])
_EN_WD = vocab.alternation(_WEEKDAYS["en"])
# Weekday suffix: (金) (金曜日) (月・祝) or 金曜日 without brackets.
_JWD = (
    rf"(?:\s*\(\s*(?:{_JA_WD}(?:曜日?)?|祝日?|休日?)"
    rf"(?:\s*[・･,、/]\s*(?:祝日?|休日?|振休))?\s*\)|\s*{_JA_WD}曜日?)?"
)
# (Fri.) (金) (금) after a numeric date.
_PAREN_WD = rf"(?:\s*\(\s*(?:(?i:{_EN_WD})(?i:day)?\.?|{_JA_WD}(?:曜日?)?|{_KO_WD}(?:요일)?)\s*\))?"
_EWD = rf"(?:\b(?i:{vocab.alternation([*_WEEKDAYS['en'], *_WEEKDAYS['en_before_day']])})(?i:day)?\b\.?,?\s+)?"
_YEAR_WORDS = vocab.alternation(_YEAR_OFFSET)


def _emon(name: str) -> str:
    return rf"\b(?P<{name}>(?i:{_EMONTHS}))\b\.?"


def _eday(name: str) -> str:
    return rf"(?<![0-9.,:])(?P<{name}>[0-9]{{1,2}})(?![0-9])(?:st|nd|rd|th)?\b"


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
            rf"(?P<jmd>(?:(?P<jmp>{_YEAR_WORDS})\s*)?{_NOT_AFTER_NUM}"
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
_DAY_PREFIX_FIRST = "本今昨明同"  # 本6日, 今月18日, 昨18日, 明19日, 同日: the day-only prefixes of _DATE_RE
_ERA_FIRST = "".join(dict.fromkeys(name[0] for name in _ERA_START))
_ERA_SECOND = "".join(dict.fromkeys(name[1] for name in _ERA_START if len(name) > 1))
_YEAR_FIRST = "".join(dict.fromkeys(w[0] for w in _YEAR_OFFSET if w[0] not in _DAY_PREFIX_FIRST + _ERA_FIRST))
# Month and weekday words: the capital each starts with, and the two letters after it.
_EN_WORDS = [*_MONTHS_EN, *_WEEKDAYS["en"], *_WEEKDAYS["en_before_day"]]
_EN_FIRST = "".join(dict.fromkeys(word[0].upper() for word in _EN_WORDS))
_EN_NEXT_TWO = "|".join(dict.fromkeys(re.escape(word[1:3]) for word in _EN_WORDS))
_DATE_START_RE = re.compile(
    rf"[0-9{_KD}十{_ERA_FIRST}{_DAY_PREFIX_FIRST}{_YEAR_FIRST}{_EN_FIRST}]"
    r"(?:(?<=[0-9])(?=[0-9]{0,3}\s*[年月日/.\-년(A-Za-z])"
    rf"|(?<=[{_KD}十])(?=[{_KD}十]{{0,3}}\s*[年月日])"
    rf"|(?<=[{_ERA_FIRST}{_YEAR_FIRST}])(?=[{_ERA_SECOND}年])"
    rf"|(?<=[{_DAY_PREFIX_FIRST}])(?=[0-9{_KD}十日月年])"
    rf"|(?<=[{_EN_FIRST}])(?<![A-Za-z].)(?=(?i:{_EN_NEXT_TWO})))"
)


_FULL_RULES = frozenset(("era", "western_ja", "korean", "numeric", "korean_dots", "english_mdy", "english_dmy"))


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
