"""The speed-ups in the meeting rules (participants, meeting, dates) are exact: each agrees with the rule as written.

Every shortcut keeps the rule it stands in for as a reference here, and hypothesis compares the two on text built
from the pieces the rule reads, near misses included (separators, particles, runs just under and over a bound).
"""

from __future__ import annotations

from re import _parser  # type: ignore[attr-defined]

from hypothesis import given, settings
from hypothesis import strategies as st

from pressbot.extract import participants


def _runs(pieces: list[str], longest: int, max_size: int = 14) -> st.SearchStrategy[str]:
    """Text of ``pieces`` and runs of one kanji up to ``longest`` long (bounds in the rules are counted in those)."""
    piece = st.one_of(st.sampled_from(pieces), st.integers(0, longest).map(lambda n: "山" * n))
    return st.lists(piece, max_size=max_size).map("".join)


def _found(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


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
