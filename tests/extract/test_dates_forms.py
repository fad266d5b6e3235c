"""Date forms other projects' test suites read (issue 14, must-show 2): era dates with separators, western dates with
other separators, kanji and Korean numerals, named days, numeric day/month orders, log stamps, other calendars.

Every row is read by ``parse_date`` (the first date in the text) and must give the date and the rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pressbot.extract.dates import find_dates, meeting_date, parse_date

D = dt.date

# (text, ref, language, expected, rule)
FORM_CASES = [
    # era dates with separators, Latin era letters, full-width characters
    ("令和4.3.9", None, None, D(2022, 3, 9), "era"),
    ("令和4/3/9", None, None, D(2022, 3, 9), "era"),
    ("令和4-3-9", None, None, D(2022, 3, 9), "era"),
    ("令和4・3・9", None, None, D(2022, 3, 9), "era"),
    ("令和04.03.09", None, None, D(2022, 3, 9), "era"),
    ("令和元.5.1", None, None, D(2019, 5, 1), "era"),
    ("平成30.12.1", None, None, D(2018, 12, 1), "era"),
    ("H30.12.1", None, None, D(2018, 12, 1), "era"),
    ("H30/12/1", None, None, D(2018, 12, 1), "era"),
    ("R4年3月9日", None, None, D(2022, 3, 9), "era"),
    ("R4.3.9", None, None, D(2022, 3, 9), "era"),
    ("R4/3/9", None, None, D(2022, 3, 9), "era"),
    ("Ｒ4/3/9", None, None, D(2022, 3, 9), "era"),
    ("Ｒ４．３．９", None, None, D(2022, 3, 9), "era"),
    ("S64.1.7", None, None, D(1989, 1, 7), "era"),
    ("S50.11.20", None, None, D(1975, 11, 20), "era"),
    ("T15.12.24", None, None, D(1926, 12, 24), "era"),
    ("M45.7.29", None, None, D(1912, 7, 29), "era"),
    ("h30.12.1", None, None, D(2018, 12, 1), "era"),
    ("会議日: R5.10.2(月)", None, None, D(2023, 10, 2), "era"),
    ("㋿4.3.9", None, None, D(2022, 3, 9), "era"),
    # western dates with other separators
    ("2022・3・9", None, None, D(2022, 3, 9), "numeric"),
    ("2022,3,9", None, None, D(2022, 3, 9), "numeric"),
    ("2022年/3月/9日", None, None, D(2022, 3, 9), "western_ja"),
    ("2022年・3月・9日", None, None, D(2022, 3, 9), "western_ja"),
    ("２０２２・３・９", None, None, D(2022, 3, 9), "numeric"),
    ("2022 年 3 月 9 日", None, None, D(2022, 3, 9), "western_ja"),
    ("2 0 2 2 年 3 月 9 日", None, None, D(2022, 3, 9), "western_ja"),
    ("２ ０ ２ ２年３月９日", None, None, D(2022, 3, 9), "western_ja"),
    # kanji numerals
    ("一九五五・二・三", None, None, D(1955, 2, 3), "numeric"),
    ("一九五五年二月三日", None, None, D(1955, 2, 3), "western_ja"),
    ("二〇二二年三月九日", None, None, D(2022, 3, 9), "western_ja"),
    ("平成三十年十一月二十日", None, None, D(2018, 11, 20), "era"),
    ("三十年十一月二十日", D(2018, 12, 1), None, D(2018, 11, 20), "era_year"),
    ("30年11月20日", D(2018, 12, 1), None, D(2018, 11, 20), "era_year"),
    ("4年3月9日", D(2022, 3, 10), None, D(2022, 3, 9), "era_year"),
    ("平成 二十年 五月 朔日", None, None, D(2008, 5, 1), "era"),
    ("昭和三十年十月晦日", None, None, D(1955, 10, 31), "era"),
    ("令和六年二月晦日", None, None, D(2024, 2, 29), "era"),
    ("昭和五十年十二月三十一日", None, None, D(1975, 12, 31), "era"),
    # named days
    ("令和5年元日", None, None, D(2023, 1, 1), "era"),
    ("2023年元旦", None, None, D(2023, 1, 1), "western_ja"),
    ("平成31年元旦", None, None, D(2019, 1, 1), "era"),
    ("2024年3月朔日", None, None, D(2024, 3, 1), "western_ja"),
    ("2023年2月晦日", None, None, D(2023, 2, 28), "western_ja"),
    ("元日", D(2023, 1, 3), None, D(2023, 1, 1), "month_day"),
    ("元旦", D(2023, 12, 28), None, D(2024, 1, 1), "month_day"),
    ("6月朔日", D(2023, 6, 3), None, D(2023, 6, 1), "month_day"),
    # English numeric: unambiguous orders, then the page's language for ambiguous ones
    ("21/04/2016", None, None, D(2016, 4, 21), "numeric_dmy"),
    ("04-21-2016", None, None, D(2016, 4, 21), "numeric_mdy"),
    ("21.04.2016 10.30", None, None, D(2016, 4, 21), "numeric_dmy"),
    ("4/21/2016", None, None, D(2016, 4, 21), "numeric_mdy"),
    ("Posted 31-12-2015", None, None, D(2015, 12, 31), "numeric_dmy"),
    ("04/05/2016", None, "en-US", D(2016, 4, 5), "numeric_mdy_by_language"),
    ("04/05/2016", None, "en-GB", D(2016, 5, 4), "numeric_dmy_by_language"),
    ("04/05/2016", None, "ja", D(2016, 5, 4), "numeric_dmy_by_language"),
    ("04/05/2016", None, None, D(2016, 5, 4), "numeric_dmy_by_language"),
    ("08/03/2024", None, "en-US", D(2024, 8, 3), "numeric_mdy_by_language"),
    ("10/01/2021 03:25 PM EDT", None, None, D(2021, 10, 1), "numeric_mdy_by_time_zone"),
    ("08/03/2024 12:14 ET", None, "en-GB", D(2024, 8, 3), "numeric_mdy_by_time_zone"),
    # English log and written forms
    ("Thu Apr 21 10:00:00 2016", None, None, D(2016, 4, 21), "english_log"),
    ("Thu Apr 21 10:00:00 JST 2016", None, None, D(2016, 4, 21), "english_log"),
    ("Wed Nov  4 09:15:02 2020", None, None, D(2020, 11, 4), "english_log"),
    ("Sept 7, 2016", None, None, D(2016, 9, 7), "english_mdy"),
    ("Sept. 7 2016", None, None, D(2016, 9, 7), "english_mdy"),
    ("7 Sept 2016", None, None, D(2016, 9, 7), "english_dmy"),
    ("7th of September, 2016", None, None, D(2016, 9, 7), "english_dmy"),
    ("SEPTEMBER 7, 2016", None, None, D(2016, 9, 7), "english_mdy"),
    # Korean numerals
    ("이천십육년 사월 이십일일", None, None, D(2016, 4, 21), "korean"),
    ("이천이십이년 삼월 구일", None, None, D(2022, 3, 9), "korean"),
    ("이천이십사년 유월 십일", None, None, D(2024, 6, 10), "korean"),
    ("이천이십삼년 시월 삼십일일", None, None, D(2023, 10, 31), "korean"),
    ("천구백구십구년 십이월 일일", None, None, D(1999, 12, 1), "korean"),
    # Korean dates without a year (ROK notes and Korean news), year or month from ref
    ("4.7.(금)~4.8.(토) 간 인도를 방문", D(2023, 4, 8), None, D(2023, 4, 7), "month_day"),
    ("7.13.(목) 오전 자카르타에서", D(2023, 7, 14), None, D(2023, 7, 13), "month_day"),
    ("7.13.(목) 10:00-10:40", D(2023, 7, 14), None, D(2023, 7, 13), "month_day"),
    ("11.4. 오후 화상 회담", D(2021, 11, 5), None, D(2021, 11, 4), "month_day"),
    ("3월 29일 월요일 오전", D(2021, 3, 29), None, D(2021, 3, 29), "month_day"),
    ("7월 18일(금)", D(2025, 7, 20), None, D(2025, 7, 18), "month_day"),
    ("장관은 24일(현지시간) 뉴욕에서", D(2024, 9, 25), None, D(2024, 9, 24), "day_only"),
    ("29일(월) 면담", D(2021, 3, 30), None, D(2021, 3, 29), "day_only"),
    ("지난 7일 발리에서", D(2022, 7, 8), None, D(2022, 7, 7), "day_only"),
    ("20일 저녁 통화", D(2022, 5, 21), None, D(2022, 5, 20), "day_only"),
    # a year in another calendar
    ("皇紀2676年4月21日", None, None, D(2016, 4, 21), "calendar"),
    ("皇紀二六七六年四月二十一日", None, None, D(2016, 4, 21), "calendar"),
    ("西暦2016年4月21日", None, None, D(2016, 4, 21), "western_ja"),
    ("檀紀4349年4月21日", None, None, D(2016, 4, 21), "calendar"),
    ("단기 4349년 4월 21일", None, None, D(2016, 4, 21), "calendar"),
    ("民国105年4月21日", None, None, D(2016, 4, 21), "calendar"),
    ("仏暦2559年4月21日", None, None, D(2016, 4, 21), "calendar"),
]


@pytest.mark.parametrize(("text", "ref", "language", "expected", "rule"), FORM_CASES)
def test_date_forms(text: str, ref: dt.date | None, language: str | None, expected: dt.date, rule: str) -> None:
    found = parse_date(text, ref, language=language)
    assert found is not None, text
    assert (found.date, found.rule) == (expected, rule), text
    assert text[found.start : found.end] == found.text


def test_the_table_has_sixty_new_rows() -> None:
    assert len(FORM_CASES) >= 60


@pytest.mark.parametrize(
    "text",
    [
        "H2ロケット",
        "R2-D2",
        "version 1.2.3",
        "R4年度予算",
        "30年以上",
        "1,000,000",
        "2022,3",
        "13/13/2016",
        "S1",
        "이천십육년",
        "皇紀2676年",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, D(2022, 3, 10)) == []


def test_era_year_without_era_needs_a_ref_and_a_near_date() -> None:
    assert parse_date("30年11月20日") is None
    assert parse_date("30年11月20日", D(2024, 1, 1)) is None  # 令和30 is far from 2024


def test_meeting_date_passes_the_language_on() -> None:
    found = meeting_date("Secretary Blinken spoke on 08/03/2024 with", None, language="en-US")
    assert found is not None and found.date == D(2024, 8, 3)
