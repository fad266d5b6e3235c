"""Ministry of Foreign Affairs of Japan, English site."""

import re

from pressbot.sites.base import Listing, Site

SITE = Site(
    name="mofa_en",
    label="Ministry of Foreign Affairs of Japan (en)",
    domains=("www.mofa.go.jp",),
    scope=re.compile(r"^[a-z]+://[^/]+/(?!mofaj/)"),  # the Japanese site lives under /mofaj/ on the same host
    language="en",
    country="JP",
    start_urls=("https://www.mofa.go.jp/press/release/index.html",),
    release_url=re.compile(r"^[a-z]+://[^/]+/(?!mofaj/)(?:[\w/-]+/)?(?P<key>[a-z]+\d*[a-z]*_[0-9_]+)\.html"),
    title="#maincontents h1",
    body="#maincontents",
    listing=Listing(
        entry="dl.title-list dd", link="a", heading="dl.title-list dt.list-title", next_page=".archive-link a, a.next"
    ),
)
