"""Agenda shapes of real text copies (issue 14), in our own words: the tree as ``(number, heading, snippet, children)``
as in test_agenda.py."""

from __future__ import annotations

import pytest
from test_agenda import _shape_check, line, pt

from pressbot.extract.agenda import agenda_around_lead, extract_agenda

CASES = [
    (
        "numbered_lead_then_its_own_list_from_1",
        [
            line(
                "1. 本22日午後6時から約15分間、甲外務大臣は乙外務大臣と電話会談を行ったところ、概要は以下のとおりです。"
            ),
            line("1 甲大臣から、就任への祝意に謝意を述べました。"),
            line("2 乙大臣から、両国関係の強化に期待を表明しました。"),
        ],
        [pt("1", "就任"), pt("2", "両国関係")],
    ),
    (
        "photo_caption_bullets_before_numbered_points_are_not_points",
        [
            line("・写真:握手する両大臣"),
            line("・(写真2)会談の様子"),
            line("1 冒頭、甲大臣から、訪問を歓迎しました。"),
            line("2 また、両大臣は地域情勢について意見交換しました。"),
        ],
        [pt("1", "訪問"), pt("2", "地域情勢")],
    ),
    (
        "bullet_run_into_the_previous_line",
        [
            line("- 冒頭、甲首相から、会合の開催を歓迎しました。"),
            line("これに対し、乙大臣から、協力を進めたい旨述べました。 - 乙大臣から、経済協力の重要性を述べました。"),
        ],
        [pt(None, "会合の開催"), pt(None, "経済協力")],
    ),
    (
        "restart_under_a_heading_only_point_nests_until_the_next_heading",
        [
            line("1. 冒頭"),
            line("1. 甲大臣から、これまでの協議を歓迎しました。"),
            line("2. これに対し、乙大臣から、謝意が示されました。"),
            line("1. 二国間協力"),
            line("1. 甲大臣から、支援の実施を述べました。"),
        ],
        [
            pt("1", "", [pt("1", "これまで"), pt("2", "謝意")], heading="冒頭"),
            pt("1", "", [pt("1", "支援")], heading="二国間協力"),
        ],
    ),
    (
        "restart_under_a_heading_only_second_point",
        [
            line("1. 冒頭・二国間関係"),
            line("甲大臣から、訪日を歓迎しました。"),
            line("2. 地域情勢・国際場裏における協力"),
            line("1. 両外相は、東アジア情勢について意見交換しました。"),
            line("2. 甲大臣から、輸入規制の撤廃への協力を求めました。"),
        ],
        [
            pt("1", "訪日", heading="冒頭・二国間関係"),
            pt("2", "", [pt("1", "東アジア"), pt("2", "輸入規制")], heading="地域情勢・国際場裏における協力"),
        ],
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_agenda_shape(blocks, expected) -> None:
    _shape_check(extract_agenda(blocks), expected)


def test_numbered_lead_walks_back_to_point_1() -> None:
    """A joint release whose lead paragraph is point 2: its run starts at point 1."""
    blocks = [
        line("共同プレスリリース"),
        line("1. 甲大臣は、乙大臣の招待で相互訪問の一環として乙国を訪問しました。"),
        line("2. 両大臣は、昨年の首脳会談で確認された防衛協力の重要性を再確認し、年次会談を行いました。"),
        line("3. 両大臣は、海洋安全保障の協力を拡大することで一致しました。"),
    ]
    assert [p.number for p in agenda_around_lead(blocks, 2)] == ["1", "2", "3"]


def test_unnumbered_lead_takes_the_points_after_it() -> None:
    blocks = [line("・写真:会談の様子"), line("本日、甲大臣は乙大臣と会談しました。"), line("1 両者は一致しました。")]
    assert [p.number for p in agenda_around_lead(blocks, 1)] == ["1"]


def test_sentence_bullets_before_the_lead_when_nothing_follows_it() -> None:
    """A fast-fact page lists its points above the lead; caption bullets (no sentence) are not taken."""
    points = [line("- 冒頭、甲大臣から、訪問を歓迎しました。"), line("- 両外相は、地域情勢について意見交換しました。")]
    lead = line("現地時間7月1日、甲外務大臣は乙外務大臣と会談を行いました。")
    assert len(agenda_around_lead([*points, lead], 2)) == 2
    captions = [line("・会談の様子1"), line("・会談の様子2"), lead]
    assert agenda_around_lead(captions, 2) == []


def test_outline_lead_then_unmarked_sentence_paragraphs() -> None:
    lead = line("本2日、甲総理大臣は乙国防大臣の表敬を受けたところ、概要は以下のとおりです。")
    body = [
        line("冒頭、甲総理大臣から、共同訓練の実施を歓迎しました。"),
        line("また、甲総理大臣から、協力の強化を述べました。"),
    ]
    assert [p.text[:2] for p in agenda_around_lead([lead, *body, line("このページのトップへ戻る")], 0)] == [
        "冒頭",
        "また",
    ]
    plain = line("本2日、甲総理大臣は乙国防大臣と会談しました。")  # a news lead: its paragraphs are no points
    assert agenda_around_lead([plain, *body], 0) == []


def test_lead_inside_the_list_starts_where_the_markers_do() -> None:
    blocks = [
        line("1. Opening remarks"),
        line("(1) Minister A stated that he was pleased to meet again."),
        line("2. Bilateral"),
    ]
    assert [p.number for p in agenda_around_lead(blocks, 1)] == ["1", "2"]


def test_summary_outline_section_holds_the_points() -> None:
    blocks = [
        line("1 日時・場所"),
        line("5月31日（土）14時15分から、シンガポール"),
        line("2 出席者"),
        line("甲防衛大臣、乙国防大臣"),
        line("3 概要"),
        line("（1）両大臣は、防衛協力の進展を歓迎しました。"),
        line("（2）両大臣は、地域情勢について意見交換しました。"),
    ]
    assert [p.number for p in extract_agenda(blocks)] == ["（1）", "（2）"]


def test_inline_numbers_in_a_point_are_its_sub_points() -> None:
    blocks = [
        line("1. The two ministers welcomed the progress of bilateral relations."),
        line("2. The two ministers agreed to expand cooperation in 1) defense, 2) clean energy, and 3) science."),
        line("3. They agreed to stay in close contact."),
    ]
    _shape_check(
        extract_agenda(blocks),
        [
            pt("1", "progress"),
            pt("2", "expand cooperation in", [pt("1)", "defense"), pt("2)", "clean energy"), pt("3)", "science")]),
            pt("3", "close contact"),
        ],
    )
