"""The public suffix list, from the copy bundled with tldextract: a crawl never fetches it.

Scrapy's cookie middleware asks tldextract whether a cookie's domain is a public suffix; tldextract's default
fetches publicsuffix.org on first use and caches it under ``~/.cache``. A replay crawl is documented as offline,
and a live crawl has no business talking to hosts the user did not name. So the extractor is replaced by one with
no URLs to fetch and no disk cache, answering from the snapshot that ships inside tldextract.
"""

from __future__ import annotations

from functools import cache


@cache
def use_bundled_suffix_list() -> None:
    """Point Scrapy's cookie handling at the bundled suffix list (idempotent)."""
    from scrapy.downloadermiddlewares import cookies
    from tldextract import TLDExtract

    cookies._split_domain = TLDExtract(  # type: ignore[attr-defined]
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True, include_psl_private_domains=True
    )
