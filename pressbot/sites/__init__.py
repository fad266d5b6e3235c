"""The site registry: the bundled site files (pressbot/sites/data/*.toml) plus a user's own.

A user's directory comes from ``PRESSBOT_SITES_DIR`` (read at import, so ``scrapy list`` sees it too) or
``pressbot --sites-dir DIR``; a user's file that names a bundled site replaces it.
"""

from __future__ import annotations

import hashlib
import os
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from pressbot.sites.base import Listing, Site
from pressbot.sites.load import SiteFileError, load_site_file, load_sites_dir

BUNDLED_DIR = resources.files(__name__) / "data"  # a folder, or a zipped egg's entry (scrapyd)
SITES: dict[str, Site] = load_sites_dir(BUNDLED_DIR)
USER_SITES: set[str] = set()

GENERIC = Site(
    name="generic",
    label="Any other page (generic rules)",
    domains=(),
    language="ja",
    country="",
    release_url=re.compile(r"(?P<key>.+)"),
)

__all__ = [
    "GENERIC",
    "SITES",
    "Listing",
    "Site",
    "SiteFileError",
    "add_sites_dir",
    "get_site",
    "load_site_file",
    "release_id",
    "site_for_url",
]


def add_sites_dir(directory: str | Path) -> list[str]:
    """Load a user's site files into the registry; the names added. Raises SiteFileError."""
    found = load_sites_dir(Path(directory))
    SITES.update(found)
    USER_SITES.update(found)
    return sorted(found)


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


if os.environ.get("PRESSBOT_SITES_DIR"):
    for _directory in os.environ["PRESSBOT_SITES_DIR"].split(os.pathsep):
        add_sites_dir(_directory)
