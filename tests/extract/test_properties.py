"""Properties of ``pressbot.extract`` on arbitrary input: a valid, round-tripping Release or an ExtractError.

Any other exception (IndexError, RecursionError, a pydantic ValidationError …) is a crash and fails the test.
"""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pressbot
from pressbot import ExtractError, Release

URLS = [
    None,
    "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_09999.html",
    "https://www.mofa.go.jp/press/release/pressite_000001_09999.html",
    "https://www.state.gov/releases/office-of-the-spokesperson/2025/07/some-slug/",
    "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1",
    "https://j-defense.ikaros.jp/docs/mod/00001.html",
]

# Pieces that steer the extractor into its interesting branches: markers, dates, times, offices, names.
WORDS = st.sampled_from(
    [
        "1",
        "2",
        "(1)",
        "（2）",
        "①",
        "②",
        "ア",
        "イ",
        "1.",
        "2.",
        "・",
        "o",
        "-",
        "(以上)",
        "END",
        "※",
        "(参考)",
        "令和7年7月18日",
        "平成31年4月30日",
        "令和元年5月1日",
        "2025-7-23",
        "2025年7月18日",
        "July 18, 2025",
        "July 17",
        "本6日(現地時間5日)",
        "日本時間18日(現地時間17日)",
        "On July 17 (local time; July 18, Japan time)",
        "同日",
        "本日",
        "午後1時45分から約1時間",
        "3:30 p.m.",
        "for approximately 45 minutes",
        "約60分間",
        "正午まで",
        "岩屋毅外務大臣は、",
        "船越次官から",
        "趙兌烈(チョ・テヨル)韓国外交部長官",
        "(The Honorable Christopher Landau, Deputy Secretary of State of the United States)",
        "Mr.IWAYA Takeshi, Minister for Foreign Affairs of Japan,",
        "met today with",
        "との間で",
        "日米韓次官協議",
        "電話会談",
        "テレビ会議",
        "を行ったところ、概要は以下のとおりです。",
        "において、",
        "を訪問中の",
        "訪日中の",
        "が同席しました。",
        "日本からは",
        "(参加者:",
        "談話",
        "Readout",
        "Ranking",
        "関連記事",
        "Back to Press Releases",
        "(写真提供:内閣広報室)",
        "別ウィンドウで開く",
        "Just a moment",
        "、",
        "。",
        "，",
        " ",
        "\n",
        "\u3000",
    ]
)
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=25).map("".join)
# Inside HTML, C0 control characters crash _drop (see test_control_character_next_to_dropped_chrome); the
# generated trees leave them out so that one known crash does not hide others. Plain text keeps them.
NO_CONTROL = st.characters(blacklist_categories=("Cc", "Cs"))
HTML_TEXT = st.lists(st.one_of(WORDS, st.text(NO_CONTROL, max_size=12)), max_size=25).map(
    lambda parts: "".join(parts).replace("\n", " ")
)


@st.composite
def html_trees(draw: st.DrawFn) -> str:
    """Nested p / div / ol+li / ul+li / h1 / h2 / script / br / a elements around TEXT."""
    leaf = HTML_TEXT.map(escape)

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        many = st.lists(children, max_size=4).map("".join)
        return st.one_of(
            st.tuples(st.sampled_from(["p", "div", "h1", "h2", "li", "section", "td"]), many).map(
                lambda pair: f"<{pair[0]}>{pair[1]}</{pair[0]}>"
            ),
            many.map(lambda inner: f"<ol>{inner}</ol>"),
            many.map(lambda inner: f"<ul>{inner}</ul>"),
            st.tuples(
                st.sampled_from(
                    [
                        "nav",
                        "breadcrumbs",
                        "share",
                        "ranking",
                        "maincontents",
                        "entry-content",
                        "se-contents",
                        "bo_head",
                        "board_detail",
                    ]
                ),
                many,
            ).map(lambda pair: f'<div class="{pair[0]}" id="{pair[0]}">{pair[1]}</div>'),
            many.map(lambda inner: f"{inner}<br>"),
            st.tuples(
                st.sampled_from(
                    [
                        "/files/1.pdf",
                        "https://x.com/",
                        "#top",
                        "javascript:void(0)",
                        "/mofaj/press/release/pressit_000001_00001.html",
                    ]
                ),
                many,
            ).map(lambda pair: f'<a href="{pair[0]}">{pair[1]}</a>'),
            leaf.map(lambda text: f"<script>{text}</script>"),
        )

    body = draw(st.recursive(leaf, extend, max_leaves=30))
    head = draw(
        st.sampled_from(
            [
                "",
                '<meta charset="utf-8">',
                "<title>日米韓次官協議</title>",
                '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
            ]
        )
    )
    doctype = draw(st.sampled_from(["<!DOCTYPE html>", "", '<?xml version="1.0"?>']))
    return f"{doctype}<html><head>{head}</head><body>{body}</body></html>"


def check(content: bytes | str, url: str | None) -> None:
    try:
        release = pressbot.extract(content, url=url)
    except ExtractError as error:
        assert error.reason in {
            "empty",
            "binary",
            "too_large",
            "blocked",
            "not_a_release",
            "missing_structure",
            "bad_date",
        }
        return
    assert isinstance(release, Release)
    again = Release.model_validate(release.model_dump(mode="json"))
    assert again == release
    assert Release.model_validate_json(release.model_dump_json()) == release


# Deterministic (CI replays the same examples) and no example database written into the working tree.
SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(text=TEXT, url=st.sampled_from(URLS))
def test_any_text_gives_a_release_or_an_extract_error(text: str, url: str | None) -> None:
    check(text, url)


@SETTINGS
@given(text=st.text(max_size=400), url=st.sampled_from(URLS))
def test_any_unicode_text_gives_a_release_or_an_extract_error(text: str, url: str | None) -> None:
    check(text, url)


@SETTINGS
@given(page=html_trees(), url=st.sampled_from(URLS))
def test_any_html_gives_a_release_or_an_extract_error(page: str, url: str | None) -> None:
    check(page, url)


@SETTINGS
@given(page=html_trees(), url=st.sampled_from(URLS), encoding=st.sampled_from(["utf-8", "cp932", "euc_jp"]))
def test_any_html_as_bytes_gives_a_release_or_an_extract_error(page: str, url: str | None, encoding: str) -> None:
    check(page.encode(encoding, errors="replace"), url)


@SETTINGS
@given(data=st.binary(max_size=600), url=st.sampled_from(URLS))
def test_any_bytes_give_a_release_or_an_extract_error(data: bytes, url: str | None) -> None:
    check(data, url)


MOFA_JA = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_09999.html"


@pytest.mark.parametrize("control", ["\x0c", "\x0b", "\x08", "\x1f"])
def test_control_character_next_to_dropped_chrome(control: str) -> None:
    page = (
        '<html><body><div id="maincontents"><h1>日米外相会談</h1><p>令和7年7月18日</p><p>本文です。</p>'
        f'<div class="share"></div>{control}本文の続き</div></body></html>'
    )
    check(page, MOFA_JA)
