"""Plain-text copies that open with site chrome: the title is the first headline-like line, and the published date
is the labelled one (issue 14). Our own prose, in the shapes real copies take."""

from __future__ import annotations

import pytest

from pressbot.extract.page.plain import _read_text

LEAD_JA = "本24日、外務大臣は、訪日中の外務大臣と会談を行ったところ、概要は以下のとおりです。"
LEAD_EN = "On May 4, the Minister for Foreign Affairs held a meeting with the visiting Foreign Minister."
LEAD_KO = "외교부 장관은 5.4.(수) 서울에서 방한 중인 외교장관과 회담을 가졌다."

TOP = [
    pytest.param(
        ["報道発表", "日・モルディブ外相会談", "令和6年5月4日", LEAD_JA],
        "日・モルディブ外相会談",
        "令和6年5月4日",
        id="ja-section",
    ),
    pytest.param(
        ["インド", "", "日印外相会談", "令和6年5月4日", LEAD_JA], "日印外相会談", "令和6年5月4日", id="ja-country"
    ),
    pytest.param(
        ["英国(グレートブリテン及び北アイルランド連合王国)", "日英外相会談", LEAD_JA],
        "日英外相会談",
        None,
        id="ja-country-official-name-no-date",
    ),
    pytest.param(
        ["外務大臣", "日英外相会談(概要)", "令和6年5月4日", LEAD_JA],
        "日英外相会談(概要)",
        "令和6年5月4日",
        id="ja-short-section",
    ),
    pytest.param(
        ["Press Releases", "", "Japan-Chile Foreign Ministers' Meeting", "May 4, 2024", LEAD_EN],
        "Japan-Chile Foreign Ministers' Meeting",
        "May 4, 2024",
        id="en-section",
    ),
    pytest.param(
        ["Japan-Chile Relations", "Japan-Chile Foreign Ministers' Meeting", "May 4, 2024", LEAD_EN],
        "Japan-Chile Foreign Ministers' Meeting",
        "May 4, 2024",
        id="en-relations-section",
    ),
    pytest.param(
        [
            "An official website of the United States government",
            "Here's how you know",
            "Skip to content",
            "Home > Office of the Spokesperson > Press Releases > Secretary's Meeting with Minister",
            "Secretary's Meeting with Minister",
            "Readout",
            "May 4, 2024",
            LEAD_EN,
        ],
        "Secretary's Meeting with Minister",
        "May 4, 2024",
        id="us-banner-breadcrumb",
    ),
    pytest.param(
        [
            "top of page",
            "print PRINT",
            "Flag",
            "Minister Holds Talks with Chilean Counterpart",
            "Date",
            "2024-05-04",
            "hit",
            "120",
            LEAD_EN,
        ],
        "Minister Holds Talks with Chilean Counterpart",
        "2024-05-04",
        id="kr-en-date-label-next-line",
    ),
    pytest.param(
        [
            "바로가기 메뉴 본문 바로가기 주메뉴 바로가기",
            "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
            "공식 누리집 주소 확인하기",
            "  1. 국가상징",
            "  2. 어린이·청소년",
            "외교부",
            "보도자료",
            "외교장관, 칠레 외교장관 회담",
            "부서명",
            "중남미국",
            "작성일",
            "2024-05-04",
            "조회수",
            "77",
            LEAD_KO,
        ],
        "외교장관, 칠레 외교장관 회담",
        "2024-05-04",
        id="ko-gov-banner-labels",
    ),
    pytest.param(
        ["date 2024-05-04 Minister Holds Talks with Chilean Counterpart", LEAD_EN],
        "Minister Holds Talks with Chilean Counterpart",
        "2024-05-04",
        id="mirror-date-stamp-title",
    ),
    pytest.param(
        ["date 2024-05-04 • Sat. May 4th, 2024", "Minister Holds Talks with Chilean Counterpart", LEAD_EN],
        "Minister Holds Talks with Chilean Counterpart",
        "2024-05-04",
        id="mirror-date-stamp-then-date",
    ),
    pytest.param(
        [
            "Agency Name",
            "2024-05-04 | Press release | Distributed by Public on 2024-05-04 12:14",
            "Secretary's Call with Chilean Foreign Minister",
            LEAD_EN,
        ],
        "Secretary's Call with Chilean Foreign Minister",
        "2024-05-04",
        id="distributor-date-line",
    ),
    pytest.param(
        ["|", "|", "900号 (2024年5月15日発行) |", "|", "日チリ防衛相会談", LEAD_JA],
        "日チリ防衛相会談",
        "2024年5月15日",
        id="newsletter-masthead",
    ),
    pytest.param(
        ["• 신문 로고", "외교장관, 칠레 외교장관 회담", "기사승인 2024. 05. 04. 10:11", LEAD_KO],
        "외교장관, 칠레 외교장관 회담",
        "2024. 05. 04.",
        id="ko-news-logo-approval-label",
    ),
    pytest.param(
        ["Logo", "Logo", "Minister Holds Talks with Chilean Counterpart", "Posted on May 4, 2024", LEAD_EN],
        "Minister Holds Talks with Chilean Counterpart",
        "May 4, 2024",
        id="logo-posted-on",
    ),
    pytest.param(["日チリ外相会談 [ja]", LEAD_JA], "日チリ外相会談", None, id="language-switch-suffix"),
    pytest.param(
        ["日チリ外相が会談 協力で一致 #news https://t.co/abc", LEAD_JA],
        "日チリ外相が会談 協力で一致",
        None,
        id="tweet-hashtag-url",
    ),
    pytest.param(
        ["TOPICS", "", "日本とチリの首脳が会談", "協力確認", LEAD_JA],
        "日本とチリの首脳が会談",
        None,
        id="short-section-word",
    ),
    pytest.param(
        [
            "Agency",
            "Sat 4 May | Press release | Distributed by Public",
            "Secretary's Call with Chilean Minister",
            LEAD_EN,
        ],
        "Secretary's Call with Chilean Minister",
        None,
        id="meta-line-with-pipes",
    ),
    pytest.param(
        ["欧州連合(EU)", "日EU首脳電話会談", "令和6年5月4日", LEAD_JA],
        "日EU首脳電話会談",
        "令和6年5月4日",
        id="ja-region-section",
    ),
    pytest.param(
        [
            "Press Conferences",
            "Press Conference by the Press Secretary",
            "Saturday, May 4, 2024, 4:42 p.m. Ministry",
            LEAD_EN,
        ],
        "Press Conference by the Press Secretary",
        "May 4, 2024",
        id="long-line-opening-with-date",
    ),
    pytest.param(
        ["Japan-Chile Foreign Ministers' Meeting", "May 4, 2024", LEAD_EN],
        "Japan-Chile Foreign Ministers' Meeting",
        "May 4, 2024",
        id="no-chrome",
    ),
    pytest.param(["Joint Statement", "May 4, 2024", LEAD_EN], "Joint Statement", "May 4, 2024", id="short-title-kept"),
]


