"""Participant de-duplication is linear in the number of people and keeps the same people as the plain scan.

``_dedupe`` scanned every kept person for each new one (``_known``): quadratic (800 people named in one lead made
640,000 comparisons). Timing-free: the names read are counted at n and 2n people, and the result is checked
against the scan on generated lists long enough to take the set path.
"""

from __future__ import annotations

import importlib
import itertools
import string

from hypothesis import given, settings
from hypothesis import strategies as st

common = importlib.import_module("pressbot.extract.participants.common")


class _Person:
    reads = 0

    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def name(self) -> str:
        _Person.reads += 1
        return self._name


def _scan(people: list) -> list:
    unique: list = []
    for person in people:
        if not common._known(person, unique):
            unique.append(person)
    return unique


def _names_read(n: int) -> int:
    names = ("K" + "".join(letters) + "o" for letters in itertools.product(string.ascii_lowercase, repeat=3))
    people = [_Person(name) for name in itertools.islice(names, n)]
    _Person.reads = 0
    assert len(common._dedupe(people)) == n
    return _Person.reads


def test_names_read_grow_linearly_with_the_people() -> None:
    at_n, at_2n = _names_read(400), _names_read(800)
    assert at_2n <= 2.2 * at_n, (at_n, at_2n)  # the scan reads ≈ 4×


_NAMES = st.text(alphabet="岩屋毅アキ ab", max_size=5)


@given(st.lists(_NAMES, max_size=3 * getattr(common, "_DEDUPE_SCAN", 64)))
@settings(max_examples=300, deadline=None)
def test_the_set_path_keeps_the_people_the_scan_keeps(names: list[str]) -> None:
    people = [_Person(name) for name in names]
    assert common._dedupe(people) == _scan(people)
