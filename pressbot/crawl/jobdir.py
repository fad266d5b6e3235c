"""``pressbot crawl -s JOBDIR=DIR``: each spider of the run keeps its own job folder, ``DIR/<site>``.

Scrapy's job folder holds one spider's pending requests, the fingerprints it has seen and its ``spider.state``;
shared by the run's spiders they overwrote each other, and a resumed run lost or looped over requests.
``pressbot crawl`` sets PRESSBOT_JOBDIR_PER_SITE; ``scrapy crawl SPIDER -s JOBDIR=DIR`` (one spider) keeps DIR.
"""

from __future__ import annotations

import os
from typing import Any


def per_site(settings: Any, name: str) -> None:
    """Move JOBDIR into the site's sub-folder, in one crawler's own settings (Spider.update_settings)."""
    jobdir = settings.get("JOBDIR")
    if jobdir and settings.getbool("PRESSBOT_JOBDIR_PER_SITE"):
        # above the command line's: CrawlerProcess.crawl() merges the run's settings into the crawler's again
        settings.set("JOBDIR", os.path.join(jobdir, name), priority=(settings.getpriority("JOBDIR") or 0) + 50)
