"""A record as the crawl carries it (pressbot/crawl/records.py): its line and hash are the whole record's."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pressbot.crawl.records import BULKY, COVERAGE_FIELDS, SerializedRecord, covered_fields
from pressbot.jsonfmt import content_hash, json_members
from tests.strategies import JSON_VALUES

FIELD_NAMES = st.sampled_from(["id", "title", "body", "links", "revision", "provenance", "kind", "é"])
RECORDS = st.builds(
    lambda fields, meeting: {**fields, **meeting},
    st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=7),
    st.dictionaries(st.just("meeting"), st.none() | st.dictionaries(st.sampled_from(["date", "agenda"]), JSON_VALUES)),
)


@given(RECORDS, st.integers(1, 5), JSON_VALUES)
@settings(max_examples=200, deadline=None)
def test_the_line_is_the_record_with_the_heads_revision_and_provenance(record: dict, revision: int, stamp) -> None:
    serialized = SerializedRecord.of(record)
    assert set(serialized.head) == set(record) - BULKY
    serialized.head["revision"] = revision
    serialized.head["provenance"] = stamp
    written = {**record, "revision": revision, "provenance": stamp}
    assert serialized.line() == (json.dumps(written, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    content = {key: value for key, value in record.items() if key not in ("revision", "provenance")}
    assert serialized.sha256 == content_hash(json_members(content))


def test_covered_fields_are_the_filled_ones() -> None:
    record = {"published": "2025-07-10", "meeting": {"date": "2025-07-10", "participants": [], "agenda": [{}]}}
    assert covered_fields(record) == ("published", "meeting", "meeting.date", "meeting.agenda")
    assert covered_fields({"published": None, "meeting": None}) == ()
    assert set(covered_fields({"published": "x", "meeting": {f.split(".")[-1]: 1 for f in COVERAGE_FIELDS}})) == set(
        COVERAGE_FIELDS
    )
