"""j-defense (Japan Defense News), a site that republishes ministry releases."""

import re

from pressbot.sites.base import Listing, Site

SITE = Site(
    name="j_defense",
    label="j-defense.ikaros.jp (republisher)",
    domains=("j-defense.ikaros.jp",),
    language="ja",
    country="JP",
    start_urls=("https://j-defense.ikaros.jp/docs/mod/",),
    release_url=re.compile(r"^[a-z]+://[^/]+/docs/(?P<key>[\w-]+/\d+)\.html$"),
    listing=Listing(entry=".c-card", link=".c-card__title a", date="time", next_page="a.c-pager__next"),
)
