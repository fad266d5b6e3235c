"""Bytes to text and text to a tree: size / empty / binary refusals, BOM → HTTP charset → ``<meta>`` → UTF-8 →
Japanese and Korean legacy charsets, the HTML-or-text sniff, and the lxml parse (C0 controls removed).
"""

from __future__ import annotations

import codecs
import re

from lxml import etree
from w3lib.encoding import html_to_unicode

from pressbot.errors import ExtractError
from pressbot.extract.page.document import Element

MAX_BYTES = 8 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_CONTROL_CHARS = (*map(chr, range(0x00, 0x09)), *map(chr, range(0x0E, 0x20)), "\ufffd")  # what _CONTROL matches
# C0 controls that lxml refuses in text. In UTF-8 these bytes never occur inside a multi-byte character, so
# deleting them from the encoded bytes (bytes.translate, a C loop) is exact and much cheaper than a regex.
_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C0_EACH = tuple(bytes([byte]) for byte in _C0_BYTES)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|div|p\b|title|article)", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")


def parse_html(text: str, utf8_source: bytes | None = None) -> Element:
    """The document element of an HTML string (an empty <html> for nothing parseable).

    ``utf8_source``: the bytes ``text`` was decoded from as UTF-8, when the caller has them. When they are
    exactly its UTF-8 form (no byte was replaced, no BOM, no XML declaration to drop) they are parsed as they
    are: encoding the text again costs about 2% of reading a page.
    """
    if utf8_source is not None and _is_utf8_form(text, utf8_source):
        data = _without_c0(utf8_source)
    else:
        data = _without_c0(_XML_DECL.sub("", text).encode("utf-8", "replace"))
    root = etree.fromstring(data or b"<html></html>", _PARSER)
    return root if root is not None else etree.fromstring(b"<html></html>", _PARSER)


def _is_utf8_form(text: str, source: bytes) -> bool:
    """Whether ``source``, which ``text`` was decoded from as UTF-8 (replacing bad bytes), is ``text``'s UTF-8
    form and needs no XML declaration removed: no U+FFFD in ``text`` means no byte was replaced."""
    return not source.startswith(codecs.BOM_UTF8) and "\ufffd" not in text and not _XML_DECL.match(text)


def _without_c0(data: bytes) -> bytes:
    """``data`` without the C0 controls lxml refuses in text.

    Pages rarely hold any: a memchr scan for each (SIMD, in C) finds that out at half the cost of the
    bytes.translate that would copy the whole page to delete nothing.
    """
    for byte in _C0_EACH:
        if byte in data:
            return data.translate(None, _C0_BYTES)
    return data


def decode(content: bytes | str, content_type: str | None = None, url: str | None = None) -> tuple[str, str]:
    """Bytes to text: BOM, then the HTTP charset, then <meta>, then UTF-8, then the Japanese legacy charsets.

    Content that is too large, empty or not text at all is an ExtractError here, for every reader.
    """
    if len(content) > MAX_BYTES:
        raise ExtractError("too_large", f"{len(content)} bytes is over the {MAX_BYTES} byte limit", url=url)
    # 'not x.strip()', without copying the page when it ends in a newline (isspace() uses the same spaces)
    if not content or content.isspace():
        raise ExtractError("empty", "the content is empty", url=url)
    if isinstance(content, str):
        text, encoding = content, "utf-8"
    else:
        if b"\x00" in content[:8192] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ExtractError("binary", "the content is binary, not text or HTML", url=url)
        encoding, text = html_to_unicode(content_type, content, auto_detect_fun=_guess_encoding)
    if not text or text.isspace():
        raise ExtractError("empty", "the content is empty", url=url)
    if _controls(text[:4096]) > 40:
        raise ExtractError("binary", "the content is not text (control characters or undecodable bytes)", url=url)
    return text, encoding


def _controls(head: str) -> int:
    """How many control characters and U+FFFD ``head`` holds.

    Text rarely holds any: a scan for each (memchr, in C) tells, at a tenth of the cost of the regex that
    counts them.
    """
    for char in _CONTROL_CHARS:
        if char in head:
            return len(_CONTROL.findall(head))
    return 0


def _guess_encoding(data: bytes) -> str | None:
    for candidate in ("utf-8", "cp932", "euc_jp", "euc_kr"):
        try:
            data.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return None


def looks_like_html(content: bytes | str) -> bool:
    head = content[:2048] if isinstance(content, bytes) else content[:2048].encode("utf-8", "replace")
    return bool(_HTML_SNIFF.match(head))
