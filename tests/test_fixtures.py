"""Every saved page gives its reviewed expected.json, and agrees with the hand-written facts."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEED, SEED_CASE
from facts import mismatches

from pressbot.fixtures.cases import find_cases, index_cases
from pressbot.fixtures.check import diff, render_case

CASES = find_cases(FIXTURES)
FACT_CASES = [c for c in CASES if (c.path / "facts.json").exists()]


def test_there_are_cases_for_every_site() -> None:
    sites = {c.site for c in CASES}
    assert {"mofa_ja", "mofa_en", "us_state", "kr_mofa", "j_defense"} <= sites
    releases = [c for c in CASES if "meeting" in (c.expected() or {})]
    assert len(releases) >= 31


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case_gives_expected(case) -> None:
    expected = case.expected()
    assert expected is not None, f"{case.name} has no expected.json"
    assert diff(expected, render_case(case)) == []


@pytest.mark.parametrize("case", FACT_CASES, ids=lambda c: c.name)
def test_case_agrees_with_facts(case) -> None:
    facts = case.facts()
    output = render_case(case)
    if isinstance(facts.get("error"), str):
        facts = {"error": {"reason": facts["error"]}}
    if facts.get("robots"):
        assert output["robots"]["crawl_delay"] is not None
        return
    if "redirect" in facts:
        assert output == {"redirect": facts["redirect"]}
        return
    assert mismatches(facts, output) == []


def test_seed_is_the_j_defense_release_case() -> None:
    if SEED.exists():
        assert (SEED_CASE / "response.html").read_bytes() == SEED.read_bytes()


def test_urls_are_unambiguous() -> None:
    assert len(index_cases(FIXTURES)) == len(CASES)
