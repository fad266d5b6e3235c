"""The page as the readers hand it on (``Page``: title, date line, blocks, links, encoding) and the lxml element
type with its text (``text_of``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from pressbot.extract.blocks import Block
from pressbot.models import Link

# Plain lxml.etree elements: lxml.html's Python-level element classes cost a lookup per node visited.
Element = etree._Element


def text_of(element: Element) -> str:
    return "".join(element.itertext())


@dataclass
class Page:
    title: str
    date_text: str | None
    blocks: list[Block]
    doctype: str | None = None
    links: list[Link] = field(default_factory=list)
    encoding: str = "utf-8"
    is_html: bool = True
