"""One spider per site in the registry, made from its data file: no Python per site.

Scrapy's spider loader finds classes defined in this module, so ``scrapy list`` / ``scrapy crawl NAME`` see
every bundled site and every site in ``PRESSBOT_SITES_DIR``. ``spider_for`` serves sites added later
(``pressbot --sites-dir``).
"""

from __future__ import annotations

from typing import Any

from pressbot.sites import SITES, Site
from pressbot.spiders.base import ReleaseSpider

_MADE: dict[str, type[ReleaseSpider]] = {}


def spider_for(site: Site) -> type[ReleaseSpider]:
    """The spider class that walks ``site`` (made once per site object)."""
    made = _MADE.get(site.name)
    if made is None or made.site is not site:
        class_name = "".join(part.title() for part in site.name.split("_")) + "Spider"
        members = {"name": site.name, "site": site, "__module__": __name__, **_contracts(site)}
        made = type(class_name, (ReleaseSpider,), members)
        _MADE[site.name] = made
    return made


def _contracts(site: Site) -> dict[str, Any]:
    """Spider contracts for ``scrapy check``, made from the site file's ``[examples]`` pages."""
    if site.examples is None:
        return {}

    def check_release(self: ReleaseSpider, response: Any) -> Any:
        return self.parse(response)

    check_release.__doc__ = f"""The example release reads into one record.

        @url {site.examples.release}
        @returns items 1 1
        @returns requests 0 0
        @scrapes id site title language kind body
        """
    members: dict[str, Any] = {"check_release": check_release}
    if site.examples.listing:

        def check_listing(self: ReleaseSpider, response: Any) -> Any:
            return self.parse(response)

        check_listing.__doc__ = f"""The example listing links to releases.

        @url {site.examples.listing}
        @returns items 0 0
        @returns requests 1
        """
        members["check_listing"] = check_listing
    return members


for _site in SITES.values():
    globals()[spider_for(_site).__name__] = spider_for(_site)
