"""Dates written without a year or month (``18日``, ``7月18日``, ``同日``, ``昨年12月28日``) resolved against an
anchor date, and the second date of a range or list (``7月18日～19日``) continuing the first.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from pressbot.extract import vocab
from pressbot.extract.dates.base import _english_month, _int

# Between two dates of one range or list (18日～19日, 7月18日、19日): the second continues the first.
_CONTINUATION_RE = re.compile(
    r"\s*(?:から|より|～|〜|~|-|‐|–|—|−|、|,|・|及び|および|と|ないし|乃至|(?i:and|to|through|thru|until|till))\s*"
)
_YEAR_OFFSET: dict[str, int] = dict(vocab.load("dates")["year_offsets"]["ja"])  # 昨年7月18日


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


_WD_VOCAB = vocab.load("dates")["weekdays"]
_WEEKDAY_INDEX = {name: i for i, name in enumerate(_WD_VOCAB["en_full"])}
_WEEKDAY_RE = re.compile(
    rf"\b(?:(?i:{vocab.alternation(_WD_VOCAB['en_before'])})\s+(?P<a>{vocab.alternation(_WD_VOCAB['en_full'])})"
    rf"|(?P<b>{vocab.alternation(_WD_VOCAB['en_full'])})\s+(?i:{vocab.alternation(_WD_VOCAB['en_after'])}))\b",
    re.I,
)


def weekday_date(text: str, anchor: datetime.date) -> tuple[datetime.date, str, int, int] | None:
    """'on Thursday' / 'Thursday afternoon': the last such weekday on or before ``anchor`` (the page's date).

    Returns (date, weekday word, start, end); a weekday written lower-case is not read (only names are
    capitalised), and only the first one counts.
    """
    mt = _WEEKDAY_RE.search(text)
    if mt is None:
        return None
    word = mt.group("a") or mt.group("b")
    if not word[0].isupper():
        return None
    back = (anchor.weekday() - _WEEKDAY_INDEX[word.lower()]) % 7
    start, end = mt.span("a" if mt.group("a") else "b")
    return anchor - datetime.timedelta(days=back), word, start, end