@pytest.mark.parametrize(("lines", "title", "date_text"), TOP)
def test_title_is_the_first_headline_like_line(lines: list[str], title: str, date_text: str | None) -> None:
    page = _read_text("\n".join(lines))
    assert page.title == title
    if date_text is None:
        assert page.date_text is None or date_text is None
    else:
        assert page.date_text is not None and date_text in page.date_text
    body = "\n".join(block.text for block in page.blocks)
    for chrome in ("부서명", "조회수", "hit", "Here's how you know", "print PRINT"):
        assert chrome not in body.split("\n")
    assert body.split("\n")[0] in (LEAD_JA, LEAD_EN, LEAD_KO, "協力確認")


def test_a_text_copy_in_a_pre_on_an_unknown_site_is_read_as_text() -> None:
    import pressbot

    lines = ["報道発表", "日・モルディブ外相会談", "令和6年5月4日", LEAD_JA]
    page = (
        '<html><head><title>資料アーカイブ</title></head><body><div class="site-name">資料アーカイブ</div>'
        f'<div class="article"><pre>{chr(10).join(lines)}</pre></div></body></html>'
    )
    release = pressbot.extract(page.encode(), url="https://archive.example.jp/a.html")
    assert release.title == "日・モルディブ外相会談"
    assert release.published is not None and release.published.isoformat() == "2024-05-04"


def test_a_page_with_no_headline_element_reads_its_lines_as_a_copy() -> None:
    import pressbot

    lines = ["Logo", "Minister Holds Talks with Chilean Counterpart", "Posted on May 4, 2024", LEAD_EN]
    paras = "".join(f"<p>{line}</p>" for line in lines)
    page = f"<html><head><title>news.example.com</title></head><body><article>{paras}</article></body></html>"
    release = pressbot.extract(page.encode(), url="https://news.example.com/a")
    assert release.title == "Minister Holds Talks with Chilean Counterpart"
    assert release.published is not None and release.published.isoformat() == "2024-05-04"


KINDS = [
    pytest.param("외교장관, 칠레 외교장관 회담\n" + LEAD_KO, "meeting", True, id="ko-talks"),
    pytest.param(
        "외교장관, 칠레 외교장관과 통화\n외교부 장관은 5.4.(수) 칠레 외교장관과 통화를 갖고 협력을 논의하였다.",
        "telephone_talk",
        True,
        id="ko-phone",
    ),
    pytest.param(
        "Courtesy Call on the Minister by Three Ministers\nOn May 4, the Minister received a joint courtesy call"
        " from three ministers who are visiting Japan to attend the conference. The overview is as follows.",
        "meeting",
        True,
        id="joint-courtesy-call-received",
    ),
    pytest.param(
        "日チリ外相が電話会談へ\n岸田首相が15日、チリの大統領と電話会談する予定であることがわかった。",
        "other",
        False,
        id="ja-news-preview",
    ),
]


@pytest.mark.parametrize(("text", "kind", "has_meeting"), KINDS)
def test_kind_words(text: str, kind: str, has_meeting: bool) -> None:
    import pressbot

    release = pressbot.extract(text)
    assert release.kind.value == kind
    assert (release.meeting is not None) is has_meeting
