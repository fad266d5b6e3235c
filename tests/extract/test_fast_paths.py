"""The speed-ups in extraction are exact: each cheap test agrees with the rule it stands in front of.

Every prefilter (a first-character set, a length bound, a fast path) may only skip text the full rule
would not have matched; these properties check that on text generated *from* the rules themselves.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressbot.extract import _language, agenda, countries, dates, meeting, page, participants, text
from pressbot.extract.text import Guarded

_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")


def _clean_reference(value: str) -> str:
    """clean() as first written: collapse every space run, then strip each line and drop empty ones."""
    value = _SPACES.sub(" ", value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in value.split("\n") if line.strip())


SPACEY_TEXT = st.text(alphabet=st.sampled_from(list("ab 。\t\u3000\u00a0\u200b\ufeff\n\r\x1c")), max_size=30)


@given(SPACEY_TEXT)
@settings(max_examples=400, deadline=None)
def test_clean_fast_path_agrees_with_the_full_rule(value: str) -> None:
    assert text.clean(value) == _clean_reference(value)


def _first_chars_cover(pattern: re.Pattern[str], first: frozenset[str], key=lambda line: line[0]):
    @given(st.from_regex(pattern, fullmatch=True))
    @settings(max_examples=300, deadline=None)
    def check(sample: str) -> None:
        line = sample.strip()  # the agenda reader only sees stripped lines
        if line and pattern.match(line):
            assert key(line) in first, f"{line!r} matches but {key(line)!r} is not in the prefilter"

    return check


test_agenda_closer_first_characters = _first_chars_cover(agenda._CLOSER, agenda._CLOSER_FIRST, agenda._key_char)
test_agenda_terminator_first_characters = _first_chars_cover(
    agenda._TERMINATOR, agenda._TERMINATOR_FIRST, agenda._key_char
)


@pytest.mark.parametrize(
    "line", ["（注）本文", "(*) 脚注", "【参考】資料", "( 以上 )", "(Provisional translation)", "（仮訳）"]
)
def test_bracketed_closers_and_terminators_are_keyed_into_their_sets(line: str) -> None:
    key = agenda._key_char(line)
    assert (key in agenda._CLOSER_FIRST and agenda._CLOSER.match(line)) or (
        key in agenda._TERMINATOR_FIRST and agenda._TERMINATOR.fullmatch(line)
    )
    assert agenda._key_char("（1）両者は") not in agenda._CLOSER_FIRST | agenda._TERMINATOR_FIRST


@given(st.from_regex(page._BACK_LINK, fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_back_link_length_bound(sample: str) -> None:
    assert len(sample) <= page._BACK_LINK_MAX


def test_a_long_back_link_shaped_line_is_still_text() -> None:
    line = "Back to " + "x" * 100
    assert not page._BACK_LINK.match(line)


def test_control_characters_are_dropped_before_parsing() -> None:
    root = page.parse_html("<html><body><p>a\x01b\x0bc\x7fd é</p></body></html>")
    assert page.text_of(root.find(".//p")) == "abcd é"


# The modules whose Guarded and starting_with rules the properties below check, all of them.
RULE_MODULES = (agenda, countries, dates, meeting, page, participants)


def _guarded_rules() -> list[tuple[str, Guarded]]:
    found = []
    for module in RULE_MODULES:
        rules = [(name, rule) for name, rule in vars(module).items() if isinstance(rule, Guarded)]
        found += [(f"{module.__name__}.{name}", rule) for name, rule in rules]
    return found


@pytest.mark.parametrize(("name", "rule"), _guarded_rules(), ids=[name for name, _ in _guarded_rules()])
def test_every_match_of_a_guarded_rule_holds_a_needle(name: str, rule: Guarded) -> None:
    @given(st.from_regex(rule.pattern))
    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    def check(sample: str) -> None:
        found = rule.pattern.search(sample)
        if found is None:  # from_regex ignores some lookarounds: only real matches count
            return
        matched = found.group(0).casefold() if rule.pattern.flags & re.IGNORECASE else found.group(0)
        assert any(needle in matched for needle in rule.needles), f"{name}: {found.group(0)!r} holds no needle"
        assert rule.search(sample) is not None

    check()


def test_guarded_rules_exist() -> None:
    assert len(_guarded_rules()) >= 5


test_chrome_heading_first_characters = _first_chars_cover(page._CHROME_HEADING, page._CHROME_HEADING_FIRST)
test_chrome_heading_openings = _first_chars_cover(
    page._CHROME_HEADING, page._CHROME_HEADING_OPENINGS, key=lambda line: line[:2]
)


def test_chrome_heading_openings_hold_every_character_re_i_matches() -> None:
    """from_regex spells letters in two cases at most: every code point re.I matches to each opening's letters
    (found by one scan of them all, which finds ſ for s) is in the pairs."""
    every_char = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    openings = {opening.lower() for opening in page._CHROME_HEADING_OPENINGS if opening.isascii()}
    for opening in openings:
        firsts = re.compile(re.escape(opening[0]), re.I).findall(every_char)
        seconds = re.compile(re.escape(opening[1]), re.I).findall(every_char)
        assert {first + second for first in firsts for second in seconds} <= page._CHROME_HEADING_OPENINGS
    assert {opening[0] for opening in page._CHROME_HEADING_OPENINGS} == page._CHROME_HEADING_FIRST


def test_id_selectors_from_the_document_find_what_css_finds() -> None:
    from lxml.cssselect import CSSSelector

    doc = page.parse_html(
        "<html><body><div id='side'><h1>Menu</h1></div><div id='main'><h1>Title</h1><p class='x'>a</p></div>"
        "</body></html>"
    )
    for css in ("#main h1", "#main", "#side h1, #main .x", "div h1"):
        assert page.select(doc, css) == CSSSelector(css)(doc), css


def test_id_selectors_below_the_document_stay_inside_their_element() -> None:
    doc = page.parse_html("<html><body><div id='a'><p>x</p></div><div id='b'></div></body></html>")
    other = doc.find(".//div[@id='b']")
    assert page.select(other, "#a p") == []


# The lead rules as first written: one alternation, each English word behind its own \b, no lookahead.
_LEAD_RULES_AS_WRITTEN = {
    "_MEETING": (
        r"会談|会合|協議|会議|懇談|表敬|面会|対話|会見|会食|意見交換|首脳|外相会|昼食会|夕食会|朝食会|晩餐会|"
        r"\bmet\b|\bmeeting\b|\btalks?\b|\bheld\b|\bdialogue\b|\bconsultations?\b|\bsummit\b|"
        r"\bcall\b|\bspoke\b|\bhosted\b|\bReadout\b",
        re.I,
    ),
    "_LEAD_VERB": (
        r"との間で|と(?:の)?(?:電話)?会談|を表敬|と会合|と協議|と懇談|と面会|と会食|を行いました|を行った|"
        r"を開催|が開催|に出席|\bmet\b|\bheld\b|\bspoke\b|\bhosted\b|\bhad a\b|\bparticipated\b|"
        r"\breceived (?:a )?courtesy call|\bpaid a courtesy call|\bcalled on\b|表敬を受け|"
        r"\btook place\b|\bconvened\b",
        re.I,
    ),
    "_LEAD_END": (
        r"概要(?:は|が)(?:以下|次)の(?:とおり|通り)|概要以下のとおり|以下のとおり(?:です|。)|ところ、概要|"
        r"(?:overview|summary|outline)(?: of the [\w ]+?)? (?:is|are|was) as follows",
        re.I,
    ),
    "_HAPPENED": (
        r"(?:を|が)行(?:いました|ったところ|われ)|を実施し|"
        r"行われました|開催されました|出席しました|\bmet (?:today )?with\b|\bheld (?:a|the)\b|"
        r"\bspoke (?:today )?(?:by|with)\b|\btook place\b|\b(?:attended|participated in|took part in)\b",
        0,
    ),
}
# Pieces of leads that sit close to the rules: words in several cases, look-alike letters re.I folds
# (ſ for s, K for k, ı and İ for i), word characters and boundaries on either side, Japanese particles.
_LEAD_PIECES = st.sampled_from(
    [
        " ",
        ".",
        ",",
        "-",
        "_",
        "1",
        "x",
        "a",
        "\n",
        "met",
        "Met",
        "MET",
        "meeting",
        "talk",
        "talks",
        "held",
        "had a",
        "ſpoke",
        "spoke",
        "hosted",
        "Readout",
        "call",
        "called on",
        "Called On",
        "took place",
        "convened",
        "today ",
        "with",
        "the",
        "by",
        "attended",
        "participated",
        "participated in",
        "took part in",
        "received",
        "courtesy",
        "paid a courtesy call",
        "Overview",
        "ſummary",
        "outline",
        " of the talks",
        " is",
        " are",
        " was",
        " as follows",
        "と",
        "を",
        "が",
        "に",
        "の",
        "は",
        "、",
        "。",
        "会談",
        "電話",
        "表敬",
        "を受け",
        "行",
        "いました",
        "ったところ",
        "われ",
        "実施し",
        "開催",
        "されました",
        "出席",
        "しました",
        "概要",
        "以下",
        "次",
        "とおり",
        "通り",
        "です",
        "ところ",
        "会合",
        "協議",
        "懇談",
        "面会",
        "会食",
        "首脳",
        "外相会",
        "昼食会",
        "晩餐会",
        "dialogue",
        "summit",
        "consultation",
        "consultations",
        "ıs",
        "İs",
    ]
)
LEAD_LIKE_TEXT = st.lists(_LEAD_PIECES, max_size=12).map("".join)


def _plain(rule: re.Pattern[str] | Guarded) -> re.Pattern[str]:
    return rule.pattern if isinstance(rule, Guarded) else rule


@pytest.mark.parametrize("name", sorted(_LEAD_RULES_AS_WRITTEN))
def test_lead_rules_find_what_they_found_as_first_written(name: str) -> None:
    written = re.compile(*_LEAD_RULES_AS_WRITTEN[name])
    rule = getattr(meeting, name)

    @given(st.one_of(LEAD_LIKE_TEXT, st.from_regex(written), st.from_regex(_plain(rule))))
    @settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
    def check(sample: str) -> None:
        expected, found = written.search(sample), rule.search(sample)
        assert (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0)))

    check()


_START_CLASS = re.compile(r"\(\?=\[(?P<first>[^\]]*)\]\)\(\?:(?P<rule>.*)\)", re.S)


def _start_classed() -> list[tuple[str, re.Pattern[str]]]:
    """Every pattern built by text.starting_with, bare or behind a Guarded."""
    found = []
    for module in RULE_MODULES:
        for name, value in vars(module).items():
            pattern = value.pattern if isinstance(value, Guarded) else value
            if isinstance(pattern, re.Pattern) and _START_CLASS.fullmatch(str(pattern.pattern)):
                found.append((f"{module.__name__}.{name}", pattern))
    return found


@pytest.mark.parametrize(("name", "pattern"), _start_classed(), ids=[name for name, _ in _start_classed()])
def test_a_start_class_lookahead_changes_no_match(name: str, pattern: re.Pattern[str]) -> None:
    parts = _START_CLASS.fullmatch(pattern.pattern)
    assert parts is not None
    rule = re.compile(parts["rule"], pattern.flags)

    @given(st.one_of(LEAD_LIKE_TEXT, st.from_regex(rule)))
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    def check(sample: str) -> None:
        expected, found = rule.search(sample), pattern.search(sample)
        assert (found and found.span()) == (expected and expected.span()), name

    check()


def test_start_classed_rules_exist() -> None:
    assert len(_start_classed()) >= 4


def _language_reference(value: str) -> str:
    """_language as first written: shares from the full lists of kana and hangul in the first 3,000 chars."""
    sample = value[:3000]
    size = max(len(sample), 1)
    if len(re.findall(r"[\uac00-\ud7a3]", sample)) / size > 0.08:
        return "ko"
    if len(re.findall(r"[\u3040-\u30ff]", sample)) / size > 0.04:
        return "ja"
    return "en"


_SCRIPT_RUNS = st.sampled_from(["a", "’", "。", "会談", "か", "かな", "カタカナ", "한", "한국어", "\u3040", "\u30ff"])
MIXED_SCRIPTS = st.lists(st.tuples(_SCRIPT_RUNS, st.integers(1, 400)), max_size=12).map(
    lambda runs: "".join(run * times for run, times in runs)
)


@given(MIXED_SCRIPTS)
@settings(max_examples=400, deadline=None)
def test_language_stops_counting_only_once_the_answer_is_known(value: str) -> None:
    assert _language(value).value == _language_reference(value)


# The country-word alternations as first written: every word in one flat alternation, longest first.
_EN_WORD_AS_WRITTEN = re.compile(
    r"(?<![\w.])(" + "|".join(sorted(map(re.escape, countries.EN), key=len, reverse=True)) + r")(?![\w])", re.I
)
_JA_WORD_AS_WRITTEN = re.compile("|".join(sorted(map(re.escape, countries.JA_WORDS), key=len, reverse=True)))


def _country_text(words: list[str], cased: bool) -> st.SearchStrategy[str]:
    # Words one of which begins another ('guinea', 'guinea-bissau') are where the order of the branches shows.
    nested = [w for w in words if any(o != w and (o.startswith(w) or w.startswith(o)) for o in words)]
    word = st.one_of(st.sampled_from(words), st.sampled_from(nested))
    if cased:  # upper-cased, title-cased, with look-alikes re.I folds
        word = st.tuples(word, st.sampled_from([str.lower, str.upper, str.title])).map(lambda pair: pair[1](pair[0]))
    glue = st.sampled_from(["", " ", ".", "-", "a", "s", "_", "・", "の", "と", "国", "ſ", "K", "İ", "ı", "1"])
    return st.lists(st.one_of(word, glue), max_size=8).map("".join)


def _spans(pattern: re.Pattern[str], sample: str) -> list[tuple[tuple[int, int], ...]]:
    """Where ``pattern`` finds its words, and what it matches at each position (match() is used too)."""
    at_each = [(found.span() if (found := pattern.match(sample, at)) else (at, -1)) for at in range(len(sample))]
    return [tuple(m.span() for m in pattern.finditer(sample)), tuple(at_each)]


@given(_country_text(sorted(countries.EN), cased=True))
@settings(max_examples=600, deadline=None)
def test_grouped_english_country_words_match_as_the_flat_alternation(sample: str) -> None:
    assert _spans(countries._EN_WORD, sample) == _spans(_EN_WORD_AS_WRITTEN, sample)


@given(_country_text(sorted(countries.JA_WORDS), cased=False))
@settings(max_examples=600, deadline=None)
def test_grouped_japanese_country_words_match_as_the_flat_alternation(sample: str) -> None:
    assert _spans(countries.JA_WORD, sample) == _spans(_JA_WORD_AS_WRITTEN, sample)


def test_guards_fold_the_letters_re_ignorecase_folds() -> None:
    """re.I matches İ and ı to i, ſ to s and K (Kelvin) to k: a guard must let those through too."""
    for sample in ("vİdeo call", "vıdeo call", "teleconference", "ſpoke by telephone", "Oſaka dinner"):
        for name, rule in _guarded_rules():
            if rule.pattern.search(sample):
                assert rule.search(sample) is not None, (name, sample)
    assert meeting._VIDEO.search("a vİdeo call") is not None
    assert meeting._VIDEO.search("a vıdeo call") is not None
