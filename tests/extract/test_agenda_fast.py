"""The agenda reader's shortcuts are exact: each agrees with what it stands in for.

Points are made without validation (``agenda._new_point``), ``_heading_like`` lets the length decide before
the script test, and lines whose first character is in neither key set skip ``_key_char``.
"""

from __future__ import annotations

import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pressbot.extract import agenda
from pressbot.extract.agenda import extract_agenda
from pressbot.extract.blocks import Block
from pressbot.models import AgendaPoint

# ------------------------------------------------------------------------------------- points without validation

TEXT = st.text(alphabet=st.sampled_from(list("a1 .:：。会\n\u3000①")), max_size=8)


def _points(depth: int) -> st.SearchStrategy[list[AgendaPoint]]:
    child = st.just([]) if depth == 0 else _points(depth - 1)
    point = st.builds(_fields, st.none() | TEXT, st.none() | TEXT, TEXT, child).map(agenda._new_point)
    return st.lists(point, max_size=3)


def _fields(number: str | None, heading: str | None, text: str, points: list[AgendaPoint]) -> dict:
    return {"number": number, "heading": heading, "text": text, "points": points}  # the model's order


def _same_model(made: AgendaPoint, validated: AgendaPoint) -> None:
    assert type(made) is type(validated) is AgendaPoint
    assert made == validated
    assert list(made.__dict__) == list(validated.__dict__)  # the same field order
    assert made.model_fields_set == validated.model_fields_set
    assert made.__pydantic_extra__ == validated.__pydantic_extra__
    assert made.__pydantic_private__ == validated.__pydantic_private__
    assert made.model_dump_json() == validated.model_dump_json()
    for made_child, validated_child in zip(made.points, validated.points, strict=True):
        _same_model(made_child, validated_child)


@given(st.none() | TEXT, st.none() | TEXT, TEXT, _points(2))
@settings(max_examples=300, deadline=None)
def test_a_point_made_without_validation_is_the_validated_one(number, heading, text, points) -> None:
    fields = _fields(number, heading, text, points)
    validated = AgendaPoint.model_validate({**fields, "points": [p.model_dump() for p in points]})
    _same_model(agenda._new_point(dict(fields)), validated)


def test_a_point_made_without_validation_behaves_as_a_model() -> None:
    point = agenda._new_point({"number": "1", "heading": None, "text": "a", "points": []})
    copy = point.model_copy(deep=True)
    point.text = "b"  # assignment, as on any model
    assert point.text == "b" and copy.text == "a"
    assert pickle.loads(pickle.dumps(point)) == point
    assert point.model_fields_set == set(AgendaPoint.model_fields)


_PREFIXES = ["", "1", "2", "3", "1.", "(1)", "（2）", "ア", "イ ", "①", "②", "(a)", "(h)", "(i)", "・", "- ", "※"]
_BODIES = ["", "両者は協力を確認しました。", "人的交流", "経済関係：", "①北朝鮮、②中国", "(注)"]
_BODIES += ["Bilateral Relations", "Talks. Then", "x" * 61]
LINES = st.tuples(st.sampled_from(_PREFIXES), st.sampled_from(_BODIES)).map("".join)
BLOCKS = st.lists(
    st.builds(Block, LINES, st.sampled_from(["p", "p", "li", "h", "line"]), st.integers(0, 2), st.none() | st.just(1)),
    max_size=12,
)


@given(BLOCKS)
@settings(max_examples=300, deadline=None)
def test_extracted_points_are_what_validation_makes_of_them(blocks: list[Block]) -> None:
    points = extract_agenda(blocks)
    for point in points:
        _same_model(point, AgendaPoint.model_validate(point.model_dump()))


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


# ------------------------------------------------------------------------------ the line loop


class _ReaderAsWritten(agenda._Reader):
    """The reader before its blocks were unpacked as tuples: each field read by name."""

    def read(self, blocks):
        for block in blocks:
            text = block.text if isinstance(block.text, str) else str(block.text or "")
            tag, ordinal = block.tag, block.ordinal
            depth = block.depth if isinstance(block.depth, int) else 0
            for raw in text.splitlines() or [""]:
                if not self._read_line(raw.strip(), tag, depth, ordinal):
                    return self._build()
                tag, ordinal = "line", None
        return self._build()


