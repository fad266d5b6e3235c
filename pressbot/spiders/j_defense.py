from pressbot.sites import SITES
from pressbot.spiders.base import ReleaseSpider


class JDefenseSpider(ReleaseSpider):
    name = "j_defense"
    site = SITES["j_defense"]
