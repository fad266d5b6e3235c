"""The linking rules on small hand-made records: incremental ids, people, about, mode and level."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from linkcases import person, record

from pressbot.link import LinkState, link_records
from pressbot.link.levels import event_name, level_of
from pressbot.link.names import name_keys

ROOT = Path(__file__).resolve().parents[2]


def _park_reports() -> list[dict]:
    """One trilateral as five releases, each spelling First Vice Minister Park its own way."""
    jp = person("Funakoshi Takehiro", "JP", "Vice-Minister for Foreign Affairs")
    us = person("Christopher Landau", "US", "Deputy Secretary of State")
    tri = ["JP", "KR", "US"]
    park = person("Park Yoon-joo", "KR", "First Vice Foreign Minister")
    ja = [
        person("船越健裕", "JP", "外務事務次官"),
        person("朴潤柱", "KR", "外交部第1次官", reading="パク・ユンジュ", name_en="Park Yoonjoo"),
    ]
    return [
        record("mofa_ja:p1", "2025-07-18", tri, ja, language="ja", name="日米韓次官協議"),
        record("mofa_en:p2", "2025-07-18", tri, [jp, us, person("Park Yoonjoo", "KR", "First Vice Minister")]),
        record("us_state:p3", "2025-07-17", tri, [us, jp, park]),
        record("kr_mofa:p4", "2025-07-18", tri, [park, us]),
        record("kr_mofa_ko:p5", "2025-07-18", tri, [person("박윤주", "KR", "제1차관")], language="ko"),
    ]


def test_surface_forms_of_one_person_get_one_id() -> None:
    state = link_records(_park_reports())
    assert len(state.events()) == 1
    ids = {
        state.person_of(rid, 0 if rid != "mofa_ja:p1" else 1) for rid in ("mofa_ja:p1", "kr_mofa:p4", "kr_mofa_ko:p5")
    }
    ids |= {state.person_of("mofa_en:p2", 2), state.person_of("us_state:p3", 2)}
    assert len(ids) == 1 and None not in ids
    park = next(p for p in state.persons() if p.person_id in ids)
    assert {"朴潤柱", "パク・ユンジュ", "Park Yoonjoo", "Park Yoon-joo", "박윤주"} <= set(park.names)
    assert park.country == "KR"
    assert {o.level for o in park.offices} == {"vice_ministerial"}
    # the Japanese vice-minister is one person too, though MOFA ja gives only kanji (tied by position)
    assert state.person_of("mofa_ja:p1", 0) == state.person_of("mofa_en:p2", 0) == state.person_of("us_state:p3", 1)


def test_two_people_with_one_family_name_stay_apart() -> None:
    records = [
        *_park_reports(),
        record(
            "kr_mofa:p9",
            "2022-06-13",
            ["KR", "US"],
            [
                person("Park Jin", "KR", "Minister of Foreign Affairs"),
                person("Antony Blinken", "US", "Secretary of State"),
            ],
        ),
        record(
            "mofa_ja:p10",
            "2022-06-13",
            ["JP", "KR"],
            [person("朴振", "KR", "外交部長官", reading="パク・チン", name_en="Park Jin")],
            language="ja",
        ),
        record("kr_mofa_ko:p11", "2023-01-05", ["KR", "US"], [person("박진", "KR", "장관")], language="ko"),
    ]
    state = link_records(records)
    yoonjoo = state.person_of("kr_mofa:p4", 0)
    jin = {state.person_of("kr_mofa:p9", 0), state.person_of("mofa_ja:p10", 0), state.person_of("kr_mofa_ko:p11", 0)}
    assert len(jin) == 1 and yoonjoo not in jin
    assert name_keys("Park Jin").isdisjoint(name_keys("Park Yoon-joo"))


def test_a_later_report_keeps_the_event_id(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    first, *rest = _park_reports()
    state = link_records([first])
    event_id = state.event_of(first["id"])
    person_id = state.person_of(first["id"], 1)
    state.save(path)
    for one in rest:  # each report in its own run, from the saved state
        state = LinkState.load(path)
        state.add([one])
        state.save(path)
    state = LinkState.load(path)
    assert {state.event_of(r["id"]) for r in _park_reports()} == {event_id}
    assert event_id == "ev:mofa_ja:p1"
    assert state.person_of("kr_mofa:p4", 0) == person_id
    (event,) = state.events()
    assert len(event.reports) == 5 and event.date_range == ["2025-07-17", "2025-07-18"]


def test_phone_call_and_meeting_on_one_day_stay_apart() -> None:
    people = [person("Iwaya Takeshi", "JP", "Foreign Minister"), person("Marco Rubio", "US", "Secretary of State")]
    state = link_records(
        [
            record("mofa_en:m", "2025-04-22", ["JP", "US"], people),
            record("us_state:c", "2025-04-22", ["JP", "US"], people, kind="telephone_talk", mode="telephone"),
        ]
    )
    assert state.event_of("mofa_en:m") != state.event_of("us_state:c")
    assert state.person_of("mofa_en:m", 1) == state.person_of("us_state:c", 1)


def test_other_people_of_one_country_mean_another_meeting() -> None:
    state = link_records(
        [
            record("kr_mofa:a", "2025-01-10", ["KR", "US"], [person("Kim Hong-kyun", "KR", "First Vice Minister")]),
            record("us_state:b", "2025-01-10", ["KR", "US"], [person("Kang In-sun", "KR", "Second Vice Minister")]),
        ]
    )
    assert state.event_of("kr_mofa:a") != state.event_of("us_state:b")


def test_a_statement_links_as_about_and_never_founds_an_event() -> None:
    rubio = [person("Marco Rubio", "US", "Secretary of State")]
    meeting = record(
        "mofa_en:m", "2025-02-15", ["JP", "KR", "US"], rubio, name="Japan-U.S.-ROK Foreign Ministers' Meeting"
    )
    statement = {
        "id": "us_state:s",
        "site": "us_state",
        "language": "en",
        "kind": "statement",
        "published": "2025-02-15",
        "title": "Joint Statement of the U.S.-Japan-Republic of Korea Trilateral Foreign Ministers",
        "meeting": None,
    }
    lone = {**statement, "id": "us_state:t", "published": "2025-03-30"}
    state = link_records([statement, lone])  # the statement arrives first: it waits
    assert state.pending == ["us_state:s", "us_state:t"] and state.events() == []
    state.add([meeting])
    (event,) = state.events()
    assert [(r.release_id, r.relation) for r in event.reports] == [("mofa_en:m", "report"), ("us_state:s", "about")]
    assert event.event_id == "ev:mofa_en:m" and state.pending == ["us_state:t"]


def test_levels_and_names() -> None:
    assert level_of("Vice-Minister for Foreign Affairs of Japan") == "vice_ministerial"
    assert level_of("Deputy Secretary of State") == "vice_ministerial"
    assert level_of("Secretary of State") == "ministerial"
    assert level_of("日米首脳会談") == "summit"
    assert level_of("외교부 제1차관") == "vice_ministerial" and level_of("차관보") == "senior_officials"
    assert level_of("Minister of Foreign Affairs of the United Kingdom") == "ministerial"  # not King
    assert event_name(["KR", "US", "JP"], "ministerial", "telephone", "foreign") == (
        "Japan-U.S.-ROK Foreign Ministers' Telephone Talk"
    )


def test_command_writes_events_and_people(tmp_path: Path) -> None:
    releases = tmp_path / "releases.jsonl"
    releases.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _park_reports()), encoding="utf-8")
    out, people, state = tmp_path / "events.jsonl", tmp_path / "people.jsonl", tmp_path / "state.sqlite"
    args = [sys.executable, "-m", "pressbot.link", str(releases), "-O", str(out), "--people", str(people)]
    done = subprocess.run([*args, "--state", str(state)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (event,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert event["event_id"] == "ev:us_state:p3" and len(event["reports"]) == 5  # the earliest date founds it
    assert "朴潤柱" in out.read_text(encoding="utf-8")  # UTF-8, not escaped
    persons = [json.loads(line) for line in people.read_text(encoding="utf-8").splitlines()]
    assert len(persons) == 3 and state.exists()


def test_linking_never_imports_scrapy() -> None:
    code = "import sys, pressbot.link, pressbot.link.cli; assert 'scrapy' not in sys.modules, 'scrapy imported'"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_family_name_alone_is_the_full_name_of_its_event_or_office() -> None:
    rubio = person("Marco Rubio", "US", "Secretary of State")
    iwaya = person("Iwaya Takeshi", "JP", "Foreign Minister")
    state = link_records(
        [
            record("mofa_en:r1", "2025-03-01", ["JP", "US"], [iwaya, rubio]),
            record("us_state:r2", "2025-03-01", ["JP", "US"], [person("Iwaya Takeshi", "JP"), person("Rubio", "US")]),
            record("mofa_ja:k1", "2020-10-01", ["FR", "JP"], [person("茂木敏充", "JP", "外務大臣")], language="ja"),
            record("mofa_ja:k2", "2020-12-01", ["DE", "JP"], [person("茂木", "JP", "外務大臣")], language="ja"),
            record("mofa_ja:k3", "2020-12-05", ["AU", "JP"], [person("茂木", "JP", "経済産業副大臣")], language="ja"),
        ]
    )
    assert state.person_of("us_state:r2", 1) == state.person_of("mofa_en:r1", 1)  # 'Rubio' in Rubio's event
    assert state.person_of("mofa_ja:k2", 0) == state.person_of("mofa_ja:k1", 0)  # 茂木 as foreign minister
    assert state.person_of("mofa_ja:k3", 0) != state.person_of("mofa_ja:k1", 0)  # another office: not him
