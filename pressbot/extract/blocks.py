"""The unit every extraction rule reads: a block of text with its place in the page."""

from __future__ import annotations

from typing import NamedTuple


class Block(NamedTuple):
    """One paragraph, heading, list item or plain-text line of the release body.

    ``depth`` is the list nesting level (0 outside lists); ``ordinal`` is the 1-based position
    inside an ``<ol>`` (None elsewhere), so ``<ol><li>`` points can be numbered by position.
    A NamedTuple: immutable, and a page makes hundreds of them (half the cost of a frozen dataclass).
    """

    text: str
    tag: str = "p"  # p | li | h | line
    depth: int = 0
    ordinal: int | None = None
