"""Dates, times and durations as they appear in MOFA (ja/en), State, ROK MOFA and republishing sites."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressbot.extract import dates
from pressbot.extract.dates import (
    DateError,
    DateMatch,
    era_to_western,
    find_dates,
    meeting_date,
    parse_date,
    parse_duration,
    parse_time,
    western_to_era,
)

D = dt.date
REF = D(2025, 7, 18)

# (input, ref, expected date, expected rule): parse_date reads the first date.
DATE_CASES = [
    # Japanese era (MOFA date lines and lead sentences; the j-defense seed)
    (
        "外務省は令和7(2025)年7月18日(金)、日米韓次官協議を開催したことを以下のように発表した。",
        None,
        D(2025, 7, 18),
        "era",
    ),
    ("令和7年7月18日", None, D(2025, 7, 18), "era"),
    ("令和７年７月１８日（金）", None, D(2025, 7, 18), "era"),
    ("令和7年（2025年）7月18日", None, D(2025, 7, 18), "era"),
    ("令和7年(西暦2025年)7月18日", None, D(2025, 7, 18), "era"),
    ("令和元年5月1日", None, D(2019, 5, 1), "era"),
    ("平成31年4月30日", None, D(2019, 4, 30), "era"),
    ("平成元年1月8日", None, D(1989, 1, 8), "era"),
    ("昭和64年1月7日", None, D(1989, 1, 7), "era"),
    ("大正15年12月24日", None, D(1926, 12, 24), "era"),
    ("明治元年10月23日", None, D(1868, 10, 23), "era"),
    ("令和七年十二月二十六日", None, D(2025, 12, 26), "era"),
    ("令和 7 年 7 月 18 日", None, D(2025, 7, 18), "era"),
    ("㋿7年7月18日", None, D(2025, 7, 18), "era"),
    ("令和6年2月29日(木)", None, D(2024, 2, 29), "era"),
    ("人事発令 令和7年12月16日付け、将補人事(陸自12名、海自13名、空自13名)", None, D(2025, 12, 16), "era"),
    # Japanese western
    ("2025年7月18日（金曜日）", None, D(2025, 7, 18), "western_ja"),
    ("２０２５年７月１８日", None, D(2025, 7, 18), "western_ja"),
    ("2025(令和7)年7月18日", None, D(2025, 7, 18), "western_ja"),
    ("2025年（令和7年）7月18日", None, D(2025, 7, 18), "western_ja"),
    ("二〇二五年七月十八日", None, D(2025, 7, 18), "western_ja"),
    ("2025年7月18日金曜日", None, D(2025, 7, 18), "western_ja"),
    # numeric and Korean
    (
        "日米韓次官協議 北朝鮮・中国・経済安保で戦略的連携を再確認\n- 日本の防衛\n2025-7-23 10:05\n",
        None,
        D(2025, 7, 23),
        "numeric",
    ),
    ("2025/07/18", None, D(2025, 7, 18), "numeric"),
    ("2025.07.18", None, D(2025, 7, 18), "numeric"),
    ("Press Releases Date 2025-07-19 hit 688", None, D(2025, 7, 19), "numeric"),
    ("in Tokyo on 2025. 7. 18. (Fri.), on the margins of the Talks", None, D(2025, 7, 18), "korean_dots"),
    ("2025. 7. 18.", None, D(2025, 7, 18), "korean_dots"),
    ("2025년 7월 18일(금)", None, D(2025, 7, 18), "korean"),
    # English with a year
    ("July 18, 2025", None, D(2025, 7, 18), "english_mdy"),
    ("Jul. 18, 2025", None, D(2025, 7, 18), "english_mdy"),
    ("Sept. 3, 2025", None, D(2025, 9, 3), "english_mdy"),
    ("Thursday, July 17, 2025", None, D(2025, 7, 17), "english_mdy"),
    ("Readout Office of the Spokesperson January 22, 2026 Share", None, D(2026, 1, 22), "english_mdy"),
    ("July 18th, 2025", None, D(2025, 7, 18), "english_mdy"),
    ("18 July 2025", None, D(2025, 7, 18), "english_dmy"),
    ("Friday, 18 July 2025", None, D(2025, 7, 18), "english_dmy"),
    ("The meeting took place on 3 September 2025 in Manila.", None, D(2025, 9, 3), "english_dmy"),
    # month and day, year from ref
    ("7月18日(金)、船越外務事務次官は", REF, D(2025, 7, 18), "month_day"),
    ("12月28日", D(2026, 1, 10), D(2025, 12, 28), "month_day"),
    ("1月5日", D(2025, 12, 26), D(2026, 1, 5), "month_day"),
    (
        "On July 18 in Tokyo, Deputy Secretary of State Christopher Landau met",
        D(2025, 7, 17),
        D(2025, 7, 18),
        "month_day",
    ),
    ("On January 8, for approximately 30 minutes from 8:00 p.m.,", D(2025, 1, 8), D(2025, 1, 8), "month_day"),
    ("May 31", D(2025, 6, 2), D(2025, 5, 31), "month_day"),
    ("at the Department of State on Thursday, January 22, for the", D(2026, 1, 21), D(2026, 1, 22), "month_day"),
    ("昨年12月28日", D(2025, 3, 1), D(2024, 12, 28), "month_day"),
    ("十二月二十六日", D(2025, 12, 27), D(2025, 12, 26), "month_day"),
    # day only, month from ref
    ("本6日", D(2025, 3, 6), D(2025, 3, 6), "day_only"),
    ("18日、船越健裕外務事務次官は", REF, D(2025, 7, 18), "day_only"),
    ("28日", D(2025, 3, 2), D(2025, 2, 28), "day_only"),
    ("同日午後", REF, REF, "day_only"),
    ("本日、外務省において", REF, REF, "day_only"),
    ("今月25日", REF, D(2025, 7, 25), "day_only"),
    ("同月18日", REF, D(2025, 7, 18), "day_only"),
]


@pytest.mark.parametrize(("text", "ref", "expected", "rule"), DATE_CASES)
def test_parse_date(text: str, ref: dt.date | None, expected: dt.date, rule: str) -> None:
    m = parse_date(text, ref)
    assert m is not None
    assert (m.date, m.rule) == (expected, rule)
    assert text[m.start : m.end] == m.text
    assert m.text.strip() == m.text


def test_date_table_covers_every_rule() -> None:
    assert len(DATE_CASES) >= 45
    rules = {rule for *_, rule in DATE_CASES}
    assert rules >= {
        "era", "western_ja", "numeric", "english_mdy", "english_dmy", "korean_dots", "month_day", "day_only",
    }  # fmt: skip


def test_text_keeps_weekday_and_original_characters() -> None:
    m = parse_date("外務省は令和７(２０２５)年７月１８日（金）、")
    assert m is not None
    assert m.text == "令和７(２０２５)年７月１８日（金）"
    assert (m.start, m.end) == (4, 22)


def test_offsets_survive_expanding_characters() -> None:
    # … (1 char) becomes ... (3) and ㈱ becomes (株): offsets must still point into the original
    text = "…㈱…㍻31年4月30日㈱…7月18日"
    found = find_dates(text, REF)
    assert [(m.date, m.text) for m in found] == [(D(2019, 4, 30), "㍻31年4月30日"), (D(2025, 7, 18), "7月18日")]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_find_dates_all_in_order() -> None:
    text = "2025-7-23 10:05\n外務省は令和7(2025)年7月18日(金)、…人事発令 12月9日付け、1佐職人事(陸自9名)"
    found = find_dates(text, D(2025, 12, 10))
    assert [(m.date, m.rule) for m in found] == [
        (D(2025, 7, 23), "numeric"),
        (D(2025, 7, 18), "era"),
        (D(2025, 12, 9), "month_day"),
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_partial_dates_need_ref() -> None:
    assert find_dates("7月18日、本6日、同日、July 18") == []
    assert parse_date("18日") is None


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("令和7年7月18日から19日", None, [D(2025, 7, 18), D(2025, 7, 19)]),
        ("18日～19日", REF, [D(2025, 7, 18), D(2025, 7, 19)]),  # 19 > ref's day, but continues the 18th
        ("7月30日、8月1日", REF, [D(2025, 7, 30), D(2025, 8, 1)]),
        ("令和6年12月28日から1月5日まで", None, [D(2024, 12, 28), D(2025, 1, 5)]),
        ("July 17, 2025 and July 18", None, [D(2025, 7, 17), D(2025, 7, 18)]),
    ],
)
def test_ranges_and_lists_continue_the_previous_date(text: str, ref: dt.date | None, expected: list[dt.date]) -> None:
    assert [m.date for m in find_dates(text, ref)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "令和7(2024)年7月18日(金)",
        "令和7年（2024年）7月18日",
        "2025(令和6)年7月18日",
        "2025年（令和8年）7月18日",
        "令和1年4月1日",  # before the era began
        "令和元年4月30日",
        "平成31年5月1日",  # after the era ended
        "昭和64年1月8日",
        "明治元年1月1日",
        "令和0年1月1日",
        "令和7(2024)年2月30日",  # years disagree even though the day is impossible anyway
    ],
)
def test_impossible_era_dates_raise(text: str) -> None:
    with pytest.raises(DateError):
        find_dates(text)
    with pytest.raises(DateError):
        parse_date(text)


def test_date_error_is_a_value_error_and_raised_after_good_dates() -> None:
    assert issubclass(DateError, ValueError)
    with pytest.raises(DateError):
        find_dates("令和7年7月1日、令和7(2024)年7月18日")


@pytest.mark.parametrize(
    "text",
    [
        "2月30日",
        "令和7年2月30日",
        "令和7(2025)年2月30日",
        "2025-02-30",
        "February 30, 2025",
        "13月1日",
        "令和5年2月29日",
        "31日",  # ref's previous month (June) has 30 days
    ],
)
def test_invalid_days_are_skipped(text: str) -> None:
    assert find_dates(text, D(2025, 7, 18)) == []


@pytest.mark.parametrize(
    "text",
    [
        "3日間の日程で",
        "30日以内に",
        "5日後",
        "約60分間",
        "1佐職人事(陸自9名)",
        "日本の平和と安定",
        "一日も早い解決",
        "Article 9 of the Constitution",
        "may 18, 2025",  # a verb, not a month
        "the 2025 Osaka Expo",
        "午後1時45分",
        "共同日程",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


# meeting_date: the local date of the event described in a lead sentence
MEETING_CASES = [
    ("本6日(現地時間5日)、岩屋外務大臣は", D(2025, 3, 6), D(2025, 3, 5), "local_time", "本6日(現地時間5日)"),
    ("日本時間18日(現地時間17日)", REF, D(2025, 7, 17), "local_time", "日本時間18日(現地時間17日)"),
    ("現地時間17日(日本時間18日)", REF, D(2025, 7, 17), "local_time", "現地時間17日(日本時間18日)"),
    (
        "On July 17 (local time; July 18, Japan time), Mr. FUNAKOSHI",
        REF,
        D(2025, 7, 17),
        "local_time",
        "July 17 (local time; July 18, Japan time)",
    ),
    (
        "January 23 (6 pm on January 22, EST)",
        D(2025, 1, 23),
        D(2025, 1, 22),
        "local_time",
        "January 23 (6 pm on January 22, EST)",
    ),
    (
        "On May 16 (local time; May 17, Japan time), commencing at 2:00 p.m. for about 70 minutes,",
        D(2025, 5, 17),
        D(2025, 5, 16),
        "local_time",
        "May 16 (local time; May 17, Japan time)",
    ),
    ("本1日(現地時間2月28日)", D(2025, 3, 1), D(2025, 2, 28), "local_time", "本1日(現地時間2月28日)"),
    ("本1日(現地時間28日)", D(2025, 3, 1), D(2025, 2, 28), "local_time", "本1日(現地時間28日)"),
    ("令和7年7月18日(現地時間17日)", None, D(2025, 7, 17), "local_time", "令和7年7月18日(現地時間17日)"),
    ("本18日、船越外務事務次官は", REF, D(2025, 7, 18), "day_only", "本18日"),
    ("本18日", D(2025, 8, 5), D(2025, 7, 18), "day_only", "本18日"),
    ("18日", REF, D(2025, 7, 18), "day_only", "18日"),
    ("同日", REF, REF, "day_only", "同日"),
    ("7月18日(金)", REF, D(2025, 7, 18), "month_day", "7月18日(金)"),
    ("On May 31, Minister", D(2025, 6, 1), D(2025, 5, 31), "month_day", "May 31"),
    ("12月28日", D(2026, 1, 9), D(2025, 12, 28), "month_day", "12月28日"),
    ("7月17日(現地時間)、", REF, D(2025, 7, 17), "month_day", "7月17日"),
    (
        "外務省は令和7(2025)年7月18日(金)、日米韓次官協議を開催したことを以下のように発表した。",
        D(2025, 7, 23),
        D(2025, 7, 18),
        "era",
        "令和7(2025)年7月18日(金)",
    ),
    (
        "Deputy Secretary of State Christopher Landau met today in Washington with Japanese Vice Foreign "
        "Minister Funakoshi Takehiro for the U.S.-Japan Vice-Ministerial Meeting (6 pm on January 22, EST).",
        D(2026, 1, 22),
        D(2026, 1, 22),
        "month_day",
        "January 22",
    ),
]


@pytest.mark.parametrize(("text", "ref", "expected", "rule", "raw"), MEETING_CASES)
def test_meeting_date(text: str, ref: dt.date | None, expected: dt.date, rule: str, raw: str) -> None:
    m = meeting_date(text, ref)
    assert m is not None
    assert (m.date, m.rule, m.text) == (expected, rule, raw)
    assert text[m.start : m.end] == raw


def test_meeting_date_none() -> None:
    assert meeting_date("概要は以下のとおりです。", REF) is None
    assert meeting_date("本18日", None) is None


@pytest.mark.parametrize(
    "text",
    [
        "令和7年7月18日、会談を行いました。平成32年1月1日に策定された計画にも触れました。",  # past the era's end
        "令和7年7月18日(現地時間 平成32年1月1日)、会談を行いました。",  # a bracketed pair that cannot be read
    ],
)
def test_a_later_date_that_cannot_be_read_does_not_undo_the_meeting_date(text: str) -> None:
    m = meeting_date(text, REF)
    assert m is not None and (m.date, m.rule, m.text) == (D(2025, 7, 18), "era", "令和7年7月18日")


def test_a_meeting_date_that_cannot_be_read_is_still_an_error() -> None:
    with pytest.raises(DateError):
        meeting_date("令和7(2024)年7月18日、会談を行いました。", REF)


def test_datetime_ref_is_accepted() -> None:
    m = meeting_date("本6日(現地時間5日)", dt.datetime(2025, 3, 6, 9, 0))
    assert m is not None and m.date == D(2025, 3, 5)


# --------------------------------------------------------------------------- times

TIME_CASES = [
    ("午後1時45分から約60分間、ワーキング・ランチを行った", "13:45"),
    ("午前10時", "10:00"),
    ("午後0時30分", "12:30"),
    ("12時15分", "12:15"),
    ("3:30 p.m.", "15:30"),
    ("3:30 pm", "15:30"),
    ("8 p.m.", "20:00"),
    ("13:15", "13:15"),
    ("１３時１５分", "13:15"),
    ("noon", "12:00"),
    ("正午から", "12:00"),
    ("午後2時半", "14:30"),
    ("12:30 a.m.", "00:30"),
    ("午前0時", "00:00"),
    ("2025-7-23 10:05", "10:05"),
    ("15:30-16:05", "15:30"),
    ("15時30分から16時05分まで", "15:30"),
    ("午後3時から3時40分まで", "15:00"),
    ("from 3:30 to 4:15 p.m.", "15:30"),
    ("between 3:30 and 4:15 p.m.", "15:30"),
    ("On January 8, for approximately 30 minutes from 8:00 p.m., Mr. IWAYA", "20:00"),
    ("On May 16, commencing at 2:00 p.m. for about 70 minutes", "14:00"),
    ("(6 pm on January 22, EST)", "18:00"),
]


@pytest.mark.parametrize(("text", "expected"), TIME_CASES)
def test_parse_time(text: str, expected: str) -> None:
    m = parse_time(text)
    assert m is not None
    assert m.time == expected
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    ["約60分間", "1時間20分", "約1時間", "2025年7月18日", "一時帰国", "24時間体制", "5分野", "for two hours", "3分の1"],
)
def test_parse_time_ignores_durations_and_dates(text: str) -> None:
    assert parse_time(text) is None


def test_range_time_text_is_the_start() -> None:
    m = parse_time("会談は15時30分から16時05分まで行われた")
    assert m is not None and (m.time, m.text) == ("15:30", "15時30分")


# --------------------------------------------------------------------------- durations

DURATION_CASES = [
    ("約60分間", 60),
    ("約1時間", 60),
    ("1時間20分", 80),
    ("約1時間半", 90),
    ("約45分", 45),
    ("約三十分間", 30),
    ("for approximately 35 minutes", 35),
    ("for about an hour", 60),
    ("one hour and twenty minutes", 80),
    ("for 40 minutes", 40),
    ("two hours", 120),
    ("an hour and a half", 90),
    ("1.5 hours", 90),
    ("half an hour", 30),
    ("a 90-minute meeting", 90),
    ("15:30-16:05", 35),
    ("15時30分から16時05分まで", 35),
    ("午後3時から3時40分まで", 40),
    ("3 p.m. to 4:30 p.m.", 90),
    ("午前11時30分から午後0時15分まで", 45),
    ("10時から正午まで", 120),
    ("about one and a half hours", 90),
    ("twenty-five minutes", 25),
    ("午後1時45分から約60分間、ワーキング・ランチを行った", 60),
    ("On January 8, for approximately 30 minutes from 8:00 p.m.,", 30),
    ("On May 16, commencing at 2:00 p.m. for about 70 minutes,", 70),
]


@pytest.mark.parametrize(("text", "expected"), DURATION_CASES)
def test_parse_duration(text: str, expected: int) -> None:
    m = parse_duration(text)
    assert m is not None
    assert m.minutes == expected
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text", ["午後1時45分", "3分の1", "5分野で協力", "十分に協議", "2025-7-23 10:05", "13:15", "no time"]
)
def test_parse_duration_ignores_clock_times(text: str) -> None:
    assert parse_duration(text) is None


def test_duration_text() -> None:
    m = parse_duration("午後1時45分から約60分間、")
    assert m is not None and m.text == "約60分間"
    m = parse_duration("for approximately 35 minutes")
    assert m is not None and m.text == "approximately 35 minutes"


# --------------------------------------------------------------------------- eras


def test_era_table() -> None:
    assert era_to_western("令和", 7) == 2025
    assert era_to_western("令和", 1) == 2019
    assert era_to_western("平成", 31) == 2019
    assert era_to_western("昭和", 64) == 1989
    assert era_to_western("大正", 1) == 1912
    assert era_to_western("明治", 45) == 1912
    assert era_to_western("Reiwa", 7) == 2025
    assert western_to_era(D(2025, 7, 18)) == ("令和", 7)
    assert western_to_era(D(2019, 4, 30)) == ("平成", 31)
    assert western_to_era(D(2019, 5, 1)) == ("令和", 1)
    assert western_to_era(D(1989, 1, 7)) == ("昭和", 64)
    assert western_to_era(D(1989, 1, 8)) == ("平成", 1)
    assert western_to_era(D(1912, 7, 30)) == ("大正", 1)
    assert western_to_era(D(1868, 10, 23)) == ("明治", 1)
    with pytest.raises(DateError):
        western_to_era(D(1868, 10, 22))
    with pytest.raises(DateError):
        era_to_western("令和", 0)
    with pytest.raises(DateError):
        era_to_western("天平", 1)


@given(st.dates(min_value=D(1868, 10, 23), max_value=D(2200, 12, 31)))
def test_era_round_trip(d: dt.date) -> None:
    era, year = western_to_era(d)
    assert year >= 1
    assert era_to_western(era, year) == d.year


_KANJI = "〇一二三四五六七八九"


def _kanji(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _KANJI[tens] + "十")) + ("" if units == 0 else _KANJI[units])


@given(
    st.dates(min_value=D(1868, 10, 23), max_value=D(2100, 12, 31)),
    st.sampled_from(["arabic", "fullwidth", "kanji"]),
    st.sampled_from(["", "(金)", "（金曜日）"]),
)
def test_era_strings_parse_back(d: dt.date, digits: str, suffix: str) -> None:
    era, year = western_to_era(d)

    def num(n: int) -> str:
        if digits == "kanji":
            return _kanji(n)
        s = str(n)
        return s.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}) if digits == "fullwidth" else s

    text = f"{era}{'元' if year == 1 else num(year)}年{num(d.month)}月{num(d.day)}日{suffix}"
    m = parse_date(text)
    assert m is not None and m.date == d and m.rule == "era" and m.text == text


_NOISE = st.text(alphabet="あいう漢字テスト …㈱㍿ｱｲｳ\nabcXYZ、。", max_size=12)


@given(_NOISE, st.dates(min_value=D(1989, 1, 8), max_value=D(2100, 12, 31)), _NOISE)
def test_offsets_point_into_the_original(prefix: str, d: dt.date, suffix: str) -> None:
    era, year = western_to_era(d)
    core = f"{era}{year}年{d.month}月{d.day}日"
    text = f"{prefix}{core}{suffix}"
    [m] = find_dates(text)
    assert (m.date, m.text, m.start) == (d, core, len(prefix))


def test_every_day_as_an_era_string_parses_back_quickly() -> None:
    """About 38k days, 1926-12-25 to 2030-12-31, as 令和7年7月18日 strings (元年 for year 1)."""
    day, end, one = D(1926, 12, 25), D(2030, 12, 31), dt.timedelta(days=1)
    started = time.perf_counter()
    count = 0
    while day <= end:
        era, year = western_to_era(day)
        assert era_to_western(era, year) == day.year
        m = parse_date(f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日")
        assert m is not None and m.date == day, (day, m)
        day += one
        count += 1
    elapsed = time.perf_counter() - started
    assert count > 37_000
    assert elapsed < 5.0, f"{count} era dates took {elapsed:.2f} s"


def test_pure_module() -> None:
    source = inspect.getsource(dates)
    for forbidden in (
        "import scrapy",
        "date.today(",
        "datetime.now(",
        "time.time(",
        "import time",
        "import dateparser",
    ):
        assert forbidden not in source
    assert isinstance(parse_date("2025-07-18"), DateMatch)


_DATEISH = st.text(
    alphabet="0123456789０１元年月日時分間半約午前後正明治大正昭和平成令和本同今()（）、,.-/～ "
    "JulySepmanhourtinlocalJST現地日本㋿…㈱ｶﾞ:",
    max_size=50,
)


@given(_DATEISH, st.one_of(st.none(), st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))))
def test_any_text_gives_consistent_matches(text: str, ref: dt.date | None) -> None:
    """Garbage in never crashes, and every match points at exactly the text it reports."""
    try:
        found = find_dates(text, ref)
        first = meeting_date(text, ref)
    except DateError:
        found, first = [], None
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert first is None or text[first.start : first.end] == first.text
    clock = parse_time(text)
    assert clock is None or (text[clock.start : clock.end] == clock.text and "00:00" <= clock.time <= "23:59")
    span = parse_duration(text)
    assert span is None or (text[span.start : span.end] == span.text and span.minutes > 0)
