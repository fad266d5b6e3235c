"""One URL per release, per site, before the id and the state are looked up.

Listings link one release as ``http://`` and ``https://``, with ``:443`` or ``:80``, with tracking or paging
parameters; each spelling would be fetched and emitted as its own revision. On a site's own domains: https (when
the site is served so), the default port dropped, the host lower-cased, the fragment dropped, and only the query
parameters that name the page kept (the site file's ``query_keys``; without one, all but tracking parameters).
A URL off the site's domains is left as it is.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pressbot.sites import SITES, Site

# Dropped from every URL: parameters that track the reader, never name a page.
TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "_ga")


def canonical_url(site: str, url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    host = (parts.hostname or "").lower()
    known = SITES.get(site)
    if known is None or not any(host == d.lower() or host.endswith(f".{d.lower()}") for d in known.domains):
        return url
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    return urlunsplit((_scheme(known, parts.scheme), netloc, parts.path or "/", _query(known, parts.query), ""))


def _scheme(site: Site, scheme: str) -> str:
    """https when the site is served over https (its start URLs say so), else as linked."""
    return "https" if any(url.startswith("https://") for url in site.start_urls) or not site.start_urls else scheme


def _query(site: Site, query: str) -> str:
    """Only the site's ``query_keys`` (first value each, in that order); without a list, the query as written
    minus tracking parameters (a site like ``page.htm?dtl/123/Title`` names its pages in the query)."""
    if site.query_keys is None:
        pieces = [p for p in query.split("&") if p and not p.split("=", 1)[0].lower().startswith(TRACKING)]
        return "&".join(pieces)
    first: dict[str, str] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name in site.query_keys and name not in first:
            first[name] = value
    return urlencode([(name, first[name]) for name in site.query_keys if name in first])
