"""What a site looks like, as data: shared by the spiders and by ``pressbot.extract(url=...)``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Listing:
    """How to read a site's listing pages (CSS selectors; see pressbot/extract/listing.py)."""

    entry: str  # one element per release entry
    link: str  # inside an entry: the <a> to the release (or the element carrying onclick)
    date: str | None = None  # inside an entry, or None when dates come from headings
    heading: str | None = None  # day headings above groups of entries (MOFA ja: M月D日)
    next_page: str | None = None  # the <a> to the next (older) listing page
    link_attr: str = "href"  # attribute holding the link (href, or onclick with a seq)
    link_template: str | None = None  # builds an URL from a seq found in link_attr
    date_format: str = "auto"


@dataclass(frozen=True)
class Site:
    name: str
    label: str
    domains: tuple[str, ...]
    language: str
    country: str
    start_urls: tuple[str, ...]
    release_url: re.Pattern[str]  # matches release URLs (any host: owns() checks domains); group "key" → id
    title: str | None = None  # CSS selectors; None means "find it by the generic rules"
    date_line: str | None = None
    body: str | None = None
    doctype: str | None = None  # the site's own label of the release type (State: Readout, Media Note…)
    listing: Listing | None = None
    crawl_delay: float = 1.0
    scope: re.Pattern[str] | None = None  # the part of a shared host that is this site's (MOFA ja vs en)
    blocked_markers: tuple[str, ...] = field(default_factory=tuple)

    def release_key(self, url: str) -> str | None:
        match = self.release_url.search(url)
        return match.group("key") if match else None

    def owns(self, url: str) -> bool:
        host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0].split(":", 1)[0].lower()
        if not any(host == d or host.endswith("." + d) for d in self.domains):
            return False
        return self.scope is None or bool(self.scope.search(url))