# Lines of every kind the reader tells apart, in blocks of every tag, with odd field values (text not a str, depth
# not an int) and line breaks inside a block.
_ODD_LINES = LINES | st.sampled_from(
    ["", " ", "(以上)", "※注", "END", "（参考）", "1\n2\n3", "ア 会談\nイ 昼食", "a\u2028b", "(1)\r(2)"]
)
ODD_BLOCKS = st.lists(
    st.builds(
        Block,
        _ODD_LINES | st.none() | st.just(7),
        st.sampled_from(["p", "li", "h", "line"]),
        st.integers(0, 2) | st.none(),
        st.none() | st.integers(1, 3),
    ),
    max_size=14,
)


@given(ODD_BLOCKS)
@settings(max_examples=800, deadline=None)
def test_the_reader_reads_as_it_was_written(blocks: list[Block]) -> None:
    dump = [point.model_dump() for point in extract_agenda(blocks)]
    assert dump == [point.model_dump() for point in _ReaderAsWritten().read(blocks)]


# ------------------------------------------------------------------------------ blocks of one line each


def test_line_breaks_are_every_character_splitlines_breaks_at() -> None:
    for code in range(0x110000):
        char = chr(code)
        for text in (char, "é" + char):  # the ASCII test and the other one
            assert agenda._breaks_lines(text) == (len((text + "x").splitlines()) > 1), repr(text)


@given(st.lists(st.text(alphabet=st.sampled_from(list("a1(\n\r\x0b\x85\u2028\u2029é会")), max_size=6), max_size=6))
@settings(max_examples=400, deadline=None)
def test_joined_texts_break_lines_where_one_of_the_texts_does(texts: list[str]) -> None:
    blocks = [Block(value) for value in texts]
    cut = any(len((value + "x").splitlines()) > 1 for value in texts)  # 'x': splitlines() drops a final break
    assert agenda._breaks_lines(agenda._joined_texts(blocks)) == cut


# ------------------------------------------------------------------------------ markers by first character

# _MARKER as first written, one verbose pattern.
_MARKER_AS_WRITTEN = re.compile(
    r"""
    (?P<pnum>[(（]\s*[0-9０-９]{1,2}\s*[)）])
    |(?P<pkata>[(（][KATA][)）])
    |(?P<palpha>[(（](?:[ivx]{1,4}|[a-zA-Z])[)）])
    |(?P<circ>[\u2460-\u2473\u3251-\u325f])
    |(?P<pchar>[\u2474-\u2487])
    |(?P<rnum>[0-9０-９]{1,2}[)）])
    |(?P<dnum>[0-9０-９]{1,2})[.．](?![0-9０-９])
    |(?P<wnum>[0-9０-９]{1,2})(?=\s|\Z)
    |(?P<kata>[KATA])(?:\s+|[.．]|\Z)
    |(?P<bullet>[•・°○●◯■□◆◇▶▷►➢ㅇ])
    |(?P<sbullet>[-–‐−o])(?=\s)
    """.replace("KATA", agenda._KATA),
    re.VERBOSE,
)
_MARKER_PIECES = st.sampled_from(
    [*"(（)） \u3000", "1", "12", "１", *"アヲ", "i", "iv", *"xaZ.．①⑴㉟", *"•・-oㅇ会b\n"]
)
MARKER_LINES = st.from_regex(_MARKER_AS_WRITTEN) | st.lists(_MARKER_PIECES, max_size=6).map("".join)


def _span_and_group(match: re.Match[str] | None) -> tuple | None:
    return None if match is None else (match.span(), match.lastgroup, match.group(match.lastgroup))


@given(MARKER_LINES)
@settings(max_examples=1000, deadline=None)
def test_markers_read_by_first_character_are_those_of_the_whole_pattern(line: str) -> None:
    expected = _MARKER_AS_WRITTEN.match(line)
    assert _span_and_group(agenda._MARKER.match(line)) == _span_and_group(expected)
    pattern = agenda._MARKER_BY_FIRST.get(line[:1])
    assert _span_and_group(pattern.match(line) if pattern is not None else None) == _span_and_group(expected)


def test_every_character_a_marker_starts_with_has_its_branches() -> None:
    for code in range(0x110000):
        char = chr(code)
        if any(_MARKER_AS_WRITTEN.match(char + tail) for tail in ("", " ", "1)", "a)", "ア)", "i)", ".")):
            assert char in agenda._MARKER_BY_FIRST, repr(char)
