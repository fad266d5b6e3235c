"""Ministry of Foreign Affairs of the Republic of Korea, English site."""

import re

from pressbot.sites.base import Listing, Site

SITE = Site(
    name="kr_mofa",
    label="Ministry of Foreign Affairs, Republic of Korea (en)",
    domains=("www.mofa.go.kr",),
    language="en",
    country="KR",
    start_urls=("https://www.mofa.go.kr/eng/brd/m_5676/list.do",),
    release_url=re.compile(r"/eng/brd/(?P<board>m_\d+)/view\.do\?(?:.*&)?seq=(?P<key>\d+)"),
    title=".board_detail .bo_head h2, .board_detail h2",
    date_line=".bo_head dd, .bo_head .date",
    body=".se-contents",
    listing=Listing(
        entry="tbody tr",
        link="a[onclick]",
        date="td",
        link_attr="onclick",
        next_page="a.next",
        link_template="https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq={seq}",
    ),
)
