"""A JSON Lines feed exporter that flushes after every item, so a killed crawl leaves whole lines."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from scrapy.exporters import JsonLinesItemExporter


class FlushingJsonLinesExporter(JsonLinesItemExporter):
    def __init__(self, file: Any, **kwargs: Any):
        kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("sort_keys", True)
        super().__init__(file, **kwargs)

    def export_item(self, item: Any) -> None:
        super().export_item(item)
        self.file.flush()
        fileno = getattr(self.file, "fileno", None)
        if fileno is not None:
            with contextlib.suppress(OSError, ValueError):  # not every feed storage is a real file
                os.fsync(fileno())
