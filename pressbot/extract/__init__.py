"""HTML or text in, a Release out. Pure: no Scrapy, no clock; the same bytes give the same record."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pressbot.errors import ExtractError
from pressbot.extract.dates import DateError, parse_date
from pressbot.extract.page import Page, decode, looks_like_html, read_page
from pressbot.models import Language, Release, Warning
from pressbot.sites import Site, get_site, release_id, site_for_url

PARSER_VERSION = "0.1.0"

# Runs, not single characters: the shares are counted from a few dozen matches instead of thousands. Written
# 'X X*' rather than 'X+' so that the pattern starts with a character class, which re scans for in C.
_KANA_RUN = re.compile(r"[\u3040-\u30ff][\u3040-\u30ff]*")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3][\uac00-\ud7a3]*")

__all__ = ["PARSER_VERSION", "extract", "read_release"]


def extract(
    content: bytes | str,
    url: str | None = None,
    site: str | None = None,
    *,
    content_type: str | None = None,
) -> Release:
    """Read one release page (HTML or plain text, bytes or str) into a validated Release.

    Raises ExtractError with a ``reason`` when the content is not a release we can read.
    """
    if url is not None:
        _check_url(url)
    site_obj = get_site(site) if site else site_for_url(url)
    text, encoding = decode(content, content_type, url)
    source = content if encoding == "utf-8" and isinstance(content, bytes) else None  # parsed as they are
    page = read_page(text, url, site_obj, is_html=looks_like_html(text), encoding=encoding, utf8_source=source)
    return read_release(page, url, site_obj)


def _check_url(url: str) -> None:
    """A URL no record can carry ('http://[::1/x', a bad port) is an ExtractError, not a ValueError from urllib."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
        url.encode("utf-8")
    except (ValueError, UnicodeEncodeError) as exc:
        raise ExtractError(
            "bad_url", f"the URL cannot be read ({exc})", url=url.encode("utf-8", "replace").decode()
        ) from None


def read_release(page: Page, url: str | None, site: Site) -> Release:
    """Page in, Release out: the published date, language, kind and meeting."""
    # Loaded on first use: a crawler whose pages are read by worker processes never needs the meeting rules.
    from pressbot.extract.meeting import read_meeting

    body = "\n".join([block.text for block in page.blocks])
    if not body.strip():
        raise ExtractError("not_a_release", "the page has a title but no body text", url=url, selector=site.body)
    published = None
    warnings: list[Warning] = []
    if page.date_text:
        try:
            match = parse_date(page.date_text)
        except DateError as exc:  # an impossible date never rejects a release: null, raw text kept, a warning
            match = None
            warnings.append(Warning(field="published", text=exc.text or page.date_text, reason=str(exc)))
        published = match.date if match else None
    titled = page.title + body
    language = _language(titled)
    kind, meeting = read_meeting(page, published, language, site, body, url, warnings=warnings)
    return Release(
        id=release_id(site, url, titled),
        site=site.name,
        url=url,
        language=language,
        title=page.title,
        published=published,
        published_text=page.date_text,
        kind=kind,
        body=body,
        meeting=meeting,
        links=page.links,
        warnings=warnings,
    )


def _language(text: str) -> Language:
    """By script: kana make Japanese, hangul Korean, anything else English (shares of the first 3,000 chars)."""
    sample = text[:3000]
    if sample.isascii():  # neither script has an ASCII character
        return Language.en
    if _share_over(_HANGUL_RUN, sample, 0.08):
        return Language.ko
    if _share_over(_KANA_RUN, sample, 0.04):
        return Language.ja
    return Language.en


def _share_over(runs: re.Pattern[str], sample: str, share: float) -> bool:
    """Whether the characters in ``runs`` make up more than ``share`` of ``sample``.

    The count only grows, so stopping at the first run that takes it over the share gives the answer
    counting every character would, without reading (or listing) the rest of the sample.
    """
    size = max(len(sample), 1)
    count = 0
    for run in runs.finditer(sample):
        count += run.end() - run.start()
        if count / size > share:
            return True
    return False
