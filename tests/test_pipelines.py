"""The item pipelines on one item at a time: records given as values are validated, then carried as read ones are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pressbot import pipelines
from pressbot.crawl.run import run_for
from pressbot.crawl.workers import read_release_page
from pressbot.items import Fetched
from tests.pages import JA_MEETING as JA
from tests.pages import URLS

URL = URLS["mofa_ja"]


def _crawler(tmp_path: Path, feeds: bool = False):  # type: ignore[no-untyped-def]
    settings = {"PRESSBOT_OUTPUT": str(tmp_path / "out.jsonl"), "PRESSBOT_REJECTS": str(tmp_path / "rejects.jsonl")}
    if feeds:
        settings["FEEDS"] = {str(tmp_path / "feed.jsonl"): {"format": "jsonlines"}}
    return get_crawler(settings_dict=settings)


def _through(crawler, item: Fetched):  # type: ignore[no-untyped-def]
    """The item through every pipeline, in order; what the last one returns."""
    stages = [
        cls.from_crawler(crawler)
        for cls in (
            pipelines.TriagePipeline,
            pipelines.ValidatePipeline,
            pipelines.ProvenancePipeline,
            pipelines.StatePipeline,
            pipelines.OutputPipeline,
        )
    ]
    for stage in stages:
        if hasattr(stage, "open_spider"):
            stage.open_spider()
    for stage in stages:
        item = stage.process_item(item)
    run_for(crawler).close()
    return item


def _read() -> Fetched:
    outcome, data, content_sha256 = read_release_page(JA, URL, "mofa_ja", "text/html; charset=utf-8")
    assert outcome == "record"
    return Fetched(site="mofa_ja", url=URL, status=200, content_sha256=content_sha256, **data)


@pytest.mark.parametrize("feeds", [False, True])
def test_a_read_record_is_written_whole_and_handed_on_whole_only_to_feeds(tmp_path: Path, feeds: bool) -> None:
    handed = _through(_crawler(tmp_path, feeds), _read())
    (line,) = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    written = json.loads(line)
    assert written["meeting"]["participants"] and written["provenance"]["record_sha256"]
    if feeds:
        assert handed == written
    else:
        assert "meeting" not in handed and handed["id"] == written["id"]


def test_a_record_given_as_values_is_validated_then_written_as_a_read_one(tmp_path: Path) -> None:
    read = _read()
    record = json.loads(read.serialized.line())  # type: ignore[union-attr]
    given = Fetched(site="mofa_ja", url=URL, status=200, content_sha256=read.content_sha256, record=record)
    _through(_crawler(tmp_path / "given"), given)
    _through(_crawler(tmp_path / "read"), read)
    lines = [(tmp_path / name / "out.jsonl").read_text(encoding="utf-8") for name in ("given", "read")]
    without_provenance = [{**json.loads(text), "provenance": {}} for text in lines]
    assert without_provenance[0] == without_provenance[1]


def test_an_invalid_record_is_a_reject_with_the_schemas_errors(tmp_path: Path) -> None:
    record = json.loads(_read().serialized.line())  # type: ignore[union-attr]
    record["published"] = "not a date"
    with pytest.raises(DropItem, match="invalid record"):
        _through(_crawler(tmp_path), Fetched(site="mofa_ja", url=URL, status=200, content_sha256="0", record=record))
    (reject,) = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["reason"] == "invalid" and any(e["loc"] == ["published"] for e in reject["errors"])
    assert not (tmp_path / "out.jsonl").read_text(encoding="utf-8")
