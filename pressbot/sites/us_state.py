"""U.S. Department of State."""

import re

from pressbot.sites.base import Listing, Site

SITE = Site(
    name="us_state",
    label="U.S. Department of State",
    domains=("www.state.gov", "state.gov"),
    language="en",
    country="US",
    start_urls=("https://www.state.gov/press-releases/",),
    # Current site: /releases/<office>/YYYY/MM/<slug>/; the 2021-2025 archive puts releases at /<slug>/.
    release_url=re.compile(
        r"^[a-z]+://[^/]+/(?:releases/(?:[\w-]+/)*\d{4}/\d{2}/|(?=[a-z0-9-]+/?$)(?!(?:press-releases|"
        r"bureaus?|countries-areas|about|policy-issues|remarks-and-releases|search|translations?)\b))"
        r"(?P<key>[a-z0-9][\w-]+)/?$"
    ),
    title="h1.featured-content__headline",
    date_line="p.article-meta__publish-date",
    body="div.entry-content",
    doctype="p.doctype-meta, .doctype-meta",
    listing=Listing(
        entry="li.collection-result",
        link="a.collection-result__link, a",
        date=".collection-result-meta span",
        next_page="a.next.page-numbers, a.next",
    ),
    crawl_delay=5.0,
    blocked_markers=("Technical Difficulties",),
)
