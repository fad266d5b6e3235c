"""HTML pages: site selectors or the densest content root, the title element, related-document links, the walk that
turns block elements and ``<br>`` lines into Blocks (list positions kept), and the date line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from urllib.parse import urljoin

from cssselect import GenericTranslator
from lxml import etree

from pressbot.errors import ExtractError
from pressbot.extract.blocks import Block
from pressbot.extract.dates import DateError, parse_date
from pressbot.extract.page.chrome import (
    _DROP_TAGS,
    _RESIDUE,
    _chrome_marks,
    _cut_chrome,
    _drop,
    _is_back_link,
    _navigation_marks,
    _strip_chrome,
    strip_residue,
)
from pressbot.extract.page.content import _BLOCK_TAGS, _densest, _text_sizes  # noqa: F401 (tests read _text_sizes)
from pressbot.extract.page.decoding import parse_html
from pressbot.extract.page.document import Element, Page, text_of
from pressbot.extract.text import clean, one_line
from pressbot.models import Link
from pressbot.sites.base import Site

_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_TITLE_SEPARATOR = re.compile(r"\s+[|｜\-–—:：]\s+")  # 'Title | Site name' in <title>
_TIMES_AFTER_DATE = re.compile(r"(?:,?\s*(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|[(（][^)）]{1,4}[)）]))*")


def _read_html(text: str, url: str | None, site: Site, utf8_source: bytes | None = None) -> Page:
    try:
        doc = parse_html(text, utf8_source)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError("not_a_release", f"unparseable HTML ({exc})", url=url) from None
    title = _first_text(doc, site.title) if site.title else None
    if site.title and not title:
        raise ExtractError("missing_structure", "the title selector matched nothing", url=url, selector=site.title)
    date_text = _first_dated_text(doc, site.date_line) if site.date_line else None
    if site.date_line and not date_text:
        raise ExtractError("missing_structure", "the date selector matched nothing", url=url, selector=site.date_line)
    doctype = _first_text(doc, site.doctype) if site.doctype else None
    # No comment or processing instruction to drop: _PARSER makes none (tests/extract/test_page_fast.py); looking
    # for them walked the whole tree (about 34,000 instructions a page).
    root = _content_root(doc, site, url)
    copy = _text_copy(root) if site.title is None else None
    if copy is not None:  # a plain-text copy in a <pre> on an unknown site: read as the text it is
        from pressbot.extract.page.plain import _read_text

        page = _read_text(copy)
        page.links, page.doctype, page.is_html = _links(root, url, site), doctype, True
        return page
    title_el = _title_element(root, doc)
    if site.title is None and title_el is None:
        # No headline element at all (every line a <p>): the lines are read as a text copy's, whose first
        # headline-like line after the chrome is the title, rather than taking the site name in <title>.
        from pressbot.extract.page.plain import _read_text

        links = _links(root, url, site)
        _strip_chrome(root)
        lines = "\n".join(block.text for block in _blocks(root))
        if lines.strip():
            page = _read_text(lines)
            page.links, page.doctype, page.is_html = links, doctype, True
            if page.date_text is None:
                page.date_text, page.blocks = _date_line(page.blocks, doc)
            return page
        title_el = None
    if title is None:
        title = one_line(text_of(title_el)) if title_el is not None else _title_from_head(doc)
    links = _links(root, url, site)
    _strip_chrome(root)
    blocks = _blocks(root, title_el)  # never empty texts: _emit keeps only non-empty lines
    # Block texts are single cleaned lines already: the title and date line compare as they are.
    blocks = _cut_chrome(blocks, (title,) if date_text is None else (title, date_text))
    if date_text is None:
        date_text, blocks = _date_line(blocks, doc)
    return Page(title=title or "", date_text=date_text, blocks=blocks, links=links, doctype=doctype)


def select(doc: Element, css: str) -> list[Element]:
    """Elements matching a CSS selector; on the document element, '#id' selectors use the ID table."""
    return _compiled(css, doc.getparent() is None)(doc)


_FROM_ID = re.compile(r"(^|\| )descendant-or-self::\*\[@id = '([^'\\]*)'\]")


@functools.lru_cache(maxsize=256)
def _compiled(css: str, from_root: bool) -> etree.XPath:
    """Site selectors are few and reused on every page: translate each to XPath once.

    From the document element, a selector that starts with '#id' starts at XPath id(), a lookup in the ID
    table libxml2 keeps for HTML, instead of testing @id on every element (10x cheaper on a MOFA page).
    """
    path = GenericTranslator().css_to_xpath(css)  # what lxml's CSSSelector does
    return etree.XPath(_FROM_ID.sub(r"\1id('\2')", path) if from_root else path)


def _first_text(doc: Element, css: str) -> str | None:
    for element in select(doc, css):
        value = one_line(strip_residue(text_of(element)))
        if value:
            return value
    return None


def _text_copy(root: Element) -> str | None:
    """The text of a <pre> that holds most of the content root's text (and no h1 above it in the root): a copied
    release, whose lines are its structure."""
    if root.find(".//h1") is not None:
        return None
    pre = root if root.tag == "pre" else root.find(".//pre")
    if pre is None:
        return None
    text = text_of(pre)
    return text if len(text.strip()) * 10 >= len(text_of(root).strip()) * 7 else None


def _first_dated_text(doc: Element, css: str) -> str | None:
    """The first text the date selector matches that holds a date (a board's ``dd`` list is 부서명, 작성일, 조회수:
    the labelled date, not the department); the first text when none does."""
    first = None
    for element in select(doc, css):
        value = one_line(strip_residue(text_of(element)))
        if not value:
            continue
        if _date_span(value) is not None:
            return value
        first = first or value
    return first


def _content_root(doc: Element, site: Site, url: str | None) -> Element:
    if site.body:
        found = select(doc, site.body)
        if not found:
            raise ExtractError("missing_structure", "the body selector matched nothing", url=url, selector=site.body)
        return found[0]
    body = doc.find("body")
    body = body if body is not None else doc
    for bad in list(body.iter(*_DROP_TAGS)):
        _drop(bad)
    return _densest(body)


def _title_element(root: Element, doc: Element) -> Element | None:
    for scope in (root, doc):
        for tag in ("h1", "h2"):
            for element in scope.iter(tag):
                if one_line(text_of(element)):
                    return element
    return None


def _title_from_head(doc: Element) -> str:
    title = doc.find(".//title")
    text = one_line(text_of(title)) if title is not None else ""
    return _TITLE_SEPARATOR.split(text)[0] if text else ""


_DOCUMENT_HREF = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?)(?:$|[?#])", re.I)
_DOCUMENT_TEXT = re.compile(
    r"声明|宣言|ステートメント|共同(?:発表|文書|記者発表)|全文|骨子|ファクトシート|別添|別紙|成果文書|協定|覚書|議長総括|PDF|"
    r"Statement|Declaration|Joint (?:Press|Communiqu|Document|Readout)|Fact ?Sheet|Annex|Full text|Communiqu|"
    r"Agreement|Memorandum|Chair's Summary",
    re.I,
)


def _links(root: Element, url: str | None, site: Site) -> list[Link]:
    """Related documents: PDFs, statements and other releases linked from the text, not site navigation."""
    links: list[Link] = []
    seen: set[str] = {(url or "").split("#")[0]}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        place = _link_place(anchor, root)
        if place == "navigation":
            continue
        # Every test here is pure, so their order changes no answer: the cheap ones on the anchor's text go before
        # urljoin (a few thousand instructions of Python), which 'back to the list' links then never reach.
        text = one_line(strip_residue(text_of(anchor)))
        if not text or _is_back_link(text):
            continue
        target = join_url(url, href)
        if target is None or target.split("#")[0] in seen:
            continue
        if url and not target.startswith(("http://", "https://")):
            continue
        is_release = site.release_key(target) is not None and site.name != "generic" and place == "text"
        if not (_DOCUMENT_HREF.search(target) or _DOCUMENT_TEXT.search(text) or is_release):
            continue
        seen.add(target.split("#")[0])
        links.append(Link(text=text, url=target))
    return links


def join_url(base: str | None, href: str) -> str | None:
    """``href`` resolved against ``base``; None for a link no browser could follow ('http://[::1/x' makes
    urljoin raise), which is neither a related document nor a listed release."""
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return None


def _link_place(element: Element, root: Element) -> str:
    """'navigation' (menus, footers), 'related' (boxes of other pages: documents only) or 'text'."""
    place = "text"
    for ancestor in element.iterancestors():
        if ancestor is root:
            break
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if ancestor.tag in _DROP_TAGS or _navigation_marks(marks):
            return "navigation"
        if _chrome_marks(marks):
            place = "related"
    return place


# A Block straight from its fields: NamedTuple's generated __new__ is a Python frame per block (a third of the
# cost of making one), tuple.__new__ is what it calls.
_new_block: Callable[[type[Block], tuple[str, str, int, int | None]], Block] = tuple.__new__


class _BlockWriter:
    """Walks an element tree, turning block elements and <br> breaks into Blocks, in order.

    Blocks above ``title`` (category labels, breadcrumbs) are chrome: ``title_at`` is where the title starts.
    With ``residue`` False, texts go to clean() without strip_residue and are kept in ``texts`` (see _blocks).
    """

    def __init__(self, title: Element | None = None, residue: bool = True) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.tag = "p"
        self.depth = 0
        self.ordinal: int | None = None
        self.title = title
        self.title_at = 0
        self.residue = residue
        self.texts: list[str] = []

    def read(self, root: Element) -> list[Block]:
        """The blocks below ``root``, from the title on."""
        self.walk(root, 0)
        if self.parts:
            self.flush()
        return self.blocks[self.title_at :]

    def flush(self) -> None:
        raw = "".join(self.parts)
        self.parts.clear()
        if self._emit(raw, self.tag, self.depth, self.ordinal):
            self.ordinal = None  # later blocks of the same <li> are its continuation
            if self.tag == "li":
                self.tag = "p"

    def _emit(self, raw: str, tag: str, depth: int, ordinal: int | None) -> bool:
        """Append the lines of ``raw`` as blocks (only the first carries the <li> and its number); any?"""
        if self.residue:
            if raw.isspace():
                return False
            text = clean(strip_residue(raw))
        else:
            # clean(raw) with its common case written out: a call per block cost more than the tests. A stripped
            # text that is one line with no odd spacing is what clean() returns, and one block (the same test as
            # clean's fast path; tests/extract/test_page_fast.py compares with the blocks of clean() on every text).
            text = raw.strip()
            if not text:  # raw.isspace(): strip() and isspace() agree on what a space is
                return False
            self.texts.append(raw)
            if (
                ("\n" not in text and "\t" not in text and "\r" not in text) if text.isascii() else text.isprintable()
            ) and "  " not in text:
                self.blocks.append(_new_block(Block, (text, tag, depth, ordinal)))
                return True
            text = clean(raw)
        if not text:
            return False
        if "\n" not in text:  # one line, as most are
            self.blocks.append(_new_block(Block, (text, tag, depth, ordinal)))
            return True
        blocks = self.blocks
        for line in text.split("\n"):
            blocks.append(_new_block(Block, (line, tag, depth, ordinal)))
            ordinal = None
            if tag == "li":
                tag = "p"
        return True

    def walk(self, element: Element, list_depth: int) -> None:
        parts = self.parts  # the hot loop of page reading: flush only when there is text, leaves inline
        # Each read of .text, .tail or .tag makes a new str in lxml (decoding UTF-8): read each once.
        # Leading whitespace is stripped by clean() anyway: not collecting it saves a flush per block.
        text = element.text
        if text and (parts or not text.isspace()):
            parts.append(text)
        is_ol = element.tag == "ol"
        position = _ol_start(element) - 1 if is_ol else 0
        title = self.title
        for child in element:
            tag = child.tag
            if tag == "br":
                parts.append("\n")
            elif tag in _BLOCK_TAGS:
                if parts:
                    self.flush()
                if child is title:  # lxml hands out one proxy per node while it lives: identity is exact
                    self.title_at = len(self.blocks)
                if tag == "li":
                    position += 1
                    value = child.get("value", "")
                    if value.isdecimal():  # not isdigit(): '²' is a digit that int() refuses
                        position = int(value)
                if not len(child) and tag != "ul" and tag != "ol":  # a leaf block (most are): no state to save
                    text = child.text
                    if text:
                        if tag == "li":
                            self._emit(text, "li", list_depth, position if is_ol else None)
                        elif tag in _HEADINGS:
                            self._emit(text, "h", self.depth, None)
                        else:
                            self._emit(text, "p" if self.tag == "h" else self.tag, self.depth, self.ordinal)
                    if self.tag == "li":  # text after a nested block continues the item, unnumbered
                        self.tag, self.ordinal = "p", None
                else:
                    saved = (self.tag, self.depth, self.ordinal)
                    if tag == "li":
                        self.tag, self.depth = "li", list_depth
                        self.ordinal = position if is_ol else None
                        self.walk(child, list_depth)
                    elif tag == "ul" or tag == "ol":
                        self.walk(child, list_depth + 1)
                    else:
                        if tag in _HEADINGS:
                            self.tag, self.ordinal = "h", None
                        elif self.tag == "h":
                            self.tag = "p"
                        self.walk(child, list_depth)
                    if parts:
                        self.flush()
                    self.tag, self.depth, self.ordinal = saved
                    if self.tag == "li":  # text after a nested block continues the item, unnumbered
                        self.tag, self.ordinal = "p", None
            elif len(child):
                self.walk(child, list_depth)
            else:  # an inline leaf (<a>, <span>, <strong>): its text
                text = child.text
                if text:
                    parts.append(text)
            tail = child.tail
            if tail and (parts or not tail.isspace()):
                parts.append(tail)


def _ol_start(element: Element) -> int:
    """An <ol>'s start attribute, read as leniently as browsers do: one that is not a number counts from 1."""
    try:
        return int(element.get("start", "1") or 1)
    except ValueError:
        return 1


