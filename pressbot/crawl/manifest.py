"""The run manifest's shape (committed as schema/manifest.schema.json): what one crawl did, per site."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Releases(_Model):
    new: int = 0
    changed: int = 0
    unchanged: int = Field(0, description="304s, revalidation-window skips and identical re-reads")
    withdrawn: int = 0


class Bound(_Model):
    limit: int = Field(description="the setting's value (PRESSBOT_MAX_LISTING_PAGES, PRESSBOT_MAX_LISTING_LINKS)")
    dropped: int = Field(description="requests not followed because of it")


class SiteReport(_Model):
    requests: int = Field(description="Requests sent (robots.txt and retries included)")
    responses_by_status: dict[str, int]
    releases: Releases
    rejects: dict[str, int] = Field(description="Rejected pages by reason (see rejects JSONL for each)")
    blocked: int = Field(description="Pages that were blocks, challenges or decoys (403/429/…)")
    coverage: dict[str, float | None] = Field(description="Share of emitted records with the field set")
    errors: list[str] = Field(description="Fetch errors (first 50)")
    listing_pages: int = Field(0, description="Listing pages parsed (paging stops past --since)")
    replay_missing: int = Field(description="Replay requests with no fixture")
    robots_refused: int = Field(
        description="Hosts not crawled because robots.txt was unavailable (5xx, DNS, too large, too slow)"
    )
    robots_forbidden: int = Field(0, description="Requests robots.txt disallowed (all of them: a gate)")
    spider_exceptions: int = 0
    bounds: dict[str, Bound] = Field(
        default_factory=dict, description="Listing bounds the crawl hit (listing_pages, listing_links); empty: none"
    )


class Gate(_Model):
    ok: bool
    why: list[str]


class Manifest(_Model):
    started: str
    finished: str
    output: str | None
    sites: dict[str, SiteReport]
    gates: dict[str, Gate] = Field(default_factory=dict)
    exit_code: int = 0
    interrupted: bool = Field(False, description="SIGINT/SIGTERM stopped the run before it finished")


def manifest_schema_text() -> str:
    from pressbot.jsonfmt import json_document

    return json_document(Manifest.model_json_schema())
