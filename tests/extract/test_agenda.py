"""Agenda trees from release bodies shaped like MOFA (ja/en), State, ROK MOFA and republishing sites.

Each table case gives the body blocks after the lead and the expected tree as nested
``(number, heading, text_snippet, children)`` tuples: ``text_snippet`` must occur in the point's
text, and ``""`` means the text must be empty.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressbot.extract.agenda import extract_agenda
from pressbot.extract.blocks import Block
from pressbot.models import AgendaPoint

Shape = tuple[str | None, str | None, str, list[Any]]


def p(text: str, depth: int = 0) -> Block:
    return Block(text, "p", depth)


def line(text: str) -> Block:
    return Block(text, "line")


def h(text: str) -> Block:
    return Block(text, "h")


def li(text: str, depth: int = 1, ordinal: int | None = None) -> Block:
    return Block(text, "li", depth, ordinal)


def pt(number: str | None, text: str = "", children: list[Shape] | None = None, heading: str | None = None) -> Shape:
    return (number, heading, text, children or [])


# The seed page (j-defense republishing MOFA), used as given, including the chrome after (以上).
SEED = [
    line("1"),
    line(
        "三者は、日米韓三か国を取り巻く戦略環境が厳しさを増す中、強固な日米同盟・米韓同盟、そしてその戦略的連携が、"
        "効果的な日米韓連携の基礎であることを再確認しました。また、日米韓三か国が具体的な協力を積み重ねていることを歓迎しました。"
    ),
    line("2"),
    line(
        "三者は、北朝鮮に関する最近の動向について議論し、特に、核・ミサイル開発について、深刻な懸念を表明するとともに、"
        "国連安保理決議に従った北朝鮮の完全な非核化に向けての三か国のコミットメントを再確認しました。"
    ),
    line("3"),
    line(
        "三者は、東シナ海及び南シナ海情勢を含む地域情勢についても議論し、力又は威圧による一方的な現状変更の試みを"
        "許してはならないとの認識を共有しました。"
    ),
    line("4"),
    line(
        "三者は、重要鉱物を含むサプライチェーン強靭化や重要・新興技術の保護・育成を始めとする経済安全保障等についても"
        "意見交換し、これらの分野でも緊密に連携していくことを改めて確認しました。"
    ),
    line("5"),
    line(
        "三者は、こうした戦略的な議論を通じて、今後の日米韓協力の在り方について認識をすり合わせ、"
        "地域の安定と繁栄を追求していくことで一致しました。"
    ),
    line("(以上)"),
    line("Ranking読まれている記事"),
    line("- 24時間"),
    line("- 人事発令 12月9日付け、1佐職人事(陸自9名)"),
]

CASES: list[tuple[str, list[Block], list[Shape]]] = [
    (
        "seed_bare_number_lines_then_text",
        SEED,
        [
            pt("1", "強固な日米同盟・米韓同盟"),
            pt("2", "完全な非核化"),
            pt("3", "東シナ海及び南シナ海"),
            pt("4", "サプライチェーン強靭化"),
            pt("5", "地域の安定と繁栄"),
        ],
    ),
    (
        "ol_with_nested_ol",
        [
            li("両首脳は、日豪「特別な戦略的パートナーシップ」の深化を確認した。", 1, 1),
            li("防衛装備・技術協力を一層進めることで一致した。", 2, 1),
            li("円滑化協定の下での共同訓練の拡大を歓迎した。", 2, 2),
            li("両首脳は、地域情勢について意見交換を行った。", 1, 2),
            li("両首脳は、経済安全保障での協力を確認した。", 1, 3),
        ],
        [
            pt("1", "特別な戦略的パートナーシップ", [pt("1", "防衛装備"), pt("2", "円滑化協定")]),
            pt("2", "地域情勢"),
            pt("3", "経済安全保障"),
        ],
    ),
    (
        "mixture_1_paren_kata_circled",
        [
            p("1 二国間関係"),
            p("(1) 両外相は、日EU関係の強化に向けて緊密に連携していくことで一致した。"),
            p("ア 経済分野では、日EU・EPAの着実な実施を確認した。"),
            p("イ 安全保障分野では、次の点で一致した。"),
            p("① 海洋安全保障に関する対話を継続する。"),
            p("② サイバー分野の協力を強化する。"),
            p("(2) 両外相は、人的交流の拡大を歓迎した。"),
            p("2 地域情勢"),
            p("（1）両外相は、ウクライナ情勢について意見交換を行った。"),
        ],
        [
            pt(
                "1",
                "",
                [
                    pt(
                        "(1)",
                        "日EU関係",
                        [pt("ア", "日EU・EPA"), pt("イ", "次の点", [pt("①", "海洋"), pt("②", "サイバー")])],
                    ),
                    pt("(2)", "人的交流"),
                ],
                heading="二国間関係",
            ),
            pt("2", "", [pt("（1）", "ウクライナ")], heading="地域情勢"),
        ],
    ),
    (
        "heading_on_number_line",
        [
            p("1 冒頭"),
            p("岩屋大臣から、ワン外交部長の訪日を歓迎する旨述べました。"),
            p("2 日中関係"),
            p("両外相は、「戦略的互恵関係」を包括的に推進することを確認しました。"),
        ],
        [
            pt("1", "訪日を歓迎", heading="冒頭"),
            pt("2", "戦略的互恵関係", heading="日中関係"),
        ],
    ),
    (
        "heading_on_line_after_bare_number",
        [
            line("1"),
            line("会談の概要"),
            line("両者は、約30分間、電話会談を行いました。"),
            line("2"),
            line("北朝鮮"),
            line("両者は、北朝鮮の核・ミサイル開発について深刻な懸念を共有しました。"),
        ],
        [pt("1", "電話会談", heading="会談の概要"), pt("2", "深刻な懸念", heading="北朝鮮")],
    ),
    (
        "fullwidth_digits_and_fullwidth_space",
        [
            p("１　会談の概要"),
            p("両首脳は、日米同盟の抑止力・対処力を一層強化していくことを確認しました。"),
            p("２　両首脳は、経済分野での協力についても意見交換を行いました。"),
            p("（１）半導体を含むサプライチェーン強靱化で一致しました。"),
            p("（２）エネルギー安全保障での協力を確認しました。"),
        ],
        [
            pt("１", "抑止力", heading="会談の概要"),
            pt("２", "経済分野", [pt("（１）", "半導体"), pt("（２）", "エネルギー")]),
        ],
    ),
    (
        "continuation_paragraphs_join_with_newline",
        [
            p("1 両外相は、日韓関係を一層発展させていくことで一致しました。"),
            p("また、両外相は、首脳間のシャトル外交の継続を歓迎しました。"),
            p("さらに、両外相は、人的交流の拡大に向けて協力することを確認しました。"),
            p("2 両外相は、北朝鮮への対応で緊密に連携することを確認しました。"),
        ],
        [
            pt("1", "一致しました。\nまた、両外相は、首脳間のシャトル外交の継続を歓迎しました。\nさらに、"),
            pt("2", "北朝鮮"),
        ],
    ),
    (
        "rok_numbered_with_o_bullets",
        [
            p("1. First Vice Foreign Minister Park Yoon-joo held the ROK-U.S.-Japan Vice Foreign Ministerial Meeting."),
            p("o The three sides reaffirmed that trilateral cooperation is essential to regional peace."),
            p("o The three sides agreed to respond firmly to North Korea's nuclear and missile programs."),
            p("- They also discussed illicit cyber activities that fund those programs."),
            p("2. The Vice Minister also held a bilateral meeting with Deputy Secretary Landau."),
            p("o The two sides agreed to strengthen the alliance."),
            p("END"),
        ],
        [
            pt(
                "1",
                "Vice Foreign Ministerial Meeting",
                [
                    pt(None, "essential to regional peace"),
                    pt(None, "respond firmly", [pt(None, "illicit cyber")]),
                ],
            ),
            pt("2", "bilateral meeting", [pt(None, "strengthen the alliance")]),
        ],
    ),
    (
        "bullets_only_body_is_top_level",
        [
            p("・両外相は、日印特別戦略的グローバル・パートナーシップの強化で一致した。"),
            p("・両外相は、「自由で開かれたインド太平洋」の実現に向けた協力を確認した。"),
            p("・両外相は、次回の2+2の早期開催で一致した。"),
        ],
        [pt(None, "日印"), pt(None, "インド太平洋"), pt(None, "2+2")],
    ),
    (
        "footnotes_and_disclaimers_are_not_points_nor_text",
        [
            p("[Provisional translation]"),
            p("1. Opening"),
            p("Foreign Minister Iwaya welcomed the visit of Minister Wadephul to Japan."),
            p("2. Bilateral relations"),
            p("The two ministers confirmed that Japan and Germany would deepen security cooperation."),
            p("* The meeting was held on the margins of the G7 Foreign Ministers' Meeting."),
            p("An orphan paragraph after the footnote."),
            p("This is an English translation of the original Japanese text."),
            p("The date is that of the Japanese original."),
        ],
        [
            pt("1", "welcomed the visit", heading="Opening"),
            pt("2", "deepen security cooperation", heading="Bilateral relations"),
        ],
    ),
    (
        "terminator_ends_the_agenda",
        [
            p("1 両首脳は、日ASEAN関係の強化を確認しました。"),
            p("(以上)"),
            p("2 人事発令 12月9日付け"),
            p("・関連記事"),
        ],
        [pt("1", "日ASEAN")],
    ),
    (
        "inline_circled_after_intro_nests_under_point",
        [
            p("(1) 両首脳は、次の3点で一致した。"),
            p("①日米同盟の抑止力・対処力の強化、②経済安全保障分野での協力、③人的交流の拡大を確認した。"),
            p("(2) 両首脳は、地域情勢について意見交換した。"),
        ],
        [
            pt(
                "(1)",
                "次の3点",
                [pt("①", "日米同盟"), pt("②", "経済安全保障"), pt("③", "人的交流の拡大を確認した。")],
            ),
            pt("(2)", "地域情勢"),
        ],
    ),
    (
        "circled_mid_sentence_stays_text",
        [
            p("1 両外相は、①法の支配に基づく国際秩序の維持及び②核軍縮・不拡散の重要性を確認した。"),
            p("2 両外相は、次回会談の日程を調整することで一致した。"),
        ],
        [pt("1", "①法の支配に基づく国際秩序の維持及び②核軍縮"), pt("2", "次回会談")],
    ),
    (
        "marker_then_inline_circled_sequence",
        [
            p("(3) ①気候変動対策での協力、②保健分野での協力、③防災協力"),
            p("(4) 両者は、今後も緊密に意思疎通を行うことで一致した。"),
        ],
        [
            pt("(3)", "", [pt("①", "気候変動"), pt("②", "保健分野"), pt("③", "防災協力")]),
            pt("(4)", "意思疎通"),
        ],
    ),
    (
        "restart_numbering_stays_at_same_level",
        [
            p("1 午前の会合では、両者は経済協力について議論した。"),
            p("2 両者は、投資環境の改善について意見交換した。"),
            p("1 午後の会合では、両者は安全保障について議論した。"),
            p("2 両者は、防衛交流の拡大で一致した。"),
        ],
        [pt("1", "午前"), pt("2", "投資環境"), pt("1", "午後"), pt("2", "防衛交流")],
    ),
    ("empty_input", [], []),
    (
        "plain_paragraphs_without_markers_give_nothing",
        [
            p("Deputy Secretary Landau met with Japanese Vice Minister Funakoshi in Tokyo."),
            p("They discussed the importance of the U.S.-Japan Alliance and trilateral cooperation."),
            p("18 July marked the third meeting of the year between the two officials."),
        ],
        [],
    ),
    (
        "english_heading_with_alpha_and_roman",
        [
            p("1. Bilateral Relations"),
            p("(a) The ministers welcomed the progress in economic ties."),
            p("(i) They noted the growth of two-way investment."),
            p("(ii) They agreed to expand youth exchanges."),
            p("(b) The ministers discussed defense cooperation."),
            p("2. Regional Affairs"),
            p("The ministers exchanged views on the situation in the East China Sea."),
        ],
        [
            pt(
                "1",
                "",
                [
                    pt("(a)", "economic ties", [pt("(i)", "investment"), pt("(ii)", "youth")]),
                    pt("(b)", "defense"),
                ],
                heading="Bilateral Relations",
            ),
            pt("2", "East China Sea", heading="Regional Affairs"),
        ],
    ),
    (
        "letter_i_after_h_is_not_roman",
        [
            p("(g) The two sides discussed space cooperation."),
            p("(h) The two sides discussed critical minerals."),
            p("(i) The two sides discussed clean energy."),
        ],
        [pt("(g)", "space"), pt("(h)", "critical minerals"), pt("(i)", "clean energy")],
    ),
    (
        "katakana_fullwidth_space_and_paren_katakana",
        [
            p("(1) 両者は、次のとおり一致した。"),
            p("ア　経済連携の強化"),
            p("(ア) 投資協定の早期締結に向けて協議を加速する。"),
            p("(イ) 中小企業の交流を支援する。"),
            p("イ　人的交流の拡大を確認した。"),
        ],
        [
            pt(
                "(1)",
                "次のとおり",
                [
                    pt("ア", "", [pt("(ア)", "投資協定"), pt("(イ)", "中小企業")], heading="経済連携の強化"),
                    pt("イ", "人的交流"),
                ],
            )
        ],
    ),
    (
        "text_before_first_marker_is_not_a_point",
        [
            p("The two leaders discussed the following issues."),
            p("1. The leaders affirmed the importance of the rules-based international order."),
        ],
        [pt("1", "rules-based")],
    ),
    (
        "ul_bullets_under_numbered_point_and_closing_paragraph",
        [
            p("1 冒頭"),
            li("林官房長官から、訪日への歓迎の意を表した。"),
            li("先方から、温かい歓迎への謝意が示された。"),
            p("2 両者は、拉致問題の即時解決に向けた協力を確認した。"),
            li("米側から、拉致問題への一貫した支持が改めて示された。"),
            p("会談後、両者は共同記者発表を行った。"),
        ],
        [
            pt("1", "", [pt(None, "歓迎の意"), pt(None, "謝意")], heading="冒頭"),
            pt("2", "拉致問題の即時解決", [pt(None, "一貫した支持")]),
        ],
    ),
    (
        "note_and_reference_close_the_point",
        [
            p("1 両外相は、日比円滑化協定の早期発効で一致した。"),
            p("（注）本協定は2024年7月に署名された。"),
            p("署名式は首脳立会いの下で行われた。"),
            p("2 両外相は、南シナ海情勢について意見交換した。"),
            p("（参考）日比外相会談の開催実績"),
            p("・2023年11月 マニラ"),
            p("2023年7月 東京"),
        ],
        [pt("1", "円滑化協定"), pt("2", "南シナ海")],
    ),
    (
        "short_items_without_text_keep_their_line_as_text",
        [
            p("1 議題は次のとおり。"),
            p("(1) 北朝鮮"),
            p("(2) 中国"),
            p("(3) ロシア・ウクライナ"),
        ],
        [pt("1", "議題", [pt("(1)", "北朝鮮"), pt("(2)", "中国"), pt("(3)", "ロシア・ウクライナ")])],
    ),
    (
        "circled_blocks_after_numbered_point",
        [
            p("1 三者は、日米韓協力の進展を歓迎しました。"),
            p("2 三者は、次の分野での協力を確認しました。"),
            p("① 重要鉱物のサプライチェーン"),
            p("② 重要・新興技術の保護"),
            p("3 三者は、次回協議を東京で開催することで一致しました。"),
        ],
        [pt("1", "進展"), pt("2", "次の分野", [pt("①", "重要鉱物"), pt("②", "新興技術")]), pt("3", "東京")],
    ),
    (
        "lines_inside_one_block_are_split",
        [p("1\n三者は、日米韓調整事務局の活用を確認しました。\n2\n三者は、次回協議の早期開催で一致しました。")],
        [pt("1", "調整事務局"), pt("2", "早期開催")],
    ),
    (
        "hash_terminator_and_h_tag_heading",
        [
            h("1. Bilateral Relations"),
            p("The Secretary reaffirmed the ironclad U.S. commitment to the defense of Japan."),
            h("Related Links"),
            p("Joint Statement of the Foreign Ministers"),
            h("2. Economic Security"),
            p("They agreed to strengthen supply chains for critical minerals."),
            p("###"),
            p("3. Not a point after the terminator."),
        ],
        [
            pt("1", "ironclad", heading="Bilateral Relations"),
            pt("2", "critical minerals", heading="Economic Security"),
        ],
    ),
    (
        "bullets_before_numbering_do_not_swallow_it",
        [
            p("・日時：7月18日（金）午前10時から"),
            p("1 両者は、日米韓協力の重要性を確認した。"),
            p("2 両者は、北朝鮮への対応で連携することで一致した。"),
        ],
        # bullets before the first number are not points when numbered points follow (captions, fields)
        [pt("1", "日米韓協力"), pt("2", "北朝鮮")],
    ),
    (
        "nakaguro_between_names_is_not_a_bullet",
        [
            p("1 日・米・韓の三者は、安全保障協力の強化で一致した。"),
            p("日・米・豪・印の枠組みについても意見交換した。"),
        ],
        [pt("1", "日・米・韓の三者は、安全保障協力の強化で一致した。\n日・米・豪・印")],
    ),
    (
        "ol_item_lines_continue_and_paragraph_after_list_closes",
        [
            li("冒頭", 1, 1),
            p("茂木大臣から、会談の実現を歓迎しました。", 1),
            li("両大臣は、二国間関係の強化を確認しました。", 1, 2),
            p("今後も緊密に連携していくことで一致しました。"),
        ],
        [pt("1", "会談の実現", heading="冒頭"), pt("2", "二国間関係")],
    ),
    (
        "weak_number_out_of_sequence_is_text",
        [
            p("1 両者は、日本産食品の輸入規制について議論した。"),
            p("10 品目の規制撤廃が協議された。"),
            p("2 両者は、次回協議の開催で一致した。"),
        ],
        [pt("1", "輸入規制について議論した。\n10 品目"), pt("2", "次回協議")],
    ),
    (
        "disclaimer_first_then_bullets_only",
        [
            p("[Provisional translation]"),
            p("• The two ministers affirmed the importance of the Japan-U.S. Alliance."),
            p("• The two ministers discussed the situation in the Middle East."),
            p("- END -"),
        ],
        [pt(None, "Japan-U.S. Alliance"), pt(None, "Middle East")],
    ),
    (
        "state_sections_with_ul_bullets_are_top_level",
        [
            p("The Secretary met with Foreign Minister Cho Tae-yul in Washington."),
            h("Bilateral"),
            li("Reaffirmed the ironclad U.S.-ROK Alliance."),
            li("Welcomed growing shipbuilding cooperation."),
            h("Regional"),
            li("Condemned the DPRK's ballistic missile launches."),
            p("The Secretary thanked the Minister for the ROK's partnership."),
        ],
        [pt(None, "ironclad"), pt(None, "shipbuilding"), pt(None, "ballistic")],
    ),
    (
        "kakko_ryo_and_ijo_terminators",
        [p("(1) 両者は、協力の継続を確認した。"), p("（了）"), p("(2) 以降は別の記事")],
        [pt("(1)", "協力の継続")],
    ),
]


def _shape_check(points: list[AgendaPoint], expected: list[Shape], path: str = "") -> None:
    assert [pt_.number for pt_ in points] == [e[0] for e in expected], f"numbers at {path or 'top'}"
    for i, (point, (number, heading, snippet, children)) in enumerate(zip(points, expected, strict=True)):
        where = f"{path}/{i}:{number}"
        assert point.heading == heading, f"heading at {where}"
        if snippet == "":
            assert point.text == "", f"text at {where}: {point.text!r}"
        else:
            assert snippet in point.text, f"text at {where}: {point.text!r}"
        _shape_check(point.points, children, where)


@pytest.mark.parametrize(("blocks", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_agenda_tree(blocks: list[Block], expected: list[Shape]) -> None:
    _shape_check(extract_agenda(blocks), expected)


LEAKS = [
    (
        "footnotes_and_disclaimers_are_not_points_nor_text",
        ["Provisional", "margins", "orphan", "translation", "original"],
    ),
    ("note_and_reference_close_the_point", ["注", "署名式", "参考", "マニラ", "東京"]),
    ("text_before_first_marker_is_not_a_point", ["following issues"]),
    ("state_sections_with_ul_bullets_are_top_level", ["Washington", "thanked", "Bilateral", "Regional"]),
    ("ul_bullets_under_numbered_point_and_closing_paragraph", ["共同記者発表"]),
    ("hash_terminator_and_h_tag_heading", ["Related", "Joint Statement", "Not a point"]),
]


@pytest.mark.parametrize(("case_id", "leaked"), LEAKS, ids=[leak[0] for leak in LEAKS])
def test_non_agenda_text_does_not_leak(case_id: str, leaked: list[str]) -> None:
    blocks = next(case[1] for case in CASES if case[0] == case_id)
    dumped = str([point.model_dump() for point in extract_agenda(blocks)])
    for word in leaked:
        assert word not in dumped


def test_seed_chrome_after_terminator_is_ignored() -> None:
    points = extract_agenda(SEED)
    assert len(points) == 5
    assert all("Ranking" not in point.text and "人事発令" not in point.text for point in points)


# --- property: arbitrary blocks never raise and give valid trees made of the input's own text ---

_PREFIXES = [
    "",
    "1",
    "1 ",
    "2 ",
    "1.",
    "１　",
    "(1)",
    "（2）",
    "(１)",
    "①",
    "②",
    "③ ",
    "ア ",
    "イ　",
    "(ア)",
    "(a)",
    "(i)",
    "(h)",
    "o ",
    "- ",
    "・",
    "•",
    "°",
    "* ",
    "※",
    "（注）",
    "(以上)",
    "以上",
    "END",
    "###",
    "⑴",
    "㉑",
    "[Provisional translation]",
    "This is an English translation",
    "冒頭",
    "Opening",
    "\n",
    "　",
]
_texts = st.builds(
    lambda parts: "".join(parts),
    st.lists(st.one_of(st.sampled_from(_PREFIXES), st.text(max_size=30)), max_size=5),
)
_blocks = st.builds(
    Block,
    _texts,
    st.sampled_from(["p", "li", "h", "line"]),
    st.integers(min_value=0, max_value=4),
    st.one_of(st.none(), st.integers(min_value=-1, max_value=40)),
)


def _walk(points: list[AgendaPoint]) -> list[AgendaPoint]:
    found, todo = [], list(points)
    while todo:
        point = todo.pop()
        found.append(point)
        todo.extend(point.points)
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_blocks, max_size=25))
def test_any_blocks_give_a_valid_tree_of_input_text(blocks: list[Block]) -> None:
    points = extract_agenda(blocks)
    assert isinstance(points, list)
    sources = [block.text for block in blocks]
    for point in _walk(points):
        assert isinstance(point, AgendaPoint)
        AgendaPoint.model_validate(point.model_dump())
        for piece in [*point.text.split("\n"), point.heading or ""]:
            assert any(piece in source for source in sources), piece


def test_bracketed_letters_that_are_no_roman_numeral_are_text() -> None:
    """'(xx)', '(vv)', '(iiii)' match the roman-numeral shape of the marker pattern but are not numerals."""
    for odd in ("(xx) 両者は確認した。", "(vv)", "(iiii) text"):
        points = extract_agenda([Block("(1) 冒頭", "p", 0, None), Block(odd, "p", 0, None)])
        assert [p.number for p in points] == ["(1)"]
        assert odd.strip() in points[0].text
    assert [p.number for p in extract_agenda([Block("(ii) b", "p", 0, None)])] == ["(ii)"]
