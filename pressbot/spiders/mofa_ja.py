from pressbot.sites import SITES
from pressbot.spiders.base import ReleaseSpider


class MofaJaSpider(ReleaseSpider):
    name = "mofa_ja"
    site = SITES["mofa_ja"]
