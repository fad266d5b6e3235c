"""The SQLite link state: an incremental add reads only the candidates, commits once, and survives a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from linkcases import person, record

from pressbot.link import LinkState, link_records

FAMILY = ["Tanaka", "Suzuki", "Sato", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura"]
GIVEN = ["Ichiro", "Hanako", "Kenta", "Sakura", "Daiki"]


def _meetings(n: int, month: str = "2024-03") -> list[dict]:
    """n bilateral meetings on different days, each reported twice (MOFA en and State)."""
    out = []
    for i in range(n):
        day = f"{month}-{i % 28 + 1:02d}"
        family, given = FAMILY[i % 8], GIVEN[i // 8]
        people = [person(f"{family} {given}", "JP", "Minister for Foreign Affairs"), person(f"John {family}son", "US")]
        countries = ["JP", ["US", "KR", "AU", "IN"][i % 4]]
        out.append(record(f"mofa_en:m{i}", day, countries, people))
        out.append(record(f"us_state:m{i}", day, countries, people))
    return out


def test_an_add_reads_only_the_events_of_nearby_days(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    link_records(_meetings(40)).save(path)
    state = LinkState.load(path)
    joining = record("kr_mofa:x", "2024-03-05", ["JP", "US"], [person("Watanabe Ichiro", "JP")])
    touched = state.add([joining])
    assert touched == {"ev:mofa_en:m4"}
    # read: the new report and the 14 events dated 2–8 March (the ±3-day window), not all 40 events and 80 reports
    assert len(state.linker.reports.cache) <= 29 and len(state.linker.events.cache) <= 14
    state = LinkState.load(path)  # committed by the add itself
    assert state.event_of("kr_mofa:x") == "ev:mofa_en:m4"
    assert len(state.events()) == 40 and len(state.event_lines()) == 40


def test_a_failed_add_leaves_the_previous_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "state.sqlite"
    link_records(_meetings(4)).save(path)
    state = LinkState.load(path)

    def crash(*args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr("pressbot.link.store.meta_set", crash)  # fails inside the transaction, after writes
    with pytest.raises(RuntimeError):
        state.add([record("kr_mofa:y", "2024-03-01", ["JP", "US"], [person("Tanaka Ichiro", "JP")])])
    monkeypatch.undo()
    state = LinkState.load(path)
    assert state.event_of("kr_mofa:y") is None and len(state.events()) == 4


def test_person_ids_survive_reloads_and_merges(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    ja = record("mofa_ja:a", "2024-05-01", ["JP", "KR"], [person("岡野正敬", "JP", "外務事務次官")], language="ja")
    LinkState.load(path).add([ja])
    first = LinkState.load(path).person_of("mofa_ja:a", 0)
    tie = record(
        "mofa_ja:b",
        "2024-06-01",
        ["JP", "KR"],
        [person("岡野正敬", "JP", "外務事務次官", name_en="OKANO Masataka")],
        language="ja",
    )
    en = record("kr_mofa:c", "2024-06-01", ["JP", "KR"], [person("Okano Masataka", "JP", "Vice-Minister")])
    state = LinkState.load(path)
    state.add([tie, en])
    state = LinkState.load(path)
    ids = {state.person_of("mofa_ja:a", 0), state.person_of("mofa_ja:b", 0), state.person_of("kr_mofa:c", 0)}
    assert ids == {first}


def test_a_json_state_of_an_older_version_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"version": 1, "reports": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a link state database"):
        LinkState.load(path)
    assert sqlite3.sqlite_version
