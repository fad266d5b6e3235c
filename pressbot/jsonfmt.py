"""The two JSON styles pressbot writes: one line per record, and reviewed documents (schemas, fixtures)."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable
from typing import Any


def json_line(data: Any) -> str:
    """A record line: sorted keys, non-ASCII unescaped, newline-terminated (JSON Lines)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def json_document(data: Any) -> str:
    """A file people read and diff: sorted keys, indent 2, non-ASCII unescaped, final newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, default=str) + "\n"


# What json.dumps(value, ensure_ascii=False, sort_keys=True) writes, with one encoder for every call (json.dumps
# builds a new one per call when given options) and no cycle check (records are trees).
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False).encode


def json_members(data: dict[str, Any]) -> dict[str, bytes]:
    """Each top-level value of a record as UTF-8 JSON, so its hash and its line serialize the body once.

    Bytes, not str: the hash and the line need bytes, and bytes cross from a reader process to the crawler as
    a copy, where text is encoded on one side and decoded on the other (about 0.7 M instructions a page).
    """
    return {key: _ENCODE(value).encode("utf-8") for key, value in data.items()}


@functools.lru_cache(maxsize=256)
def _json_key(key: str) -> bytes:
    return json.dumps(key, ensure_ascii=False).encode("utf-8") + b": "


def json_object(members: dict[str, bytes], keys: Iterable[str]) -> bytes:
    """The object of ``keys`` exactly as ``json.dumps(obj, ensure_ascii=False, sort_keys=True)`` writes it, in UTF-8."""
    return b"{" + b", ".join([_json_key(key) + members[key] for key in sorted(keys)]) + b"}"


NOT_CONTENT = ("provenance", "revision")  # what may differ between two records of the same content


def content_hash(members: dict[str, bytes]) -> str:
    """The hash of a record's content, from its fields' JSON (json_members): what counts as 'changed'.

    The sha256 of the sorted-keys JSON of every field but provenance and revision.
    """
    return hashlib.sha256(json_object(members, [key for key in members if key not in NOT_CONTENT])).hexdigest()
