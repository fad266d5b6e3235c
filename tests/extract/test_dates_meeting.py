"""When and where a meeting took place, on shapes met on real pages (prose ours): country clocks, weekday-only
dates, stamps, date-and-venue lines, pages without a published date."""

from __future__ import annotations

import datetime as dt

import pytest
from pages import URLS, page

import pressbot
from pressbot.extract.dates import meeting_date, weekday_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # both partial and a day apart: the Japan-time 16th was read as last month's, the local 15th stays
        ("15日(木曜日)午後7時(現地時間;日本時間16日(金曜日)午前9時)から約30分間", D(2025, 5, 15), D(2025, 5, 15)),
        ("ペルー時間11月14日午後7時10分頃(日本時間15日午前9時10分頃)から", D(2024, 11, 15), D(2024, 11, 14)),
        ("チリ時間3日午前10時(日本時間3日午後10時)", D(2025, 3, 4), D(2025, 3, 3)),
        ("本1日(現地時間28日)", D(2025, 3, 1), D(2025, 2, 28)),
    ],
)
def test_local_dates_of_partial_pairs(text: str, ref: dt.date, expected: dt.date) -> None:
    found = meeting_date(text, ref)
    assert found is not None and (found.date, found.rule) == (expected, "local_time")


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("the two ministers met on Friday in New Delhi", D(2023, 4, 8), D(2023, 4, 7)),
        ("Modi and Kishida met on Saturday in Wilmington", D(2024, 9, 22), D(2024, 9, 21)),
        ("They spoke Thursday afternoon local time", D(2020, 10, 2), D(2020, 10, 1)),
        ("The ministers met on Wednesday.", D(2025, 5, 28), D(2025, 5, 28)),
        ("met earlier on Monday", D(2025, 5, 28), D(2025, 5, 26)),
    ],
)
def test_weekday_only_dates(text: str, anchor: dt.date, expected: dt.date) -> None:
    found = weekday_date(text, anchor)
    assert found is not None and found[0] == expected


def test_a_weekday_in_lower_case_or_without_on_is_not_a_date() -> None:
    assert weekday_date("on thursday", D(2025, 5, 28)) is None
    assert weekday_date("Friday prayers were held", D(2025, 5, 28)) is None


def _meeting(site: str, title: str, date: str, lead: str, points: list[str] | None = None):
    release = pressbot.extract(
        page(site, title, date, lead, points or ["1. They agreed to cooperate."]), url=URLS[site]
    )
    assert release.meeting is not None
    return release.meeting


def test_on_weekday_in_a_readout_is_the_last_such_day_before_the_page_date() -> None:
    meeting = _meeting(
        "us_state",
        "Secretary Rubio's Meeting with Indian External Affairs Minister Jaishankar",
        "March 26, 2025",
        "Secretary of State Marco Rubio met with Indian External Affairs Minister Subrahmanyam Jaishankar in "
        "Washington on Tuesday. The Secretary and the Minister discussed trade.",
    )
    assert (str(meeting.date), meeting.date_rule, meeting.date_text) == ("2025-03-25", "weekday", "Tuesday")


def test_a_stamp_then_on_weekday_reads_the_weekday() -> None:
    text = (
        "Ministers meet in Delhi\n"
        "date 2023-04-08 New Delhi: The visiting foreign minister met his Indian counterpart on Friday and the two "
        "held talks on trade and defence.\n"
        "The two ministers also discussed cooperation in science.\n"
    )
    release = pressbot.extract(text.encode(), url="https://news.example.org/world/ministers-meet")
    assert release.meeting is not None
    assert (str(release.meeting.date), release.meeting.date_rule) == ("2023-04-07", "weekday")


def test_a_caption_whose_weekday_disagrees_gives_that_weekday_before_it() -> None:
    text = (
        "Ministers affirm cooperation\n"
        "This photo shows the minister shaking hands with his counterpart before their meeting in New Delhi, "
        "India, Thursday, July 28, 2023.\n"
        "The officials met in India and held talks on the summit to be held in September.\n"
    )
    release = pressbot.extract(text.encode(), url="https://news.example.org/world/affirm")
    assert release.meeting is not None
    assert (str(release.meeting.date), release.meeting.date_rule) == ("2023-07-27", "weekday")


def test_a_partial_date_without_a_page_date_takes_the_year_from_the_text() -> None:
    text = (
        "Foreign ministers hold talks\n"
        "On November 17, the Foreign Minister met with his counterpart in Hanoi. The overview of the meeting is "
        "as follows.\n"
        "The two sides recalled the summit of November 12, 2022 and agreed to meet again.\n"
    )
    release = pressbot.extract(text.encode(), url="https://news.example.org/world/talks")
    assert release.meeting is not None and str(release.meeting.date) == "2022-11-17"


