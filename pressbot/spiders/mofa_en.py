from pressbot.sites import SITES
from pressbot.spiders.base import ReleaseSpider


class MofaEnSpider(ReleaseSpider):
    name = "mofa_en"
    site = SITES["mofa_en"]
