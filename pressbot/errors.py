"""Typed errors: each carries a machine-readable ``reason`` that ends up in rejects and stats."""

from __future__ import annotations


class ExtractError(ValueError):
    """The content is not a release we can read.

    ``reason`` is one of: ``empty``, ``binary``, ``too_large``, ``blocked``, ``not_a_release``,
    ``missing_structure`` (a selector contract failed), ``bad_date``.
    """

    def __init__(self, reason: str, message: str, *, url: str | None = None, selector: str | None = None):
        self.reason = reason
        self.url = url
        self.selector = selector
        where = f" [{selector}]" if selector else ""
        at = f" at {url}" if url else ""
        super().__init__(f"{reason}: {message}{where}{at}")
