"""Listing pages: the release links they carry, with dates (years inferred where the site omits them)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from pressbot.errors import ExtractError
from pressbot.extract.dates import DateError, find_dates
from pressbot.extract.page import Element, check_not_blocked, decode, join_url, parse_html, select, text_of
from pressbot.extract.text import one_line
from pressbot.sites.base import Listing, Site

_ANY_DAY = dt.date(9000, 12, 31)  # a reference for "is there a date here at all"
_SEQ = re.compile(r"['\"](\d+)['\"]")


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    date: dt.date | None
    date_text: str | None


@dataclass
class ListingPage:
    entries: list[Entry] = field(default_factory=list)
    next_url: str | None = None
    other_links: list[str] = field(default_factory=list)  # links that are not this site's releases

    def as_dict(self) -> dict:
        return {
            "entries": [
                {
                    "url": e.url,
                    "title": e.title,
                    "date": e.date.isoformat() if e.date else None,
                    "date_text": e.date_text,
                }
                for e in self.entries
            ],
            "next": self.next_url,
        }


def read_listing(
    content: bytes | str, url: str, site: Site, anchor: dt.date, content_type: str | None = None
) -> ListingPage:
    """Release entries of one listing page, newest first as the site lists them.

    ``anchor`` is the date the page was fetched: a listing without years is read backwards from it
    (``1月8日`` then ``12月26日`` crosses into the previous year). A monthly archive (``202412_index.html``,
    ``/2024/12/``) is read backwards from the end of its own month instead.
    """
    rules = site.listing
    if rules is None:
        raise ExtractError("missing_structure", f"site {site.name} has no listing rules", url=url)
    text, _ = decode(content, content_type, url)
    check_not_blocked(text, url, site)
    doc = parse_html(text)
    page = ListingPage()
    dated = (
        _dated_entries(doc, rules.heading, rules.entry)
        if rules.heading
        else [(None, e) for e in select(doc, rules.entry)]
    )
    if not dated:
        raise ExtractError("missing_structure", "no listing entries", url=url, selector=rules.entry)
    previous = min(anchor, _archive_month_end(url) or anchor)
    seen: set[str] = set()
    for heading_text, element in dated:
        date_text = heading_text
        if rules.date and date_text is None:
            date_text = _entry_date_text(element, rules.date)
        date = _read_date(date_text, previous) if date_text else None
        if date:
            previous = date
        for target, title in _entry_links(element, rules, url):
            if not (site.owns(target) and site.release_key(target)):
                page.other_links.append(target)
            elif target not in seen:
                seen.add(target)
                page.entries.append(Entry(target, title, date, date_text))
    if rules.next_page:
        for anchor_el in select(doc, rules.next_page):
            target = join_url(url, anchor_el.get("href") or "")
            if anchor_el.get("href") and target is not None and target != url:
                page.next_url = target
                break
    return page


def _entry_date_text(element: Element, css: str) -> str | None:
    """The first text under the date selector that holds a date (tables put numbers in other cells)."""
    for found in select(element, css):
        text = one_line(text_of(found))
        if text and _read_date(text, _ANY_DAY) is not None:
            return text
    return None


_ARCHIVE_MONTH = re.compile(r"/(20\d{2})[/_-]?(0[1-9]|1[0-2])(?:_index|/index|/)?(?:\.html?)?(?:[?#]|$)")


def _archive_month_end(url: str) -> dt.date | None:
    match = _ARCHIVE_MONTH.search(url)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def _dated_entries(doc: Element, heading_css: str, entry_css: str) -> list[tuple[str | None, object]]:
    """Pair each entry with the nearest day heading above it, in document order."""
    headings = set(select(doc, heading_css))
    entries = set(select(doc, entry_css))
    pairs: list[tuple[str | None, object]] = []
    current: str | None = None
    for element in doc.iter():
        if element in headings:
            current = one_line(text_of(element))
        elif element in entries:
            pairs.append((current, element))
    return pairs


def _entry_links(element: Element, rules: Listing, base: str) -> list[tuple[str, str]]:
    links = []
    for anchor in select(element, rules.link) or [element]:
        value = anchor.get(rules.link_attr) or ""
        title = one_line(text_of(anchor))
        if rules.link_template:
            match = _SEQ.search(value)
            if match:
                links.append((rules.link_template.format(seq=match.group(1)), title))
        elif value and not value.startswith(("#", "javascript:", "mailto:")):
            target = join_url(base, value)
            if target is not None:
                links.append((target, title))
    return links


def _read_date(text: str, newer: dt.date) -> dt.date | None:
    """A listed date (read by dates.py); one with no year takes the year that keeps the list going backwards."""
    try:
        found = find_dates(text, newer)
    except DateError:
        return None
    if not found:
        return None
    first = found[0]
    if first.rule not in ("month_day", "day_only"):
        return first.date
    for year in (newer.year, newer.year - 1):
        try:
            candidate = first.date.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate <= newer + dt.timedelta(days=1):
            return candidate
    return None
