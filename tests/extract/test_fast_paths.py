"""The speed-ups in extraction are exact: each cheap test agrees with the rule it stands in front of.

Every prefilter (a first-character set, a length bound, a fast path) may only skip text the full rule
would not have matched; these properties check that on text generated *from* the rules themselves.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressbot.extract import agenda, meeting, page, participants, text
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


def _first_chars_cover(pattern: re.Pattern[str], first: frozenset[str]):
    @given(st.from_regex(pattern, fullmatch=True))
    @settings(max_examples=300, deadline=None)
    def check(sample: str) -> None:
        line = sample.strip()  # the agenda reader only sees stripped lines
        if line and pattern.match(line):
            assert line[0] in first, f"{line!r} matches but {line[0]!r} is not in the prefilter"

    return check


test_agenda_closer_first_characters = _first_chars_cover(agenda._CLOSER, agenda._CLOSER_FIRST)
test_agenda_terminator_first_characters = _first_chars_cover(agenda._TERMINATOR, agenda._TERMINATOR_FIRST)


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


def _guarded_rules() -> list[tuple[str, Guarded]]:
    found = []
    for module in (meeting, participants, page, agenda):
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
