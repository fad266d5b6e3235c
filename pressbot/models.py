"""The release record (schema v1): pydantic models whose JSON Schema is committed in schema/.

Field names are a public interface (see DESIGN.md): add fields, never rename them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1

CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")]
HourMinute = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM, 24h, local")]


class Kind(StrEnum):
    meeting = "meeting"
    telephone_talk = "telephone_talk"
    statement = "statement"
    other = "other"
    withdrawn = "withdrawn"


class Mode(StrEnum):
    in_person = "in_person"
    telephone = "telephone"
    video = "video"


class Role(StrEnum):
    host = "host"
    counterpart = "counterpart"
    attendee = "attendee"


class Language(StrEnum):
    ja = "ja"
    en = "en"
    ko = "ko"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Participant(_Model):
    name: str = Field(description="The name as written in the release")
    name_en: str | None = Field(None, description="English name, honorific stripped")
    reading: str | None = Field(None, description="Kana reading as given in the text")
    honorific: str | None = Field(None, description="e.g. 'The Honorable', 'His Excellency', 'Mr.'")
    title: str | None = Field(None, description="Office as written, minus a leading country word")
    title_en: str | None = None
    country: CountryCode | None = None
    role: Role = Role.attendee
    mentions: list[str] = Field(default_factory=list, description="Other surface forms in the text")


class AgendaPoint(_Model):
    number: str | None = Field(None, description="As printed: '1', '(1)', '①', 'ア'; null for bullets")
    heading: str | None = None
    text: str = ""
    points: list[AgendaPoint] = Field(default_factory=list)


class Meeting(_Model):
    name: str | None = None
    date: dt.date | None = Field(None, description="Local date where the meeting took place")
    date_text: str | None = Field(None, description="The raw text the date was read from")
    date_rule: str | None = Field(None, description="Which date rule matched (see docs/extraction.md)")
    start_time: HourMinute | None = None
    start_time_text: str | None = None
    duration_minutes: int | None = Field(None, ge=0)
    duration_text: str | None = None
    location: str | None = None
    mode: Mode = Mode.in_person
    meal: str | None = Field(None, description="e.g. 'working lunch', as written")
    countries: list[CountryCode] = Field(default_factory=list, description="Sorted, unique")
    participants: list[Participant] = Field(default_factory=list)
    agenda: list[AgendaPoint] = Field(default_factory=list)

    @field_validator("countries")
    @classmethod
    def _as_set(cls, value: list[str]) -> list[str]:
        return sorted(set(value))


class Link(_Model):
    text: str
    url: str


class Provenance(_Model):
    fetched_at: dt.datetime
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    parser_version: str
    http_status: int | None = None
    encoding: str | None = None
    record_sha256: str | None = Field(None, description="Hash of the normalized record: what the state compares")
    previous_record_sha256: str | None = Field(None, description="The record hash of the previous revision")
    warc_file: str | None = Field(None, description="The WARC file (name) holding the response, with the archive")
    warc_offset: int | None = Field(None, ge=0, description="Offset of the response record's gzip member in warc_file")
    warc_record_id: str | None = Field(None, description="The response record's WARC-Record-ID")


class Warning(_Model):
    """Something the reader could not settle; the record is still a record."""

    field: str = Field(description="The record field it concerns, dotted (`published`, `meeting.date`)")
    text: str | None = Field(None, description="The raw text it concerns, as written")
    reason: str = Field(description="Why the field is null or doubtful")


class Release(_Model):
    id: str = Field(pattern=r"^[a-z_]+:\S+$", description="<site>:<key from the URL>")
    site: str
    url: str | None = None
    language: Language
    title: str = Field(min_length=1)
    published: dt.date | None = None
    published_text: str | None = None
    kind: Kind
    body: str
    meeting: Meeting | None = None
    links: list[Link] = Field(default_factory=list)
    warnings: list[Warning] = Field(
        default_factory=list, description="What the reader could not settle (an impossible date), with its raw text"
    )
    revision: int = Field(1, ge=1, description="1 for the first version seen; +1 per content change")
    provenance: Provenance | None = Field(None, description="Added by the crawl pipelines")
    schema_version: Literal[1] = SCHEMA_VERSION