def test_date_and_venue_line_gives_time_duration_and_place() -> None:
    text = (
        "Japan-Utopia Defence Ministerial Meeting\n"
        "Posted on June 3, 2025\n"
        "1. Date and venue\n"
        "June 1, 2025, 10:15-11:00 (local time), Singapore\n"
        "2. Overview\n"
        "(1) On the margins of the dialogue, Minister Sato held a meeting with Minister Moreau, Minister of "
        "Defence of Utopia.\n"
        "(2) The two ministers agreed to expand exercises.\n"
    )
    release = pressbot.extract(text.encode(), url="https://www.mod.go.jp/en/article/2025/06/x.html")
    meeting = release.meeting
    assert meeting is not None
    assert (str(meeting.date), meeting.start_time, meeting.duration_minutes, meeting.location) == (
        "2025-06-01",
        "10:15",
        45,
        "Singapore",
    )


def test_a_place_with_a_lower_case_particle() -> None:
    meeting = _meeting(
        "mofa_en",
        "Japan-Utopia Foreign Ministers' Meeting",
        "February 22, 2024",
        "On the morning of February 21, local time, Mr. SATO Ichiro, Minister for Foreign Affairs of Japan, who is "
        "visiting Rio de Janeiro to attend a meeting, held a meeting with H.E. Mr. Jean Moreau, Minister of Foreign "
        "Affairs of Utopia, for approximately 30 minutes. The overview of the meeting is as follows.",
    )
    assert (str(meeting.date), meeting.location, meeting.duration_minutes) == ("2024-02-21", "Rio de Janeiro", 30)


def test_a_day_inside_the_visit_span_is_the_meeting_day() -> None:
    meeting = _meeting(
        "mofa_ja",
        "日・ユートピア防衛相会談",
        "令和7年6月4日",
        "佐藤防衛大臣は、2025年6月2日から4日までの間、ユートピアを訪問中である。両大臣は2025年6月3日、首都にて、"
        "年次防衛相会談を行いました。概要は以下のとおりです。",
    )
    assert (str(meeting.date), meeting.date_text) == ("2025-06-03", "2025年6月3日")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/2021/12/20/ministers-talk/", D(2021, 12, 20)),
        ("https://news.example.org/article/2022/20220915-defence.html", D(2022, 9, 15)),
        ("https://news.example.org/news/20231116/k1001.html", D(2023, 11, 16)),
        ("https://news.example.org/view.php?id=20231116", None),
        ("https://news.example.org/2022/13/45/x", None),
        ("https://news.example.org/item/123456789", None),
        ("https://m.news.example.org/news/view/20240925001034", D(2024, 9, 25)),
        ("https://www.news.example.org/article/202204079764Y", D(2022, 4, 7)),
        ("https://news.example.org/view/AKR20170418123400", D(2017, 4, 18)),
        ("https://news.example.org/topics/detail/29926770/", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: dt.date | None) -> None:
    from pressbot.extract.dates import url_date

    assert url_date(url) == expected


def test_a_partial_date_without_a_page_date_takes_the_year_from_the_url() -> None:
    text = (
        "Defence ministers meet\n"
        "On September 8, the Defence Minister met with his counterpart in Tokyo. The overview of the meeting is as "
        "follows.\n"
        "The two ministers agreed to hold exercises.\n"
    )
    release = pressbot.extract(text.encode(), url="https://news.example.org/article/2022/20220915-defence.html")
    assert release.meeting is not None and str(release.meeting.date) == "2022-09-08"


def test_same_day_in_the_lead_is_the_day_of_the_paragraph_before() -> None:
    text = (
        "防衛相が会談\n"
        "9月8日はユートピアの国防大臣と防衛省で会談し、共同訓練の早期実施を歓迎した。\n"
        "同日午後からは都内で外務・防衛閣僚会合を行い、概要は以下のとおりです。\n"
        "両国は協力の強化で一致した。\n"
    )
    release = pressbot.extract(text.encode(), url="https://news.example.org/article/2022/20220915-defence.html")
    assert release.meeting is not None and str(release.meeting.date) == "2022-09-08"


def test_on_weekday_in_a_first_line_taken_for_the_title() -> None:
    text = (
        "On Monday, the Prime Minister held a meeting with the visiting Foreign Minister of Utopia.\n"
        "The meeting, which took place ahead of the ministerial dialogue, reviewed defence ties.\n"
        "The minister posted on August 19, 2024 that the talks were productive.\n"
    )
    release = pressbot.extract(text.encode(), url="https://news.example.org/india/pm-meets-minister")
    assert release.meeting is not None
    assert (str(release.meeting.date), release.meeting.date_rule) == ("2024-08-19", "weekday")


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("1. 조 장관은 9월 4일(목) 서울에서 유토피아 외교장관과 회담을 개최하였다.", "서울"),
        ("□ 김 차관은 8.27.(수) 10:00-10:50 서울에서 방한 중인 유토피아 외교부 차관과 면담을 갖고", "서울"),
        ("1. 박 장관은 인도를 공식 방문하여 4.7.(금) 오후 뉴델리에서 유토피아 외교장관과 회담을 갖고", "뉴델리"),
        ("□ 조 장관은 아세안 관련 외교장관회의 계기에서 유토피아 외교장관과 회담을 가졌다.", None),
        ("□ 조 장관은 유토피아 외교장관과 전화 통화를 갖고 논의하였다.", None),
    ],
)
def test_korean_place(lead: str, place: str | None) -> None:
    from pressbot.extract.meeting import _place

    assert _place(lead, "ko") == place
