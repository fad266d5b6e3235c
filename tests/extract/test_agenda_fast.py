"""The agenda reader's shortcuts are exact: each agrees with what it stands in for.

``_heading_like`` lets the length decide before the script test, and lines whose first character is in
neither key set skip ``_key_char``.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pressbot.extract import agenda

# ------------------------------------------------------------------------------------------- _heading_like


def _heading_like_as_written(text: str) -> bool:
    """_heading_like as first written: the script test first, then the length for that script."""
    if not text or text[-1] in agenda._SENTENCE_END or "。" in text:
        return False
    if agenda._CJK.search(text):
        return len(text) <= agenda._HEADING_MAX_JA
    return len(text) <= agenda._HEADING_MAX_EN and not re.search(r"[a-z]{2}\. ", text)


_HEADING_PIECES = st.sampled_from(["会", "あ", "한", "a", "b", "A", ".", ". ", " ", "ab. ", ":", "。", "、", "!", "1"])
HEADING_LIKE_TEXT = st.lists(_HEADING_PIECES, max_size=70).map("".join)


@given(HEADING_LIKE_TEXT | st.text(max_size=70))
@settings(max_examples=600, deadline=None)
def test_heading_like_agrees_with_the_rule_as_first_written(text: str) -> None:
    assert agenda._heading_like(text) == _heading_like_as_written(text)


# ------------------------------------------------------------------------------------------- _KEYED_FIRST


def test_brackets_are_keyed_first_characters() -> None:
    assert agenda._BRACKETS <= agenda._KEYED_FIRST


@given(st.text(min_size=1, max_size=6) | st.from_regex(agenda._CLOSER) | st.from_regex(agenda._TERMINATOR))
@settings(max_examples=400, deadline=None)
def test_a_line_not_keyed_first_has_a_key_in_neither_set(sample: str) -> None:
    line = sample.strip()
    if line and line[0] not in agenda._KEYED_FIRST:
        key = agenda._key_char(line)
        assert key not in agenda._TERMINATOR_FIRST and key not in agenda._CLOSER_FIRST
