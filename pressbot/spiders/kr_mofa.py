from pressbot.sites import SITES
from pressbot.spiders.base import ReleaseSpider


class KrMofaSpider(ReleaseSpider):
    name = "kr_mofa"
    site = SITES["kr_mofa"]