def _blocks(root: Element, title: Element | None = None) -> list[Block]:
    """The blocks below ``root`` from the title on (all of them when the title is not a block below it).

    Few pages hold link or photo residue. The walk first runs without strip_residue, keeping the texts it
    cleaned; when none of them holds a residue needle (one C scan of them all, joined by '\n', which no needle
    holds), strip_residue would have changed nothing. Otherwise the walk runs again with it.
    tests/extract/test_page_fast.py compares with a walk that strips every text.
    """
    writer = _BlockWriter(title, residue=False)
    blocks = writer.read(root)
    if _RESIDUE.may_match("\n".join(writer.texts)):
        blocks = _BlockWriter(title, residue=True).read(root)
    return blocks


def _date_span(line: str) -> str | None:
    """The date (and a clock time right after it) out of a meta line such as '2025年1月9日 10:00 編集部'; the
    whole line when its date is inconsistent (read_release reports that); None when it holds no date."""
    try:
        found = parse_date(line)
    except DateError:
        return line
    if found is None:
        return None
    times = _TIMES_AFTER_DATE.match(line, found.end)  # may match nothing: always a match
    return line[found.start : times.end() if times else found.end].strip()


def _date_line(blocks: list[Block], doc: Element) -> tuple[str | None, list[Block]]:
    for index, block in enumerate(blocks[:8]):
        if len(block.text) <= 80:
            span = _date_span(block.text)  # one parse: finding the date line and cutting its date out
            if span is not None:
                return span, blocks[:index] + blocks[index + 1 :]
    for getter in _DATE_FALLBACKS:
        value = getter(doc)
        if value:
            return value, blocks
    return None, blocks


_DATE_FALLBACKS: tuple[Callable[[Element], str | None], ...] = (
    lambda doc: next((one_line(text_of(t)) for t in doc.iter("time") if one_line(text_of(t))), None),
    lambda doc: next(
        (m.get("content") for m in doc.iter("meta") if m.get("property") == "article:published_time"), None
    ),
)
