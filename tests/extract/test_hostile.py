"""Bad input never hangs, crashes or leaks past ExtractError; an impossible date is a warning (issues 14, 15)."""

from __future__ import annotations

import codecs
import contextlib
import time

import pytest

from pressbot import ExtractError, extract

PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>日米外相会談</title></head><body>"
    "<h1>日米外相会談</h1><p>令和7年7月18日</p>"
    "<p>7月18日、岩屋毅外務大臣は、ルビオ米国国務長官と会談を行ったところ、概要は以下のとおりです。</p>"
    "<p>1 両外相は協力を確認しました。</p></body></html>"
)


@pytest.mark.parametrize(
    "content",
    [b"hello world, a page of text that ends in <meta", b"x" * 500 + b"<meta", b"<meta", b"text\n<meta"],
)
def test_a_page_ending_in_meta_is_a_record_or_an_extract_error_never_a_panic(content: bytes) -> None:
    with contextlib.suppress(ExtractError):  # a reject is fine; a PanicException (a BaseException) is not
        extract(content, content_type="text/plain")


@pytest.mark.parametrize(
    "content",
    [
        codecs.BOM_UTF8 + PAGE.encode(),
        ('<?xml version="1.0" encoding="utf-8"?>\n' + PAGE).encode(),
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
        "\ufeff" + PAGE,
    ],
    ids=["utf8-bom", "xml-declaration", "utf16-le", "utf16-be", "str-bom"],
)
def test_html_behind_a_bom_or_an_xml_declaration_is_read_as_html(content: bytes | str) -> None:
    release = extract(content)
    assert release.title == "日米外相会談"
    assert "<" not in release.body


@pytest.mark.parametrize("url", ["http://[::1/x", "http://[zz]/x"])
def test_a_malformed_url_is_an_extract_error(url: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract(PAGE, url=url)
    assert caught.value.reason


def test_a_str_with_lone_surrogates_is_an_extract_error_or_a_record() -> None:
    try:
        release = extract(PAGE.replace("概要", "\ud800概要"))
    except ExtractError as exc:
        assert exc.reason
    else:
        release.model_dump_json()


def test_an_era_date_before_its_era_began_is_a_warning_not_a_reject() -> None:
    release = extract(PAGE.replace("<p>令和7年7月18日</p>", "<p>令和元年2月1日</p>"))
    assert release.published is None
    assert release.published_text == "令和元年2月1日"
    assert [(w.field, w.text) for w in release.warnings] == [("published", "令和元年2月1日")]
    assert release.warnings[0].reason


def test_an_impossible_meeting_date_is_a_warning() -> None:
    release = extract(PAGE.replace("<p>7月18日、", "<p>平成32年1月5日、"))
    assert release.meeting is not None
    assert release.meeting.date is None
    assert release.meeting.date_text == "平成32年1月5日"
    assert ("meeting.date", "平成32年1月5日") in [(w.field, w.text) for w in release.warnings]


def test_a_good_page_has_no_warnings() -> None:
    assert extract(PAGE).warnings == []


def _lead(n: int) -> str:
    person = "Secretary Rubio met with Foreign Minister Iwaya Takeshi and Ambassador Kim Lee, "
    return (
        "<html><body><h1>Meeting</h1><p>July 18, 2025</p><p>"
        + person * n
        + "in Washington.</p><p>1. They agreed.</p></body></html>"
    )


def _timed(content: str) -> float:
    started = time.perf_counter()
    with contextlib.suppress(ExtractError):
        extract(content)
    return time.perf_counter() - started


def test_english_participant_matching_is_linear() -> None:
    small, large = _timed(_lead(500)), _timed(_lead(5000))
    assert large < 25 * max(small, 0.01), (small, large)


def test_plain_text_reflow_is_linear() -> None:
    line = "The ministers discussed the situation in the region and"
    small = _timed("Title\nJuly 18, 2025\n" + (line + "\n") * 2000)
    large = _timed("Title\nJuly 18, 2025\n" + (line + "\n") * 20000)
    assert large < 25 * max(small, 0.01), (small, large)
