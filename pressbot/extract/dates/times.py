"""Clock times (``午後1時45分``, ``3:30 p.m.``, ``noon``) and durations (``約1時間20分``, ``an hour and a half``,
the length of a time range): ``parse_time`` and ``parse_duration``.
"""

from __future__ import annotations

import re

from pressbot.extract.dates.base import _KD, _KNUM, DurationMatch, TimeMatch, _int, _matches, _normalize, _span

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
