"""Read a page: decode it, find the title, the date line and the body blocks; drop the site chrome.

Works on HTML (site selectors when known, text density otherwise) and on plain text (a copied release).
Modules: ``decoding`` (bytes to text to tree), ``chrome`` (residue, back links, chrome headings and
elements, blocked pages), ``markup`` (HTML: content root, title, links, blocks, date line), ``plain``
(plain text), ``document`` (the ``Page`` they return) and ``reader`` (``read_page``). The phrases they
read (back links, chrome headings, residue, challenge and error headlines) are in
``pressbot/extract/vocab/``.
"""

from __future__ import annotations

from pressbot.errors import ExtractError as ExtractError
from pressbot.extract.blocks import Block as Block
from pressbot.extract.page.chrome import _BACK_LINK as _BACK_LINK
from pressbot.extract.page.chrome import _BACK_LINK_MAX as _BACK_LINK_MAX
from pressbot.extract.page.chrome import _CHALLENGE as _CHALLENGE
from pressbot.extract.page.chrome import _CHALLENGE_MARKUP as _CHALLENGE_MARKUP
from pressbot.extract.page.chrome import _CHALLENGE_NEEDLES as _CHALLENGE_NEEDLES
from pressbot.extract.page.chrome import _CHROME_HEADING as _CHROME_HEADING
from pressbot.extract.page.chrome import _CHROME_HEADING_FIRST as _CHROME_HEADING_FIRST
from pressbot.extract.page.chrome import _CHROME_HEADING_OPENINGS as _CHROME_HEADING_OPENINGS
from pressbot.extract.page.chrome import _ERROR_PAGE as _ERROR_PAGE
from pressbot.extract.page.chrome import _HEADLINES as _HEADLINES
from pressbot.extract.page.chrome import _REFUSAL as _REFUSAL
from pressbot.extract.page.chrome import _TAG_OR_SPACES as _TAG_OR_SPACES
from pressbot.extract.page.chrome import _cut_chrome as _cut_chrome
from pressbot.extract.page.chrome import _is_back_link as _is_back_link
from pressbot.extract.page.chrome import _short as _short
from pressbot.extract.page.chrome import check_not_blocked, strip_residue
from pressbot.extract.page.decoding import _C0_BYTES as _C0_BYTES
from pressbot.extract.page.decoding import _CONTROL as _CONTROL
from pressbot.extract.page.decoding import _CONTROL_CHARS as _CONTROL_CHARS
from pressbot.extract.page.decoding import MAX_BYTES, decode, looks_like_html, parse_html
from pressbot.extract.page.decoding import _controls as _controls
from pressbot.extract.page.decoding import _without_c0 as _without_c0
from pressbot.extract.page.document import Element, Page, text_of
from pressbot.extract.page.markup import _DOCUMENT_HREF as _DOCUMENT_HREF
from pressbot.extract.page.markup import _DOCUMENT_TEXT as _DOCUMENT_TEXT
from pressbot.extract.page.markup import _blocks as _blocks
from pressbot.extract.page.markup import _BlockWriter as _BlockWriter
from pressbot.extract.page.markup import _link_place as _link_place
from pressbot.extract.page.markup import _links as _links
from pressbot.extract.page.markup import join_url, select
from pressbot.extract.page.reader import read_page
from pressbot.models import Link as Link

__all__ = [
    "MAX_BYTES",
    "Element",
    "Page",
    "check_not_blocked",
    "decode",
    "join_url",
    "looks_like_html",
    "parse_html",
    "read_page",
    "select",
    "strip_residue",
    "text_of",
]
