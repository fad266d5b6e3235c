"""Listing pages: release links with their dates, years inferred where the site prints none."""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURES

from pressbot.extract.listing import read_listing
from pressbot.fixtures.cases import Case
from pressbot.sites import get_site


def _read(case: str, anchor: dt.date):
    fixture = Case(FIXTURES / case)
    return read_listing(fixture.body, fixture.url, get_site(fixture.site), anchor, fixture.header("Content-Type"))


def test_dates_without_years_are_read_backwards_across_new_year() -> None:
    page = _read("mofa_ja/listing_page2_year_boundary", dt.date(2025, 1, 23))
    assert [e.date.isoformat() for e in page.entries] == ["2025-01-08", "2025-01-07", "2024-12-26"]


def test_the_same_listing_fetched_a_year_later_shifts_a_year() -> None:
    page = _read("mofa_ja/listing_page2_year_boundary", dt.date(2026, 1, 23))
    assert [e.date.year for e in page.entries] == [2026, 2026, 2025]


def test_a_monthly_archive_is_dated_from_its_own_month_whenever_it_is_fetched() -> None:
    page = _read("mofa_en/listing_archive_202412", dt.date(2026, 11, 25))
    assert page.entries and all(e.date.strftime("%Y-%m") == "2024-12" for e in page.entries)


def test_board_rows_link_by_onclick_seq_and_the_last_page_has_no_next() -> None:
    first = _read("kr_mofa/listing_page1", dt.date(2025, 9, 10))
    assert all("view.do?seq=" in e.url for e in first.entries)
    assert first.next_url == "https://www.mofa.go.kr/eng/brd/m_5676/list.do?page=2"
    last = _read("kr_mofa/listing_page2_year_boundary", dt.date(2025, 9, 10))
    assert last.next_url is None  # its 'next' points at itself


def test_links_off_the_site_or_to_other_sections_are_not_entries() -> None:
    page = _read("mofa_ja/listing_index_page1", dt.date(2025, 1, 23))
    site = get_site("mofa_ja")
    assert all(site.owns(e.url) and site.release_key(e.url) for e in page.entries)
    not_releases = set(Case(FIXTURES / "mofa_ja/listing_index_page1").facts()["listing"]["not_releases"])
    assert not_releases and not not_releases & {e.url for e in page.entries}


def test_a_malformed_link_in_a_listing_is_skipped_not_raised() -> None:
    """urljoin raises on a broken IPv6 host: that link is dropped, the rest of the listing is read."""
    fixture = Case(FIXTURES / "mofa_ja/listing_page2_year_boundary")
    body = fixture.body.replace(b'href="', b'href="http://[::1/x', 1)
    page = read_listing(body, fixture.url, get_site(fixture.site), dt.date(2025, 1, 23), fixture.header("Content-Type"))
    whole = _read("mofa_ja/listing_page2_year_boundary", dt.date(2025, 1, 23))
    assert page.entries or page.next_url  # the page is still read
    assert not any("[::1" in e.url for e in page.entries) and len(page.entries) <= len(whole.entries)
