"""The records ``pressbot link`` writes: one ``Event`` per meeting (events.jsonl) and one ``Person`` per
individual (people.jsonl). Plain pydantic models; field names are the public interface (docs/linking.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EventReport(_Model):
    release_id: str
    site: str
    language: str
    url: str | None = None
    publisher_country: str | None = Field(None, description="Which side published it (the site's country)")
    relation: Literal["report", "about"]
    title: str
    date: str | None = Field(None, description="The local date this report gives")


class PersonName(_Model):
    release_id: str
    name: str
    name_en: str | None = None
    reading: str | None = None
    title: str | None = None


class EventParticipant(_Model):
    person_id: str
    country: str | None = None
    names: list[PersonName] = Field(default_factory=list, description="The forms each report used")


class PersonMatch(_Model):
    name: str = Field(description="As this report wrote it")
    event_name: str = Field(description="As an earlier report of the event wrote it")
    by: Literal["name", "transliteration", "text"] = Field(description="text: named in the other release's text")
    release_id: str


class Evidence(_Model):
    release_id: str
    relation: Literal["report", "about"]
    basis: Literal["meeting", "title"] = Field(description="meeting: the extractor read one; title: title and date")
    founded: bool = Field(False, description="The first report: the event's id comes from it")
    date: str | None = None
    date_gap_days: int = Field(0, description="This report's date minus the nearest date of the event's reports")
    countries: list[str] = Field(default_factory=list)
    countries_shared: list[str] = Field(default_factory=list)
    countries_jaccard: float = 0.0
    level: str | None = None
    event_level: str | None = None
    mode: str | None = None
    persons_matched: list[PersonMatch] = Field(default_factory=list)


class Event(_Model):
    event_id: str = Field(description="ev:<release id of the first report>; never changes")
    date: str | None = Field(None, description="Local date: the one most reports give (the latest on a tie)")
    date_range: list[str] | None = Field(None, description="[first, last] when reports disagree")
    countries: list[str]
    kind: str
    mode: str | None = None
    level: str | None = None
    name_en: str
    names: list[str] = Field(default_factory=list, description="The meeting names the reports used")
    reports: list[EventReport]
    participants: list[EventParticipant] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Office(_Model):
    title: str | None = None
    title_en: str | None = None
    country: str | None = None
    level: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    releases: int = 0


class Person(_Model):
    person_id: str
    country: str | None = None
    name_en: str | None = Field(None, description="The Latin form most reports used")
    names: list[str] = Field(default_factory=list, description="Every surface form seen, most used first")
    offices: list[Office] = Field(default_factory=list)
    releases: list[str] = Field(default_factory=list)
    merged_ids: list[str] = Field(default_factory=list, description="Ids this person had before two were found one")
