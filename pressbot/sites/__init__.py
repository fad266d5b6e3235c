"""The site registry: one module per site, each defining ``SITE``."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from pressbot.sites import j_defense, kr_mofa, mofa_en, mofa_ja, us_state
from pressbot.sites.base import Listing, Site

SITES: dict[str, Site] = {m.SITE.name: m.SITE for m in (mofa_ja, mofa_en, us_state, kr_mofa, j_defense)}

GENERIC = Site(
    name="generic",
    label="Any other page (generic rules)",
    domains=(),
    language="ja",
    country="",
    start_urls=(),
    release_url=re.compile(r"(?P<key>.+)"),
)

__all__ = ["GENERIC", "SITES", "Listing", "Site", "get_site", "release_id", "site_for_url"]


def get_site(name: str) -> Site:
    try:
        return GENERIC if name == "generic" else SITES[name]
    except KeyError:
        raise ValueError(f"unknown site {name!r}; known: {', '.join(sorted(SITES))}") from None


def site_for_url(url: str | None) -> Site:
    """The site whose domains hold ``url``; the generic site when none does."""
    if url:
        for site in SITES.values():
            if site.owns(url):
                return site
    return GENERIC


def release_id(site: Site, url: str | None, fallback: str) -> str:
    """``<site>:<key>``: the key from the URL pattern, else from the URL path, else a content hash."""
    key = site.release_key(url) if url and site is not GENERIC else None
    key = key.replace("/", "_") if key else key
    if key is None and url:
        parts = urlsplit(url)
        key = re.sub(r"[^\w.-]+", "_", (parts.netloc + parts.path + ("?" + parts.query if parts.query else "")))
        key = re.sub(r"\.html?$", "", key).strip("_")
    if not key:
        key = hashlib.sha256(fallback.encode("utf-8")).hexdigest()[:16]
    return f"{site.name}:{key}"
