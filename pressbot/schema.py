"""The JSON Schema of the record, generated from the models (committed as schema/release.schema.json)."""

from pressbot.jsonfmt import json_document
from pressbot.models import Release


def schema_text() -> str:
    schema = Release.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/pressbot/pressbot/schema/release.schema.json"
    return json_document(schema)
