"""The record schema: committed JSON Schema in sync, broken records rejected readably."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import ROOT, SEED_CASE
from pydantic import ValidationError

from pressbot.models import Release
from pressbot.schema import schema_text


def test_committed_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "release.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run `pressbot schema > schema/release.schema.json` and review the diff"


def _seed_record() -> dict:
    return json.loads((SEED_CASE / "expected.json").read_text(encoding="utf-8"))


def test_expected_record_is_valid() -> None:
    release = Release.model_validate(_seed_record())
    assert release.meeting is not None and release.meeting.countries == ["JP", "KR", "US"]


@pytest.mark.parametrize(
    ("path", "value", "field_in_error"),
    [
        (("meeting", "start_time"), "25:99", "meeting.start_time"),
        (("meeting", "countries"), ["Japan"], "meeting.countries.0"),
        (("kind",), "press_release", "kind"),
        (("published",), "18 July", "published"),
        (("meeting", "participants", 0, "role"), "guest", "meeting.participants.0.role"),
        (("title",), "", "title"),
        (("nickname",), "extra", "nickname"),
    ],
)
def test_broken_record_is_rejected_with_a_readable_error(path, value, field_in_error) -> None:
    record = copy.deepcopy(_seed_record())
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError) as caught:
        Release.model_validate(record)
    assert field_in_error in str(caught.value)
