"""Lead shapes seen on real releases (issue 14), in our own words: who each reader finds, as (name, country).

Names only need to be found whole; the exact offices and readings are checked in test_participants.py.
"""

from __future__ import annotations

import pytest

from pressbot.extract import participants

EN = [
    # 'H.H.' and lower-case particles inside a name
    (
        "On May 2, Mr. Taro Suzuki, Minister for Foreign Affairs, held a meeting with H.H. Sheikh Hamad bin Rashid"
        " Al Falasi, Minister of Foreign Affairs of the United Arab Emirates, at the Guest House.",
        "JP",
        [("Taro Suzuki", "JP"), ("Sheikh Hamad bin Rashid Al Falasi", "AE")],
    ),
    # 'Rt. Hon.' and 'Hon.' without 'The'
    (
        "Minister for Foreign Affairs Taro Suzuki held a talk with Rt. Hon. John Carter, Secretary of State for"
        " Foreign and Commonwealth Affairs of the United Kingdom, in London.",
        "JP",
        [("Taro Suzuki", "JP"), ("John Carter", "GB")],
    ),
    (
        "Ms. SATO Hana, Minister for Foreign Affairs of Japan held a meeting with Hon. Maria B. Cruz, Secretary for"
        " Foreign Affairs of the Republic of the Philippines, in Tokyo.",
        "JP",
        [("SATO Hana", "JP"), ("Maria B. Cruz", "PH")],
    ),
    # an office with 'for Europe and Foreign Affairs', accented names
    (
        "Secretary of State John Doe spoke with French Minister for Europe and Foreign Affairs Amélie Léger today.",
        "US",
        [("John Doe", "US"), ("Amélie Léger", "FR")],
    ),
    # a bare initial, 'his Indian counterpart'
    (
        "On his visit to India, South Korean Foreign Minister Kim Min-su met with his Indian counterpart R Kumar on"
        " Friday.",
        None,
        [("Kim Min-su", "KR"), ("R Kumar", "IN")],
    ),
    # an office that names its country, 'Dr. S.' before the name
    (
        "External Affairs Minister Dr. R. Kumar held a meeting with H.E. Mr. SATO Ken, Minister for Foreign Affairs"
        " of Japan, in New Delhi.",
        None,
        [("R. Kumar", "IN"), ("SATO Ken", "JP")],
    ),
    (
        "EAM Kumar met Japanese Foreign Minister Ken Sato on Thursday in Jakarta.",
        None,
        [("Kumar", "IN"), ("Ken Sato", "JP")],
    ),
    # 'met with Japanese counterpart X' (no possessive); 'his Philippine counterpart, X'
    (
        "Foreign Affairs Secretary Jose Reyes met with Japanese counterpart Sato Ken in Manila.",
        "PH",
        [("Jose Reyes", "PH"), ("Sato Ken", "JP")],
    ),
    (
        "Foreign Minister Ken Sato held talks with his Philippine counterpart, Jose Reyes, in Tokyo.",
        "JP",
        [("Ken Sato", "JP"), ("Jose Reyes", "PH")],
    ),
    # ROK style: comma names, 'Office of Country Given Family'
    (
        "Minister of Foreign Affairs Lee, Jun-ho had a meeting with Minister of Foreign Affairs of Sweden Anna Berg"
        " on April 6 in Brussels.",
        "KR",
        [("Lee, Jun-ho", "KR"), ("Anna Berg", "SE")],
    ),
    # State readout: 'met today with <Nationality> <Office> <Family Given>'
    (
        "Secretary Smith met today with Japanese Minister for Foreign Affairs Sato Ken in Washington.",
        "US",
        [("Smith", "US"), ("Sato Ken", "JP")],
    ),
    # 'received a telephone call from Mrs. X, Office'
    (
        "Mr. Ken Sato, Minister for Foreign Affairs of Japan, received a telephone call from Mrs. Anna Berg,"
        " Minister for Foreign Affairs of Sweden.",
        "JP",
        [("Ken Sato", "JP"), ("Anna Berg", "SE")],
    ),
]


@pytest.mark.parametrize(("lead", "home", "expected"), EN)
def test_english_lead_shapes(lead: str, home: str | None, expected: list[tuple[str, str]]) -> None:
    people = participants.en_lead_participants(lead, home)
    assert [(p.name, p.country) for p in people] == expected
