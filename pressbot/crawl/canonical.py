"""One URL per release, per site, before the id and the state are looked up.

Listings link one release as ``http://`` and ``https://``, with ``:443`` or ``:80``, with tracking or paging
parameters; each spelling would be fetched and emitted as its own revision. On a site's own domains: https, the
default port dropped, the host lower-cased, the fragment dropped, and only the query parameters that name the page
kept: the site file's ``query_keys`` (``seq`` for kr_mofa, none for the other bundled sites; a site file without
``query_keys`` keeps its query as it is). A URL off the site's domains is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:
    from pressbot.sites import Site


def _site(name: str) -> Site | None:
    from pressbot.sites import SITES

    return SITES.get(name)


def canonical_url(site: str, url: str) -> str:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    host = (parts.hostname or "").lower()
    known = _site(site)
    domains = tuple(d.lower() for d in known.domains) if known else ()
    if not any(host == d or host.endswith(f".{d}") for d in domains):
        return url
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    keep = known.query_keys
    if keep is None:
        return urlunsplit(("https", netloc, parts.path or "/", parts.query, ""))
    first: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name in keep and name not in first:
            first[name] = value
    query = urlencode([(name, first[name]) for name in keep if name in first])
    return urlunsplit(("https", netloc, parts.path or "/", query, ""))
