"""Every written form of a full or partial date (era, ``YYYY年M月D日``, Korean, numeric, English MDY/DMY, month-day,
day-only) as one alternation, the scan that reads it, and the public ``find_dates`` / ``parse_date``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterator

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
from pressbot.extract.dates.eras import _ERA_START, _era_date, western_to_era
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


_DATES_VOCAB = vocab.load("dates")
# One-letter era aliases (R4.3.9, H30年12月1日) -> era name.
_ERA_LETTER = {alias: era["name"] for era in _DATES_VOCAB["eras"] for alias in era["aliases"] if len(alias) == 1}
_LETTERS = "".join(sorted({c for a in _ERA_LETTER for c in (a, a.upper())}))
_NAMED_DAY: dict[str, int | str] = dict(_DATES_VOCAB["named_days"]["ja"])  # 朔日, 晦日
_NEW_YEAR = vocab.alternation(_DATES_VOCAB["new_year"]["ja"]["words"])  # 元日, 元旦
_CALENDARS: dict[str, int] = dict(_DATES_VOCAB["calendars"])  # 皇紀 -> -660
_KO_NUM = _DATES_VOCAB["numerals"]["ko"]
_KO_DIGIT: dict[str, int] = dict(_KO_NUM["digits"])
_KO_MULT: dict[str, int] = dict(_KO_NUM["multipliers"])
_KO_MONTH: dict[str, int] = dict(_KO_NUM["months"])
_KO_CHARS = "".join([*_KO_DIGIT, *_KO_MULT])
_KO_MONTH_CHARS = _KO_CHARS + "".join(_KO_MONTH)
_KO_VOCAB = _DATES_VOCAB["korean"]
_KO_DAYPART = vocab.alternation(_KO_VOCAB["day_parts"])  # 오전, 오후, 저녁 … after a Korean date
_KO_DAY_PREFIX = vocab.alternation(_KO_VOCAB["day_prefixes"])  # 지난 7일, 오는 9일
_KO_WDS = rf"(?:\s*\(\s*{_KO_WD}(?:요일)?\s*\)|\s+{_KO_WD}요일)?"
_US_ZONES = vocab.alternation(_DATES_VOCAB["us_time_zones"]["names"])  # 10/01/2021 03:25 PM EDT: month first
_SEP = "[-/.・]"  # between the parts of an era date (令和4.3.9)


def _jday(name: str) -> str:
    """A Japanese day: 18日, 十八日, or a named one (朔日, 晦日) in group ``<name>_n``."""
    return rf"(?:(?P<{name}>{_JNUM})\s*日|(?P<{name}_n>{vocab.alternation(_NAMED_DAY)}))"


# One alternation scanned left to right; at a given start the more complete form is listed first,
# so 令和7年7月18日 is never read as 7月18日 or 18日.
_DATE_RE = re.compile(
    "|".join(
        [
            # 令和7年7月18日(金), 令和7(2025)年…, 令和7年（2025年）…, 令和元年…, R4年3月9日, 令和5年元日
            rf"(?P<era>(?:(?P<en>{_ERA_NAMES})|(?<![A-Za-z0-9])(?P<enl>[{_LETTERS.upper()}]))"
            rf"\s*(?P<ey>元|{_JNUM})\s*"
            rf"(?:\(\s*(?P<ew1>{_WYEAR})\s*年?\s*\)\s*年"
            rf"|年\s*(?:\(\s*(?:西暦\s*)?(?P<ew2>{_WYEAR})\s*年?\s*\)\s*)?)"
            rf"\s*(?:(?P<em>{_JNUM})\s*月\s*{_jday('ed')}|(?P<eny>{_NEW_YEAR})){_JWD})",
            # 令和4.3.9, 令和4/3/9, H30.12.1, R4/3/9 (era with separators)
            rf"(?P<esep>(?:(?P<esn>{_ERA_NAMES})|(?<![A-Za-z0-9])(?P<esl>[{_LETTERS}]))\s*"
            rf"(?P<esy>元|[0-9]{{1,2}})(?P<ess>{_SEP})(?P<esm>[0-9]{{1,2}})(?P=ess)(?P<esd>[0-9]{{1,2}})"
            rf"(?![0-9]|[./-][0-9]){_PAREN_WD})",
            # 皇紀2676年4月21日, 단기 4349년 4월 21일 (another calendar's year count)
            rf"(?P<cal>(?P<caln>{vocab.alternation(_CALENDARS)})\s*(?P<caly>[0-9]{{1,4}}|[{_KD}]{{1,4}})\s*[年년]"
            rf"\s*(?P<calm>{_JNUM})\s*[月월]\s*(?P<cald>{_JNUM})\s*[日일]{_JWD})",
            # 2025年7月18日(金曜日), 2025(令和7)年…, 2025年（令和7年）…, 2022年/3月/9日, 2 0 2 2年…, 2023年元旦
            rf"(?P<wja>(?<![0-9])(?P<wy>{_WYEAR}|[0-9](?: [0-9]){{3}})\s*"
            rf"(?:\(\s*(?P<wen1>{_ERA_NAMES})\s*(?P<wey1>元|{_JNUM})\s*年?\s*\)\s*年"
            rf"|年\s*(?:\(\s*(?P<wen2>{_ERA_NAMES})\s*(?P<wey2>元|{_JNUM})\s*年?\s*\)\s*)?)"
            rf"\s*(?:[/・]\s*)?(?:(?P<wm>{_JNUM})\s*月\s*(?:[/・]\s*)?{_jday('wd')}|(?P<wny>{_NEW_YEAR})){_JWD})",
            # 2025년 7월 18일 (ROK pages in Korean)
            r"(?P<ko>(?<![0-9])(?P<ky>[0-9]{4})\s*년\s*(?P<km>[0-9]{1,2})\s*월\s*(?P<kd>[0-9]{1,2})\s*일"
            rf"{_PAREN_WD})",
            # 이천십육년 사월 이십일일 (Sino-Korean numerals)
            rf"(?P<kon>(?<![가-힣])(?P<kony>[{_KO_CHARS}]+)\s*년\s*(?P<konm>[{_KO_MONTH_CHARS}]+)\s*월\s*"
            rf"(?P<kond>[{_KO_CHARS}]+)\s*일(?![가-힣]))",
            # 2025-7-23, 2025/07/18, 2025.07.18, 2022・3・9, 2022,3,9
            r"(?P<num>(?<![0-9./,-])(?P<ny>(?:1[89]|2[0-9])[0-9]{2})(?P<nsep>[-/.・,])(?P<nm>[0-9]{1,2})"
            rf"(?P=nsep)(?P<nd>[0-9]{{1,2}})(?![0-9]|[./,-][0-9]){_PAREN_WD})",
            # 一九五五・二・三
            rf"(?P<knum>(?<![{_KD}十])(?P<kny>[{_KD}]{{4}})・(?P<knm>{_KNUM})・(?P<knd>{_KNUM})(?![{_KD}十]))",
            # 21/04/2016, 04-21-2016, 21.04.2016, 04/05/2016 (order from the page's language when both fit)
            r"(?P<dnum>(?<![0-9./,-])(?P<da>[0-9]{1,2})(?P<dsep>[-/.])(?P<db>[0-9]{1,2})(?P=dsep)"
            rf"(?P<dy>(?:1[89]|2[0-9])[0-9]{{2}})(?![0-9]|[./-][0-9]){_PAREN_WD}"
            rf"(?P<dnus>(?=,?\s+[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:{_US_ZONES})\b))?)",
            # 2025. 7. 18.
            r"(?P<kdot>(?<![0-9.])(?P<kdy>(?:1[89]|2[0-9])[0-9]{2})\.\s+(?P<kdm>[0-9]{1,2})\.\s*"
            rf"(?P<kdd>[0-9]{{1,2}})(?![0-9])\.?{_PAREN_WD})",
            # Thu Apr 21 10:00:00 2016 (log stamps; a zone may stand before the year)
            rf"(?P<log>\b(?i:{_EN_WD})[a-z]*\.?,?\s+{_emon('log_m')}\s+{_eday('log_d')}\s+"
            rf"[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?\s+(?:[A-Z]{{2,5}}\s+)?(?P<log_y>[0-9]{{4}})(?![0-9]))",
            # Thursday, July 17, 2025 / Jul. 18, 2025 / Sept. 3 2025
            rf"(?P<mdy>{_EWD}{_emon('mdy_m')}\s*{_eday('mdy_d')},?\s*(?P<mdy_y>[0-9]{{4}})(?![0-9]))",
            # 18 July 2025 / Friday, 18 July 2025
            rf"(?P<dmy>{_EWD}{_eday('dmy_d')}\s+(?i:of\s+)?{_emon('dmy_m')},?\s*"
            rf"(?P<dmy_y>[0-9]{{4}})(?![0-9]))",
            # July 18 / Thursday, July 17 (year from ref)
            rf"(?P<md>{_EWD}{_emon('md_m')}\s*{_eday('md_d')})",
            # 18 July (year from ref)
            rf"(?P<dm>{_eday('dm_d')}\s+(?i:of\s+)?{_emon('dm_m')})",
            # 3월 29일 월요일, 7월 18일(금) (Korean, year from ref)
            rf"(?P<komd>(?<![0-9])(?P<komm>[0-9]{{1,2}})\s*월\s*(?P<komdd>[0-9]{{1,2}})\s*일(?![가-힣]){_KO_WDS})",
            # 4.7.(금), 7.13.(목) 오전, 11.4. 오후 (ROK notes, year from ref): a weekday or a time of day must follow
            rf"(?P<kodot>(?<![0-9.])(?P<kodm>[0-9]{{1,2}})\.\s?(?P<kodd>[0-9]{{1,2}})\.(?![0-9])"
            rf"(?=\s*\(\s*{_KO_WD}|\s*(?:{_KO_DAYPART})|\s*[~～-]\s*[0-9]{{1,2}}\.|\s*[0-9]{{1,2}}:[0-9]{{2}})(?:\s*\(\s*{_KO_WD}(?:요일)?\s*\))?)",
            # 24일(현지시간), 29일(월), 20일 저녁, 지난 7일 (Korean day only, month from ref)
            rf"(?P<kod>(?:(?P<kodp>{_KO_DAY_PREFIX})\s*(?P<kodn1>[0-9]{{1,2}})\s*일"
            rf"|(?<![0-9월.])(?P<kodn2>[0-9]{{1,2}})\s*일(?=\s*\(\s*(?:현지|{_KO_WD})|\s*(?:{_KO_DAYPART})))"
            rf"(?![가-힣])(?:\s*\(\s*{_KO_WD}(?:요일)?\s*\))?)",
            # 30年11月20日 (era year without the era: the era of ref)
            rf"(?P<eyr>(?<![0-9{_KD}十元年度]){_NOT_AFTER_NUM}(?P<eyy>{_JNUM})\s*年\s*(?P<eym>{_JNUM})\s*月\s*"
            rf"{_jday('eyd')}{_JWD})",
            # 7月18日(金), 昨年12月28日 (year from ref)
            rf"(?P<jmd>(?:(?P<jmp>{_YEAR_WORDS})\s*)?{_NOT_AFTER_NUM}"
            rf"(?P<jmm>{_JNUM})\s*月\s*{_jday('jmdd')}{_JWD})",
            # 本6日, 18日, 今月18日 (month from ref); not 3日間, 30日以内, 5日後
            rf"(?P<jd>(?:(?P<jdp>今月|本月|同月|本|今|昨|明)\s*|(?<![0-9{_KD}十月]))"
            rf"(?P<jdd>[0-9]{{1,2}}|{_KNUM})\s*日"
            r"(?!\s*(?:間|以内|以上|以下|未満|前|後|ぶり|振り|目|程度|ほど|余り|分|足らず))"
            rf"{_JWD})",
            # 元日, 元旦 (year from ref)
            rf"(?P<ny1>{_NEW_YEAR})",
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
_CAL_FIRST = "".join(dict.fromkeys(name[0] for name in _CALENDARS))
_CAL_SECOND = "".join(dict.fromkeys(name[1] for name in _CALENDARS))
_NEW_YEAR_FIRST = "".join(dict.fromkeys(w[0] for w in _DATES_VOCAB["new_year"]["ja"]["words"]))
_NEW_YEAR_SECOND = "".join(dict.fromkeys(w[1] for w in _DATES_VOCAB["new_year"]["ja"]["words"]))
_KO_PREFIX_FIRST = "".join(dict.fromkeys(w[0] for w in _KO_VOCAB["day_prefixes"]))
_KO_PREFIX_REST = "|".join(dict.fromkeys(re.escape(w[1:]) for w in _KO_VOCAB["day_prefixes"]))
_DATE_START_RE = re.compile(
    rf"[0-9{_KD}十{_KO_PREFIX_FIRST}{_ERA_FIRST}{_DAY_PREFIX_FIRST}{_YEAR_FIRST}{_EN_FIRST}{_LETTERS}{_KO_CHARS}{_CAL_FIRST}"
    rf"{_NEW_YEAR_FIRST}]"
    r"(?:(?<=[0-9])(?=[0-9]{0,3}\s*[年月日/.\-년월일(A-Za-z])"
    r"|(?<=[0-9])(?=[0-9]{3}[・,][0-9])"  # 2022・3・9, 2022,3,9 (a comma after any number would cost every '1,000')
    r"|(?<=[0-9])(?=(?: [0-9]){3}\s*年)"
    rf"|(?<=[{_KD}十])(?=[{_KD}十]{{0,3}}\s*[年月日])"
    rf"|(?<=[{_KD}])(?=[{_KD}]{{3}}・)"
    rf"|(?<=[{_ERA_FIRST}{_YEAR_FIRST}])(?=[{_ERA_SECOND}年])"
    rf"|(?<=[{_DAY_PREFIX_FIRST}])(?=[0-9{_KD}十日月年])"
    rf"|(?<=[{_EN_FIRST}])(?<![A-Za-z].)(?=(?i:{_EN_NEXT_TWO}))"
    rf"|(?<=[{_LETTERS}])(?<![A-Za-z0-9].)(?=\s*(?:元|[0-9]{{1,2}})\s*[年./\-・])"
    rf"|(?<=[{_KO_CHARS}])(?<![가-힣].)(?=[{_KO_CHARS}]{{0,8}}\s*년)"
    rf"|(?<=[{_CAL_FIRST}])(?=[{_CAL_SECOND}])"
    rf"|(?<=[{_NEW_YEAR_FIRST}])(?=[{_NEW_YEAR_SECOND}])"
    rf"|(?<=[{_KO_PREFIX_FIRST}])(?={_KO_PREFIX_REST}))"
)


def _ko_int(s: str) -> int:
    """이천십육 -> 2016; 유 (유월) and 시 (시월) are the month forms of 6 and 10."""
    if s in _KO_MONTH:
        return _KO_MONTH[s]
    total = cur = 0
    for c in s:
        if c in _KO_DIGIT:
            cur = _KO_DIGIT[c]
        elif c in _KO_MULT:
            total += (cur or 1) * _KO_MULT[c]
            cur = 0
        else:
            return 0
    return total + cur


def _day_of(g: Callable[[str], str | None], name: str, year: int, month: int) -> int:
    """The day read by ``_jday(name)``: its number, 1 for 朔日, the month's last for 晦日 (0 when impossible)."""
    if g(name) is not None:
        return _int(g(name))
    value = _NAMED_DAY[g(name + "_n")]
    if value == "last":
        if not 1 <= month <= 12 or not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            return 0
        return calendar.monthrange(year, month)[1]
    return int(value)


