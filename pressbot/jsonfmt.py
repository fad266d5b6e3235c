"""The two JSON styles pressbot writes: one line per record, and reviewed documents (schemas, fixtures)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def json_line(data: Any) -> str:
    """A record line: sorted keys, non-ASCII unescaped, newline-terminated (JSON Lines)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def json_document(data: Any) -> str:
    """A file people read and diff: sorted keys, indent 2, non-ASCII unescaped, final newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, default=str) + "\n"


def json_members(data: dict[str, Any]) -> dict[str, str]:
    """Each top-level value of a record as JSON text, so its hash and its line serialize the body once."""
    return {key: json.dumps(value, ensure_ascii=False, sort_keys=True) for key, value in data.items()}


def json_object(members: dict[str, str], keys: Iterable[str]) -> str:
    """The object of ``keys`` exactly as ``json.dumps(obj, ensure_ascii=False, sort_keys=True)`` writes it."""
    return "{" + ", ".join(f"{json.dumps(key, ensure_ascii=False)}: {members[key]}" for key in sorted(keys)) + "}"
