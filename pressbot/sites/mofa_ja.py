"""Ministry of Foreign Affairs of Japan, Japanese site."""

import re

from pressbot.sites.base import Listing, Site

SITE = Site(
    name="mofa_ja",
    label="Ministry of Foreign Affairs of Japan (ja)",
    domains=("www.mofa.go.jp",),
    scope=re.compile(r"^[a-z]+://[^/]+/mofaj/"),
    language="ja",
    country="JP",
    start_urls=("https://www.mofa.go.jp/mofaj/press/release/index.html",),
    release_url=re.compile(r"/mofaj/(?:[\w/-]+/)?(?P<key>(?:pressit|pageit|press\d*|page\w*)_[0-9_]+)\.html"),
    title="#maincontents h1",
    body="#maincontents",
    listing=Listing(
        entry="dl.title-list dd", link="a", heading="dl.title-list dt.list-title", next_page="li.next a, a.next"
    ),
)
