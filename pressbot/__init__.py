"""pressbot: government releases about diplomatic meetings, as validated JSON records.

Importing this package never imports Scrapy: ``pressbot.extract`` is pure.
"""

from pressbot.errors import ExtractError
from pressbot.extract import PARSER_VERSION, extract
from pressbot.models import SCHEMA_VERSION, AgendaPoint, Link, Meeting, Participant, Provenance, Release

__version__ = "0.1.0"

__all__ = [
    "PARSER_VERSION",
    "SCHEMA_VERSION",
    "AgendaPoint",
    "ExtractError",
    "Link",
    "Meeting",
    "Participant",
    "Provenance",
    "Release",
    "__version__",
    "extract",
]
