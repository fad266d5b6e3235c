"""``read_page``: a page's title, date line, blocks and links, from HTML or plain text, after the blocked check."""

from __future__ import annotations

from pressbot.errors import ExtractError
from pressbot.extract.page.chrome import check_not_blocked
from pressbot.extract.page.document import Page
from pressbot.extract.page.markup import _read_html
from pressbot.extract.page.plain import _read_text
from pressbot.sites.base import Site


def read_page(
    text: str,
    url: str | None,
    site: Site,
    *,
    is_html: bool = True,
    encoding: str = "utf-8",
    utf8_source: bytes | None = None,
) -> Page:
    """The page's title, date line, blocks and links. ``utf8_source``: see parse_html."""
    check_not_blocked(text, url, site)
    page = _read_html(text, url, site, utf8_source) if is_html else _read_text(text)
    page.encoding = encoding
    if not page.title:
        raise ExtractError("missing_structure", "no title found", url=url, selector=site.title)
    return page
