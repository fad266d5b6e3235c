"""The speed-ups in the meeting rules (participants, meeting, dates) are exact: each agrees with the rule as written.

Every shortcut keeps the rule it stands in for as a reference here, and hypothesis compares the two on text built
from the pieces the rule reads, near misses included (separators, particles, runs just under and over a bound).
"""

from __future__ import annotations

import datetime
import re
from re import _parser  # type: ignore[attr-defined]

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressbot.extract import dates, participants, vocab
from pressbot.extract.participants.english import _NOT_AFTER_ABBREVIATION


def _runs(pieces: list[str], longest: int, max_size: int = 14) -> st.SearchStrategy[str]:
    """Text of ``pieces`` and runs of one kanji up to ``longest`` long (bounds in the rules are counted in those)."""
    piece = st.one_of(st.sampled_from(pieces), st.integers(0, longest).map(lambda n: "山" * n))
    return st.lists(piece, max_size=max_size).map("".join)


def _found(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _assert_same_matches(rule: re.Pattern[str], written: re.Pattern[str], text: str) -> None:
    """``rule`` finds what ``written`` finds in ``text``, and matches what it matches at every position."""
    assert _found(rule.finditer(text)) == _found(written.finditer(text))
    for at in range(len(text)):
        assert _found(filter(None, [rule.match(text, at)])) == _found(filter(None, [written.match(text, at)]))


ATTENDANCE_TEXT = _runs(
    ["会談", "会合", "協議", "会議", "には", "に", "は", "、", "。", "が同席", "が陪席", "も同席", "も出席", "が", "も",
     "同席", "出席", "陪席", "大使", "次官", "X"],
    70,
)  # fmt: skip


@given(ATTENDANCE_TEXT)
@settings(max_examples=1500, deadline=None)
def test_attendances_are_the_matches_of_the_attendance_rule(text: str) -> None:
    assert _found(participants._attendances(text)) == _found(participants._ATTENDED.pattern.finditer(text))


def test_attendance_reach_is_the_longest_stretch_before_a_needle() -> None:
    """_ATTENDED_REACH + the needle's length is the longest match _ATTENDED can make (a wrong bound fails here)."""
    _, longest = _parser.parse(participants._ATTENDED.pattern.pattern).getwidth()
    assert {len(needle) for needle in participants._ATTENDED.needles} == {3}
    assert longest == participants._ATTENDED_REACH + 3


def test_attendances_find_a_match_as_far_from_its_needle_as_it_can_be() -> None:
    names = "山" * 60
    text = "。" * 100 + f"会談には、{names}が同席" + "。" * 100 + f"会議に{names}も出席"
    assert _found(participants._attendances(text)) == _found(participants._ATTENDED.pattern.finditer(text))
    assert [m.group(1) for m in participants._attendances(text)] == [names, names]


# The English rules as written before their first letters were put ahead of their word-boundary tests.
_NAME_WORD_AS_WRITTEN = r"[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*[^\W\d_]"
_ENGLISH_RULES_AS_WRITTEN = {
    "_EN_COUNTERPART": re.compile(
        r"\b(?:his|her|their|with|and|met)\s+(?:new\s+)?(?P<adj>" + participants._EN_ADJ
        + r")counterparts?,?\s+(?P<name>(?:[A-Z]\.?\s)?"
        + _NAME_WORD_AS_WRITTEN + r"(?:\s(?:[A-Z]\.\s)?" + _NAME_WORD_AS_WRITTEN + r"){0,2})"
    ),
    "_EN_NAME_THEN_TITLE": re.compile(
        r"(?<![\w,] )(?<!\w)(?P<name>" + _NAME_WORD_AS_WRITTEN + r"(?:\s(?:[A-Z]\.\s)?" + _NAME_WORD_AS_WRITTEN
        + r"){1,2}),\s+(?P<title>[A-Z][^;()]{0,120}?\b" + participants._EN_OFFICE_CORE
        + r"\b[^;()]*?)(?=,\s|;|\.\s|\.$|\)|$)"
    ),
    "_EN_VERB": re.compile(
        r"\b(?:met|meets|held|holds|hosted|hosts|spoke|speaks|had|received|paid|co-chaired|chaired|"
        r"participated|attended|joined|visited|talked)\b"
    ),
    "_WITH": re.compile(r"\bwith\b"),
    # no sentence ends after an abbreviated honorific ('Hon.'); one ends at a full stop with no space after it
    "_SENTENCE_END": re.compile(
        r"(?<=[a-z\d)]{2}[.!?])" + _NOT_AFTER_ABBREVIATION + r"\s+(?=[A-Z(\[])|(?<=[a-z]{3})\.(?=[A-Z][a-z])"
    ),
    # 'Ambassador to the United States' goes on
    "_EN_OBJECT_END": re.compile(
        r"\s(?:in|at|on|during|ahead of|before|after|via|where|as part of)\s|\s(?:for|to"
        + "".join(r"(?<!" + re.escape(w) + r"\sto)" for w in vocab.words("offices", "en", "posted"))
        + r")\s(?![A-Z])|(?<=[a-z\d]{2})[.;]" + _NOT_AFTER_ABBREVIATION + r"(?:\s|$)"
    ),
}  # fmt: skip
# Pieces of English leads: the rules' words, with word characters, commas, line breaks and other scripts around them.
_ENGLISH_PIECES = st.sampled_from(
    [" ", "  ", ", ", ",", ".", ". ", "\n", "-", "'", "_", "1", "x", "é", "会", "(", ")", ";", "his", "her", "their",
     "This", "other", "with", "With", "without", "forthwith", "met", "meets", "Met", "helmet", "held", "hosted",
     "co-chaired", "chaired", "co", "spoke", "had", "shad", "attended", "Chinese", "Japanese", "South Korean",
     "counterpart", "counterparts", "Wang", "Yi", "Wang Yi", "Andrés", "Yoon-joo", "O'Neil", "A. ", "Kim", "Minister",
     "Hon. ", "Mrs. ", "Ambassador", "new", "S ",
     "Member", "Foreign", "Minister of Foreign Affairs", "Secretary", "Secretary of State", "President", "of", "the",
     "People's Republic of China", "in", " in ", " at ", "on", "during", " ahead of ", "as part of", "for", " to ",
     "To", "Tokyo", "2", "met.", "Yi.", "ok!", "(A)", "[", "?", "; ", "\t", "\u3000"]
)  # fmt: skip
ENGLISH_TEXT = st.lists(_ENGLISH_PIECES, max_size=16).map("".join)


@pytest.mark.parametrize("name", sorted(_ENGLISH_RULES_AS_WRITTEN))
def test_english_rules_find_what_they_found_as_written(name: str) -> None:
    written, rule = _ENGLISH_RULES_AS_WRITTEN[name], getattr(participants, name)

    @given(st.one_of(ENGLISH_TEXT, st.from_regex(written)))
    @settings(max_examples=700, deadline=None, suppress_health_check=list(HealthCheck))
    def check(text: str) -> None:
        _assert_same_matches(rule, written, text)
        assert rule.split(text) == written.split(text)

    check()


def test_words_after_boundary_keep_the_order_of_the_words() -> None:
    rule = re.compile("(?:" + participants._words_after_boundary(["met", "meets"]) + r")\b")
    assert rule.search("he meets").group(0) == "meets"
    assert rule.search("helmet met").span() == (7, 10)


@pytest.mark.parametrize(
    "text",
    [
        "another Chinese counterpart Wang Yi",
        "with his Chinese counterpart Wang Yi, and their Japanese counterparts, Iwaya Takeshi",
        "Xi Jinping, President of the People's Republic of China; and, Wang Yi, Minister of Foreign Affairs.",
        "He, Wang Yi, Minister",
        "The Secretary met with Wang Yi; she spoke withheld forthwith with",
        "held talks.for the region;to Japan.In Tokyo on;at (A). B? Ok.  [C] ab1. d",
    ],
)
def test_english_rules_on_near_misses(text: str) -> None:
    for name, written in _ENGLISH_RULES_AS_WRITTEN.items():
        assert _found(getattr(participants, name).finditer(text)) == _found(written.finditer(text)), name


def _rejoin_reading_as_written(before: str, segment: str) -> str:
    match = re.search(r"([^、，,。\s]+[(（][\u3041-\u30ffー・\s]+[)）]\s*[^、，,。(（]*)$", before)
    return match.group(1) if match else segment


READING_TEXT = st.lists(
    st.sampled_from(
        ["朴潤柱", "(", "（", ")", "）", "パク・ユンジュ", "ぱく", "ー", "・", " ", "\u3000", "\n", "\t",
         "、", "，", ",", "。", "韓国外交部第一次官", "A", "Kim", "漢"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(READING_TEXT)
@settings(max_examples=1500, deadline=None)
def test_rejoin_reading_agrees_with_the_pattern_as_written(before: str) -> None:
    assert participants._rejoin_reading(before, "segment") == _rejoin_reading_as_written(before, "segment")


def _meeting_date_as_written(text: str, ref: datetime.date | None) -> dates.DateMatch | None:
    """meeting_date before it stopped reading after the first date: the second one is always looked for (and,
    as the rule reads, one that cannot be read does not undo the first)."""
    t, idx = dates._normalize(text)
    scan = dates._scan(t, ref, text_anchor=True)
    first = next(scan, None)
    if first is None:
        return None
    try:
        second = next(scan, None)
    except dates.DateError:
        second = None
    pair = dates._local_pair(t, first, second)
    if pair is None:
        d, rule, ns, ne = first
    else:
        (d, ns, ne), rule = pair, "local_time"
    s, e = dates._span(idx, ns, ne)
    return dates.DateMatch(d, text[s:e], rule, s, e)


_DATE_PIECES = st.sampled_from(
    ["令和7年7月18日", "令和7(2025)年7月18日", "令和7（2024）年7月18日", "平成32年1月1日", "2025(令和7)年7月1日",
     "2025(令和6)年7月1日", "令和元年5月1日", "昭和", "令和", "7月18日", "18日", "本6日", "同日", "(", "（", ")", "）",
     "(現地時間5日)", "現地時間", "日本時間", "、", "。", ",", ";", "\n", " ", "午後3時", "会談", "July 17", "18 July",
     "(local time; July 18, Japan time)", ", local time", "Japan time", "2025-07-18", "x" * 20, "～19日"]
)  # fmt: skip
LEAD_WITH_DATES = st.lists(_DATE_PIECES, max_size=8).map("".join)


def _date_or_error(read: object, text: str, ref: datetime.date | None) -> object:
    try:
        return read(text, ref)  # type: ignore[operator]
    except dates.DateError as error:
        return ("DateError", str(error))


@given(LEAD_WITH_DATES, st.sampled_from([None, datetime.date(2025, 7, 20), datetime.date(2025, 1, 3)]))
@settings(max_examples=1500, deadline=None)
def test_meeting_date_reads_what_it_read_when_it_always_looked_for_a_second_date(
    text: str, ref: datetime.date | None
) -> None:
    assert _date_or_error(dates.meeting_date, text, ref) == _date_or_error(_meeting_date_as_written, text, ref)


SIDE_TEXT = st.lists(
    st.sampled_from(
        ["日本", "米国", "韓国", "アメリカ", "中国", "米", "側", "から", "からは", ":", "：", ")", "）", "】",
         "(", "（", "【", "、", "。", " ", "\u3000", "\n", "は", "山田大使", "が出席", "日本国"]
    ),
    max_size=10,
).map("".join)  # fmt: skip


@given(SIDE_TEXT)
@settings(max_examples=1500, deadline=None)
def test_sides_are_the_matches_of_the_side_rule(text: str) -> None:
    assert _found(participants._sides(text)) == _found(participants._SIDE.finditer(text))


@pytest.mark.parametrize(
    "text", ["日本側】 米国からは山田大使", "日本からは、米国からは", "(日本側)(米国側)", "、日本から"]
)
def test_sides_on_texts_that_open_with_a_side(text: str) -> None:
    assert _found(participants._sides(text)) == _found(participants._SIDE.finditer(text))


_JA_SHORT_TITLE_AS_WRITTEN = (
    r"(?:外務大臣|外務副大臣|副大臣|大臣政務官|政務官|外務事務次官|事務次官|次官|外務審議官|審議官|総理大臣|"
    r"総理|首相|大統領|外相|長官|副長官|国務長官|国務副長官|大使|局長|外交部長|部長|第一次官|第1次官|大臣)"
)
_MENTION_RULES_AS_WRITTEN = {
    "_SHORT_TITLE_AT": re.compile(_JA_SHORT_TITLE_AS_WRITTEN + r"(?=から|より|は|が|に|と|の|も)"),
    "_SURNAME_MENTION": re.compile(
        r"(?<![\u4e00-\u9fff\u30a0-\u30ff])([\u4e00-\u9fff]{1,3}|" + participants._KATAKANA + r"{2,10})("
        + _JA_SHORT_TITLE_AS_WRITTEN + r")(?=から|より|は|が|に|と|の|も)"
    ),
}  # fmt: skip
MENTION_TEXT = st.lists(
    st.sampled_from(
        [*_JA_SHORT_TITLE_AS_WRITTEN[3:-1].split("|"), "総", "理", "大", "臣", "政務", "外務", "副", "国務", "第",
         "1", "一", "船越", "岩屋", "クノ", "・", "=", "から", "より", "は", "が", "に", "と", "の", "も",
         "、", "。", "を", "\n"]
    ),
    max_size=10,
).map("".join)  # fmt: skip


@pytest.mark.parametrize("name", sorted(_MENTION_RULES_AS_WRITTEN))
def test_grouped_offices_match_as_the_flat_alternation(name: str) -> None:
    written, rule = _MENTION_RULES_AS_WRITTEN[name], getattr(participants, name)

    @given(MENTION_TEXT)
    @settings(max_examples=800, deadline=None)
    def check(text: str) -> None:
        _assert_same_matches(rule, written, text)

    check()