def _month_first(language: str | None) -> bool:
    """Numeric dates read month first only on US English pages (en-US); everywhere else day first."""
    return bool(language) and language.lower().replace("_", "-") in ("en-us", "us")


_FULL_RULES = frozenset(
    (
        *("era", "western_ja", "korean", "numeric", "korean_dots", "english_mdy", "english_dmy", "english_log"),
        *("calendar", "numeric_dmy", "numeric_mdy", "numeric_dmy_by_language", "numeric_mdy_by_language"),
        "numeric_mdy_by_time_zone",
    )
)


def _scan(
    t: str, ref: datetime.date | None, text_anchor: bool = False, language: str | None = None
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
            name = g("en") or _ERA_LETTER[g("enl").lower()]
            ey = _int(g("ey"))
            western = g("ew1") or g("ew2")
            if western is not None and ey >= 1 and _int(western) != _ERA_START[name].year + ey - 1:
                raise DateError(f"era year and western year disagree: {mt.group()!r}", mt.group())
            month = 1 if g("eny") else _int(g("em"))
            day = 1 if g("eny") else _day_of(g, "ed", _ERA_START[name].year + ey - 1, month)
            if g("en") is None:  # R4年3月9日: a letter is too weak to assert an impossible date
                try:
                    d = _era_date(name, ey, month, day, mt.group())
                except DateError:
                    d = None
            else:
                d = _era_date(name, ey, month, day, mt.group())
            rule = "era"
        elif kind == "esep":
            name = g("esn") or _ERA_LETTER[g("esl").lower()]
            try:
                d = _era_date(name, _int(g("esy")), int(g("esm")), int(g("esd")), mt.group())
            except DateError:
                if g("esn") is not None:
                    raise
                d = None  # S1.2.3 is a section number before it is an impossible Showa date
            rule = "era"
        elif kind == "cal":
            d = _make(_int(g("caly")) + _CALENDARS[g("caln")], _int(g("calm")), _int(g("cald")))
            rule = "calendar"
        elif kind == "kon":
            year = _ko_int(g("kony"))
            d = _make(year, _ko_int(g("konm")), _ko_int(g("kond"))) if year >= 1000 else None
            rule = "korean"
        elif kind == "knum":
            d = _make(_int(g("kny")), _int(g("knm")), _int(g("knd")))
            rule = "numeric"
        elif kind == "dnum":
            a, b, y = int(g("da")), int(g("db")), int(g("dy"))
            if a > 12 >= b:
                d, rule = _make(y, b, a), "numeric_dmy"
            elif b > 12 >= a:
                d, rule = _make(y, a, b), "numeric_mdy"
            elif g("dnus") is not None:
                d, rule = _make(y, a, b), "numeric_mdy_by_time_zone"
            elif _month_first(language):
                d, rule = _make(y, a, b), "numeric_mdy_by_language"
            else:
                d, rule = _make(y, b, a), "numeric_dmy_by_language"
        elif kind == "log":
            month = _english_month(g("log_m").capitalize())
            d = _make(int(g("log_y")), month, int(g("log_d"))) if month else None
            rule = "english_log"
        elif kind == "wja":
            y = _int(g("wy"))
            era = g("wen1") or g("wen2")
            month = 1 if g("wny") else _int(g("wm"))
            day = 1 if g("wny") else _day_of(g, "wd", y, month)
            if era is not None:
                ey = _int(g("wey1") or g("wey2"))
                if ey < 1 or _ERA_START[era].year + ey - 1 != y:
                    raise DateError(f"era year and western year disagree: {mt.group()!r}", mt.group())
                d = _era_date(era, ey, month, day, mt.group())
            else:
                d = _make(y, month, day)
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
                month = _int(g("jmm"))
                d = _month_day(anchor, month, 1 if g("jmdd") is None else _int(g("jmdd")), g("jmp"))
                if d is not None and g("jmdd") is None:
                    d = _make(d.year, month, _day_of(g, "jmdd", d.year, month))
            elif kind == "komd":
                d = _month_day(anchor, int(g("komm")), int(g("komdd")), None)
            elif kind == "kodot":
                d = _month_day(anchor, int(g("kodm")), int(g("kodd")), None)
            elif kind == "kod":
                d = _day_only(anchor, int(g("kodn1") or g("kodn2")), None)
                rule = "day_only"
            elif kind == "ny1":
                d = _month_day(anchor, 1, 1, None)
            elif kind == "eyr":
                d = _implied_era(anchor, g)
                rule = "era_year"
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


def _implied_era(anchor: datetime.date, g: Callable[[str], str | None]) -> datetime.date | None:
    """30年11月20日 on a page of 2018: the year of the anchor's era, if that lands within a year of the anchor."""
    name, _ = western_to_era(anchor)
    year = _ERA_START[name].year + _int(g("eyy")) - 1
    month = _int(g("eym"))
    try:
        d = _era_date(name, _int(g("eyy")), month, _day_of(g, "eyd", year, month), "")
    except DateError:
        return None
    return d if d is not None and abs((d - anchor).days) <= 366 else None


def find_dates(text: str, ref: datetime.date | None = None, *, language: str | None = None) -> list[DateMatch]:
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
    for d, rule, ns, ne in _scan(t, ref, language=language):
        s, e = _span(idx, ns, ne)
        out.append(DateMatch(d, text[s:e], rule, s, e))
    return out


def parse_date(text: str, ref: datetime.date | None = None, *, language: str | None = None) -> DateMatch | None:
    """The first date in ``text`` (see find_dates), or None; stops scanning at the first hit."""
    if isinstance(ref, datetime.datetime):
        ref = ref.date()
    t, idx = _normalize(text)
    for d, rule, ns, ne in _scan(t, ref, language=language):
        s, e = _span(idx, ns, ne)
        return DateMatch(d, text[s:e], rule, s, e)
    return None


# A date in a URL's path: /2022/09/15/, /20220915, /2021/12/20/slug, _2023-07-28 (year 19xx/20xx, a real month and day).
_URL_DATE_RE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})(?:([/_-])(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])"
    # 8 digits opening a digit run, an article number's head: /20240925001034, /202204079764Y, AKR20170418…
    r"|(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01]))"
)


def url_date(url: str | None) -> datetime.date | None:
    """The last full date written in a URL's path (the one nearest the page name), or None."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2].partition("?")[0]
    found = None
    for mt in _URL_DATE_RE.finditer(path):
        month, day = (mt.group(3), mt.group(4)) if mt.group(3) else (mt.group(5), mt.group(6))
        found = _make(int(mt.group(1)), int(month), int(day)) or found
    return found
