"""Events across sources and person resolution. Works on records (Release models or their JSON), never on pages.

Pure: no Scrapy, no clock, no network. ``link_records`` is the whole step; ``LinkState`` makes it incremental.
"""

from pressbot.link.models import Event, Person
from pressbot.link.state import LinkState, link_records

__all__ = ["Event", "LinkState", "Person", "link_records"]
