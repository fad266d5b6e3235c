"""The two JSON styles pressbot writes: one line per record, and reviewed documents (schemas, fixtures)."""

from __future__ import annotations

import json
from typing import Any


def json_line(data: Any) -> str:
    """A record line: sorted keys, non-ASCII unescaped, newline-terminated (JSON Lines)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def json_document(data: Any) -> str:
    """A file people read and diff: sorted keys, indent 2, non-ASCII unescaped, final newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, default=str) + "\n"
