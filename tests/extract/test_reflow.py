"""A release copied with odd line breaks reads the same as the original (plain-text path)."""

from __future__ import annotations

import textwrap

import pytest

from pressbot import extract


def _wrapped(text: str, width: int) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        lines += textwrap.wrap(line, width) if len(line) > width and not line.startswith("- ") else [line]
    return "\n".join(lines)


@pytest.mark.parametrize("width", [20, 33, 52, 80])
def test_seed_wrapped_at_any_width_gives_the_same_meeting(seed_bytes: bytes, width: int) -> None:
    original = extract(seed_bytes)
    wrapped = extract(_wrapped(seed_bytes.decode("utf-8"), width))
    assert wrapped.meeting is not None and original.meeting is not None
    for field in ("name", "date", "start_time", "duration_minutes", "countries"):
        assert getattr(wrapped.meeting, field) == getattr(original.meeting, field), field
    people = [(p.name, p.name_en, p.reading, p.title, p.country, p.role) for p in wrapped.meeting.participants]
    assert people == [(p.name, p.name_en, p.reading, p.title, p.country, p.role) for p in original.meeting.participants]
    assert [a.number for a in wrapped.meeting.agenda] == ["1", "2", "3", "4", "5"]
    assert "Ranking" not in wrapped.body and "人事発令" not in wrapped.body


def test_english_paragraphs_broken_mid_sentence_are_joined() -> None:
    text = (
        "Japan-Australia Foreign Ministers' Telephone Talk\nJanuary 8, 2025\n"
        "On January 8, for approximately 30 minutes from 8:00 p.m., Mr. IWAYA Takeshi, Minister for\n"
        "Foreign Affairs of Japan, held a telephone talk with the Honorable Penny Wong, Minister for\n"
        "Foreign Affairs of Australia. The overview of the talk is as follows.\n"
        "1. The two Ministers exchanged New Year greetings.\n"
    )
    release = extract(text)
    assert release.meeting is not None
    assert [p.name for p in release.meeting.participants] == ["IWAYA Takeshi", "Penny Wong"]
    assert release.meeting.participants[1].title_en == "Minister for Foreign Affairs of Australia"
    assert release.meeting.start_time == "20:00" and release.meeting.duration_minutes == 30
