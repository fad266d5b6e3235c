"""One URL per release, per site, before the id and the state are looked up.

Listings link one release as ``http://`` and ``https://``, with ``:443`` or ``:80``, with tracking or paging
parameters; each spelling would be fetched and emitted as its own revision. On a site's own domains: https, the
default port dropped, the host lower-cased, the fragment dropped, and only the query parameters that name the page
kept (``QUERY_PARAMS``; none for most sites). A URL off the site's domains is left as it is.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# The query parameters that matter, per site (in this order); every other parameter is dropped.
QUERY_PARAMS: dict[str, tuple[str, ...]] = {
    "kr_mofa": ("seq",),
}


def _domains(site: str) -> tuple[str, ...]:
    from pressbot.sites import SITES

    known = SITES.get(site)
    return tuple(d.lower() for d in known.domains) if known else ()


def canonical_url(site: str, url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    host = (parts.hostname or "").lower()
    domains = _domains(site)
    if not any(host == d or host.endswith(f".{d}") for d in domains):
        return url
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    keep = QUERY_PARAMS.get(site, ())
    first: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name in keep and name not in first:
            first[name] = value
    query = urlencode([(name, first[name]) for name in keep if name in first])
    return urlunsplit(("https", netloc, parts.path or "/", query, ""))
