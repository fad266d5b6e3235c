"""What a site looks like, as data: the model every site file (pressbot/sites/data/*.toml) is validated by.

Shared by the spiders (where to start, how to walk listings, how fast) and by ``pressbot.extract(url=...)``
(which selectors hold the title, date and body). A missing or malformed field is an error naming the field.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from cssselect import GenericTranslator, SelectorError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator


def _css(selector: str) -> str:
    """A CSS selector parsel can run (checked here so a typo fails when the file loads, not mid-crawl)."""
    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise ValueError(f"not a valid CSS selector ({exc})") from None
    return selector


Selector = Annotated[str, Field(min_length=1), AfterValidator(_css)]
Domain = Annotated[str, Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}$")]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Listing(_Frozen):
    """How to read a site's listing pages (CSS selectors; see pressbot/extract/listing.py)."""

    entry: Selector = Field(description="one element per release entry")
    link: Selector = Field(description="inside an entry: the <a> to the release (or the element with onclick)")
    date: Selector | None = Field(None, description="inside an entry; absent when dates come from headings")
    heading: Selector | None = Field(None, description="day headings above groups of entries (MOFA ja: M月D日)")
    next_page: Selector | None = Field(None, description="the <a> to the next (older) listing page")
    link_attr: str = Field("href", description="attribute holding the link (href, or onclick with a seq)")
    link_template: str | None = Field(None, description="builds an URL from a seq found in link_attr: {seq}")
    date_format: str = "auto"

    @field_validator("link_template")
    @classmethod
    def _has_seq(cls, value: str | None) -> str | None:
        if value is not None and "{seq}" not in value:
            raise ValueError("must contain {seq}")
        return value


class Examples(_Frozen):
    """A release page and a listing page of the site: what its spider's contracts (``scrapy check``) read.

    Replay (``-s PRESSBOT_REPLAY=fixtures``) answers them from the fixtures, so the check runs offline.
    """

    release: str
    listing: str | None = None


class Site(_Frozen):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="the spider's name and the records' id prefix")
    label: str = Field(min_length=1)
    domains: tuple[Domain, ...] = Field(min_length=0)
    language: Literal["ja", "en", "ko"]
    country: str = Field(pattern=r"^([A-Z]{2})?$", description="ISO 3166 alpha-2 of the publishing government")
    scope: re.Pattern[str] | None = Field(None, description="the part of a shared host that is this site's")
    start_urls: tuple[str, ...] = ()
    release_url: re.Pattern[str] = Field(description="matches release URLs; its group 'key' makes the id")
    title: Selector | None = Field(None, description="CSS; absent means: find it by the generic rules")
    date_line: Selector | None = None
    body: Selector | None = None
    doctype: Selector | None = Field(None, description="the site's own label of the release type")
    listing: Listing | None = None
    crawl_delay: float = Field(1.0, ge=0)
    blocked_markers: tuple[str, ...] = Field((), description="headline words of block or decoy pages")
    query_keys: tuple[str, ...] | None = Field(
        None,
        description="the query parameters that name a release page (kept, in this order; all others dropped when "
        "its URL is made canonical); absent: the query is kept, minus tracking parameters",
    )
    examples: Examples | None = None

    @field_validator("release_url")
    @classmethod
    def _has_key(cls, value: re.Pattern[str]) -> re.Pattern[str]:
        if "key" not in value.groupindex:
            raise ValueError("needs a named group (?P<key>…): the part of the URL the release id is made from")
        return value

    @field_validator("start_urls")
    @classmethod
    def _on_own_domains(cls, value: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        domains, scope = info.data.get("domains", ()), info.data.get("scope")
        stray = [url for url in value if not _owned(url, domains, scope)]
        if stray:
            raise ValueError(f"outside the site's domains and scope: {', '.join(stray)}")
        return value

    def release_key(self, url: str) -> str | None:
        match = self.release_url.search(url)
        return match.group("key") if match else None

    def owns(self, url: str) -> bool:
        return _owned(url, self.domains, self.scope)


def _owned(url: str, domains: tuple[str, ...], scope: re.Pattern[str] | None) -> bool:
    host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0].split(":", 1)[0].lower()
    if not any(host == d or host.endswith("." + d) for d in domains):
        return False
    return scope is None or bool(scope.search(url))
