from pressbot.sites import SITES
from pressbot.spiders.base import ReleaseSpider


class UsStateSpider(ReleaseSpider):
    name = "us_state"
    site = SITES["us_state"]
