"""One meeting as five governments' pages report it links into one event; the sidelines bilateral stays apart."""

from __future__ import annotations

import pytest
from linkcases import SIDELINES, TRILATERAL, read_case

from pressbot.link import link_records

pytestmark = pytest.mark.filterwarnings("ignore")


@pytest.fixture(scope="module")
def state():
    return link_records([read_case(name) for name in [*TRILATERAL, SIDELINES]])


def _event_with(state, release_id):
    return next(e for e in state.events() if any(r.release_id == release_id for r in e.reports))


def test_five_reports_one_event(state) -> None:
    ids = [read_case(name).id for name in TRILATERAL]
    event = _event_with(state, ids[0])
    assert sorted(r.release_id for r in event.reports) == sorted(ids)
    assert event.countries == ["JP", "KR", "US"]
    assert event.level == "vice_ministerial"
    assert event.name_en == "Japan-U.S.-ROK Vice Foreign Ministerial Meeting"
    assert event.date == "2024-10-16"
    assert event.date_range == ["2024-10-15", "2024-10-16"]  # State's Washington date is a day earlier
    assert {r.publisher_country for r in event.reports} == {"JP", "US", "KR"}
    assert len(event.evidence) == 5 and sum(e.founded for e in event.evidence) == 1


def test_one_id_per_person(state) -> None:
    event = _event_with(state, read_case(TRILATERAL[0]).id)
    assert len(event.participants) == 3
    by_country = {p.country: p for p in event.participants}
    assert set(by_country) == {"JP", "KR", "US"}
    okano = {n.name for n in by_country["JP"].names}
    assert {"岡野正敬", "OKANO Masataka", "Okano Masataka"} <= okano
    kim = {n.name for n in by_country["KR"].names}
    assert {"金弘均", "Kim Hong Kyun", "Kim Hong-kyun"} <= kim
    naming_campbell = [
        r for r in map(read_case, TRILATERAL) if r.meeting and any(p.country == "US" for p in r.meeting.participants)
    ]
    assert len(naming_campbell) >= 4  # MOFA ja/en, State, ROK en (and the Korean page, now that it is read)
    assert len(by_country["US"].names) == len(naming_campbell)  # every report that names him, under one id


def test_sidelines_bilateral_stays_apart(state) -> None:
    trilateral = _event_with(state, read_case(TRILATERAL[0]).id)
    bilateral = _event_with(state, read_case(SIDELINES).id)
    assert bilateral.event_id != trilateral.event_id
    assert [r.release_id for r in bilateral.reports] == [read_case(SIDELINES).id]
    assert bilateral.countries == ["JP", "US"]
    assert bilateral.name_en == "Japan-U.S. Vice Foreign Ministerial Meeting"
    # ...but the people are the same people
    tri_ids = {p.person_id for p in trilateral.participants}
    assert {p.person_id for p in bilateral.participants} <= tri_ids


def test_korean_page_joins_by_its_meeting() -> None:
    """The extractor reads Korean kinds and leads now (vocab/kinds.toml): the Korean page reports a meeting on its
    published date, and joins the trilateral's event by that meeting (date and countries), not by its title only."""
    korean = read_case(TRILATERAL[-1])
    assert korean.language == "ko" and korean.published.isoformat() == "2024-10-16"
    assert korean.kind.value == "meeting" and korean.meeting is not None
    assert korean.meeting.date is not None and korean.meeting.date.isoformat() == "2024-10-16"
    records = [read_case(name) for name in TRILATERAL]
    state = link_records(records)
    event = _event_with(state, korean.id)
    assert {record.id for record in records} <= {e.release_id for e in event.evidence}  # one event for all of them
    evidence = next(e for e in event.evidence if e.release_id == korean.id)
    assert (evidence.basis, evidence.relation, evidence.countries) == ("meeting", "report", ["JP", "KR", "US"])
