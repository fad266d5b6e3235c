"""Read a page: decode it, find the title, the date line and the body blocks; drop the site chrome.

Works on HTML (site selectors when known, text density otherwise) and on plain text (a copied release).
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from cssselect import GenericTranslator  # ships with parsel
from lxml import etree
from w3lib.encoding import html_to_unicode

from pressbot.errors import ExtractError
from pressbot.extract.blocks import Block
from pressbot.extract.dates import DateError, parse_date
from pressbot.extract.text import Guarded, clean, one_line, starting_with
from pressbot.models import Link
from pressbot.sites.base import Site

MAX_BYTES = 8 * 1024 * 1024

_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "hr",
        "figure",
        "figcaption",
        "address",
        "center",
        "header",
        "footer",
        "aside",
        "nav",
        "form",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
    "nav",
    "header",
    "footer",
    "aside",
    "object",
    "embed",
    "canvas",
    "input",
    "textarea",
)
_CHROME_ATTR = starting_with(  # class/id/role words of site chrome; the lookahead skips other positions
    "btpgsmfhrwca",
    r"breadcrumb|bread|topicpath|pankuzu|g-?nav|global-?nav|side-?(bar|nav|menu)|sidebar|menu|footer|"
    r"\bheader\b|site-header|share|sns|social|ranking|related|pagetop|page-top|skip|print|banner|pager|"
    r"pagination|widget|cookie|popular|tag-?list|tags\b|announcement-bar|search",
    re.I,
)
# Text blocks that are navigation residue, not release text.
_RESIDUE = Guarded(
    re.compile(
        r"[(（]?別ウィンドウで開く[)）]?|[(（]?新しいウィンドウで開きます[)）]?|\(?Open a new window\)?|"
        r"[(（]写真提供[:：][^)）]*[)）]|\(Photo:[^)]*\)"
    ),
    # The longest literal of each branch: a longer needle skips further in the scan of a page's text (about 50,000
    # instructions a page less than 'ウィンドウ', 'Photo', 'window').
    ("ウィンドウで開", "写真提供", "(Photo:", "Open a new window"),
)


def strip_residue(text: str) -> str:
    """Remove link and photo residue (most text has none: the guard looks before the pattern runs)."""
    return _RESIDUE.sub("", text)


_BACK_LINK = re.compile(
    r"^(?:[<＜«]\s{0,3})?(?:.{1,30}(?:へ|に)戻る|Back to .{1,60}|Return to .{1,60}|報道発表(?:一覧)?へ戻る|"
    r"(?:この)?ページの(?:トップ|先頭)へ(?:戻る)?|前のページへ戻る|"
    r"一覧(?:へ|に)戻る|リストへ戻る|Back to (?:Press Releases|top|list|Top of Page)|Back|Return to list|"
    r"Page Top|Top of page|Print|印刷|シェア|Share|Tweet|ツイート|List|"
    r"(?:発信元|元|情報源の)(?:サイト|記事|ページ)(?:へ|を(?:見る|読む))|"
    r"続きを読む|Read more|Source|Japanese|English|日本語|英語|한국어|Korean|Print this page)\s{0,3}[>＞»]?$",
    re.I,
)
_BACK_LINK_MAX = 80  # _BACK_LINK matches nothing longer: 'Return to ' + 60, two brackets, 6 spaces
# Every _BACK_LINK match opens with a bracket or, for 'Back to …' and 'Return to …' (which end in anything),
# with b or r; trailing spaces aside, every other one ends in one of _BACK_LINK_LAST (\u212a is the Kelvin sign,
# which re.I matches to k).
_BACK_LINK_OPEN = frozenset("<＜«bBrR")
_BACK_LINK_LAST = frozenset(">＞»るへむ刷アト語어kK\u212apPeEtThHnN")


def _is_back_link(text: str) -> bool:
    """A 'back to the list', 'print' or 'share' line.

    The regex tries its ~35 branches on every short block (~4,000 instructions on a short Japanese sentence);
    the first and last characters rule out most lines first (tests/extract/test_page_fast.py).
    """
    if len(text) > _BACK_LINK_MAX:
        return False
    if text[:1] not in _BACK_LINK_OPEN and text.rstrip()[-1:] not in _BACK_LINK_LAST:
        return False
    return _BACK_LINK.match(text) is not None


# A heading after which the rest of the page is other headlines (rankings, related articles, tags).
_CHROME_HEADING = re.compile(
    r"^(?:Ranking|ランキング|読まれている記事|人気記事|関連記事|おすすめ記事|新着記事|最新記事|"
    r"Related (?:Articles|Stories|Content)|"
    r"Most Read|Popular|Tags?\s*:|タグ\s*[:：]|この記事をシェア|Share this|Related (?:Documents?|Links?|Information)$|"
    r"関連(?:リンク|文書|資料|情報)$)",
    re.I,
)
# Every _CHROME_HEADING match opens with one of these pairs of characters, in any case re.I matches (ſ is a long
# s): other blocks skip the pattern. Pairs, not first characters: 'The', 'State', 'Minister' and 'President' open
# many English sentences, and their second letter rules them out.
_CHROME_HEADING_OPENINGS = frozenset(
    first + second
    for firsts, seconds in (
        ("Rr", "Aa"),  # Ranking
        ("Rr", "Ee"),  # Related
        ("Mm", "Oo"),  # Most Read
        ("Pp", "Oo"),  # Popular
        ("Tt", "Aa"),  # Tags:
        ("Ssſ", "Hh"),  # Share this
        ("ラ", "ン"),
        ("読", "ま"),
        ("人", "気"),
        ("関", "連"),
        ("お", "す"),
        ("新", "着"),
        ("最", "新"),
        ("タ", "グ"),
        ("こ", "の"),
    )
    for first in firsts
    for second in seconds
)
_CHROME_HEADING_FIRST = frozenset(opening[0] for opening in _CHROME_HEADING_OPENINGS)
_CHALLENGE = Guarded(
    re.compile(
        r"Just a moment\.\.\.|Attention Required! \| Cloudflare|cf-browser-verification|cf_chl_|"
        r"challenge-platform|Access Denied|You don't have permission to access|Request unsuccessful\. Incapsula|"
        r"Technical Difficulties|Too Many Requests|Request Rejected|The requested URL was rejected|"
        r"Checking your browser",
        re.I,
    ),
    (
        "just a moment",
        "attention required",
        "cf-browser",
        "cf_chl_",
        "challenge-platform",
        "access denied",
        "permission to access",
        "incapsula",
        "technical difficulties",
        "too many requests",
        "request rejected",
        "was rejected",
        "checking your browser",
    ),
)
# Markup only challenge pages carry; plain substring tests (a regex alternation scans 20 KB far slower).
_CHALLENGE_MARKUP = (
    "cf-browser-verification",
    "cf_chl_",
    "challenge-platform",
    "_Incapsula_Resource",
    "Request unsuccessful. Incapsula",
)
_CHALLENGE_NEEDLES = ("cf-browser-verification", "cf_chl_", "challenge-platform", "Incapsula")
_HEAD_SIZE = 20000  # the blocked-page check reads this much of the page
_ERROR_PAGE = Guarded(
    re.compile(
        r"\b(?:40[0-9]|50[0-9])\b|Not Found|Forbidden|Service Unavailable|Internal Server Error|"
        r"Bad Gateway|ページが見つかりません|見つかりませんでした|エラー",
        re.I,
    ),
    (
        "40",
        "50",
        "not found",
        "forbidden",
        "service unavailable",
        "internal server error",
        "bad gateway",
        "見つかりません",
        "エラー",
    ),
)
_REFUSAL = re.compile(r"\b(?:401|403|429|503)\b|Forbidden|Unauthorized|Too Many Requests|Service Unavailable", re.I)
# Tag names in ASCII either case, spelled out: with re.I the scan of 20 KB could not skip to each '<'.
_HEADLINES = re.compile(r"<(?:[Tt][Ii][Tt][Ll][Ee]|[Hh]1)[^>]*>(.*?)</(?:[Tt][Ii][Tt][Ll][Ee]|[Hh]1)>", re.S)
_TAGS_AND_SPACE = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>|\s+", re.S | re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")
_CONTROL_CHARS = (*map(chr, range(0x00, 0x09)), *map(chr, range(0x0E, 0x20)), "\ufffd")  # what _CONTROL matches
# C0 controls that lxml refuses in text. In UTF-8 these bytes never occur inside a multi-byte character, so
# deleting them from the encoded bytes (bytes.translate, a C loop) is exact and much cheaper than a regex.
_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C0_EACH = tuple(bytes([byte]) for byte in _C0_BYTES)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|div|p\b|title|article)", re.I | re.S)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_TAG_OR_SPACES = re.compile(r"<[^>]+>|\s+")
_TITLE_SEPARATOR = re.compile(r"\s+[|｜\-–—:：]\s+")  # 'Title | Site name' in <title>
_TIMES_AFTER_DATE = re.compile(r"(?:,?\s*(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|[(（][^)）]{1,4}[)）]))*")
# Plain lxml.etree elements: lxml.html's Python-level element classes cost a lookup per node visited.
Element = etree._Element
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


def check_not_blocked(text: str, url: str | None, site: Site) -> None:
    """Challenge, error and decoy pages are never releases, whatever their status (often 200).

    Judged by the page's own headline (<title>, first <h1>, or the first line of text) and by challenge
    markup, so a release that merely mentions 'access denied' is still read.
    """
    # The first _HEAD_SIZE characters are read in place (finditer's endpos, find's end): no 40 KB copy of them.
    headline = " ".join(m.group(1) for m in _HEADLINES.finditer(text, 0, _HEAD_SIZE))
    headline = _TAG_OR_SPACES.sub(" ", headline or text[:_HEAD_SIZE].lstrip()[:200])
    if (
        _has_challenge_markup(text)
        or any(m in headline for m in site.blocked_markers)
        or (_CHALLENGE.search(headline) and _short(text[:_HEAD_SIZE]))
    ):
        raise ExtractError("blocked", "the page is a block, challenge or decoy page", url=url)
    if _ERROR_PAGE.search(headline) and _short(text[:_HEAD_SIZE]):
        reason = "blocked" if _REFUSAL.search(headline) else "not_a_release"  # refused vs. missing or broken
        raise ExtractError(reason, f"the page is an error page ({headline.strip()[:60]})", url=url)


def _has_challenge_markup(text: str) -> bool:
    """Whether the first _HEAD_SIZE characters hold one of _CHALLENGE_MARKUP.

    Each marker holds one of _CHALLENGE_NEEDLES (both Incapsula markers hold 'Incapsula'): four scans of the
    page instead of five (each ~27,000 instructions on 20 KB held as UCS-2), and the markers themselves are
    looked for only on a page that holds a needle. tests/extract/test_page_fast.py compares with the five scans.
    """
    for needle in _CHALLENGE_NEEDLES:
        if text.find(needle, 0, _HEAD_SIZE) >= 0:
            head = text[:_HEAD_SIZE]
            return any(marker in head for marker in _CHALLENGE_MARKUP)
    return False


def _short(html: str) -> bool:
    """Under 3,000 visible characters: the size of an error or challenge page, not of a release."""
    return len(_TAGS_AND_SPACE.sub("", html)) < 3000


def read_page(
    text: str,
    url: str | None,
    site: Site,
    *,
    is_html: bool = True,
    encoding: str = "utf-8",
    utf8_source: bytes | None = None,
) -> Page:
    """The page's title, date line, blocks and links. ``utf8_source``: see parse_html."""
    check_not_blocked(text, url, site)
    page = _read_html(text, url, site, utf8_source) if is_html else _read_text(text)
    page.encoding = encoding
    if not page.title:
        raise ExtractError("missing_structure", "no title found", url=url, selector=site.title)
    return page


# ---------------------------------------------------------------- plain text


def _read_text(text: str) -> Page:
    lines = [line for line in clean(strip_residue(text)).split("\n") if line]
    if not lines:
        raise ExtractError("empty", "the text has no content")
    title = lines[0]
    date_at = next((i for i, line in enumerate(lines[1:6], 1) if len(line) <= 40 and _has_date(line)), None)
    rest = _reflow(lines[date_at + 1 :] if date_at is not None else lines[1:])
    blocks = _cut_chrome([Block(line, "line") for line in rest])
    return Page(title=title, date_text=lines[date_at] if date_at is not None else None, blocks=blocks, is_html=False)


_SENTENCE_DONE = re.compile(r"[。．.!?！？:：」』]$")
_STARTS_POINT = re.compile(
    r"^(?:[0-9０-９]{1,2}(?:[.．\s　]|$)|[(（][0-9０-９a-zア-ン]{1,2}[)）]|[①-⑳]|[ア-ン][\s　]|[-•・°*※])"
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_OPEN_WORD = re.compile(r"\b(?:for|of|the|and|with|to|a|an|in|on|at|by|from|as|that|his|her|their|its)$")


def _reflow(lines: list[str]) -> list[str]:
    """Re-join sentences a copy broke across lines (a long line that stops mid-sentence continues below)."""
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        open_paren = previous.count("(") + previous.count("（") > previous.count(")") + previous.count("）")
        if (
            (len(previous) >= 20 or open_paren)
            and not _SENTENCE_DONE.search(previous)
            and not _STARTS_POINT.match(line)
            and not _CHROME_HEADING.match(line)
            and (
                _CJK.search(previous.rstrip(")）")[-1:] + line[:1])
                or previous[-1] in "、，,"
                or line[:1].islower()
                or open_paren
                or _OPEN_WORD.search(previous)
                or (previous[-1].isdigit() and line[:1].isdigit() and _CJK.search(previous[-3:]))
            )
        ):
            joined_word = _CJK.search(previous[-1] + line[:1]) or (previous[-1].isdigit() and line[:1].isdigit())
            out[-1] = previous + ("" if joined_word else " ") + line
        else:
            out.append(line)
    return out


def _has_date(text: str) -> bool:
    try:
        return parse_date(text) is not None
    except DateError:
        return True


def _cut_chrome(blocks: list[Block], drop: tuple[str | None, ...] = ()) -> list[Block]:
    """The blocks before the first chrome heading ('関連記事', 'Ranking'), without back links and the ``drop``
    texts (the title and date line, which the page reports on their own): one pass over the blocks."""
    kept: list[Block] = []
    for block in blocks:
        text = block.text
        if (
            text
            and text[0] in _CHROME_HEADING_FIRST  # one character: a cached str, no new one as text[:2] makes
            and text[:2] in _CHROME_HEADING_OPENINGS
            and _CHROME_HEADING.match(text)
        ):
            break
        if len(text) <= _BACK_LINK_MAX and _is_back_link(text):  # most blocks are longer: no call for them
            continue
        if text in drop:
            continue
        kept.append(block)
    return kept


# ---------------------------------------------------------------- HTML


def _read_html(text: str, url: str | None, site: Site, utf8_source: bytes | None = None) -> Page:
    try:
        doc = parse_html(text, utf8_source)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError("not_a_release", f"unparseable HTML ({exc})", url=url) from None
    title = _first_text(doc, site.title) if site.title else None
    if site.title and not title:
        raise ExtractError("missing_structure", "the title selector matched nothing", url=url, selector=site.title)
    date_text = _first_text(doc, site.date_line) if site.date_line else None
    if site.date_line and not date_text:
        raise ExtractError("missing_structure", "the date selector matched nothing", url=url, selector=site.date_line)
    doctype = _first_text(doc, site.doctype) if site.doctype else None
    # No comment or processing instruction to drop: _PARSER makes none (tests/extract/test_page_fast.py); looking
    # for them walked the whole tree (about 34,000 instructions a page).
    root = _content_root(doc, site, url)
    title_el = _title_element(root, doc)
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


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


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


def _densest(body: Element) -> Element:
    """The element holding most paragraph text (a readability-style score), for unknown layouts."""
    scores: dict[Element, float] = {}
    for element in body.iter("p", "li", "dd", "td", "pre", "div", "br"):
        if element.tag == "div" and any(child.tag in _BLOCK_TAGS for child in element):
            continue
        text = text_of(element) if element.tag != "br" else (element.tail or "")
        link_text = sum(len(text_of(a)) for a in element.iter("a")) if element.tag != "br" else 0
        weight = max(len(text.strip()) - 2 * link_text, 0)
        parent = element.getparent()
        if parent is None or not weight:
            continue
        scores[parent] = scores.get(parent, 0) + weight
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + weight / 2
    if not scores:
        return body
    best = max(scores, key=scores.__getitem__)
    # A title and date line usually sit just above the text: widen to the parent when it holds the h1.
    parent = best.getparent()
    if best.find(".//h1") is None and parent is not None and parent.find(".//h1") is not None and parent is not body:
        return parent
    return best


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


@functools.lru_cache(maxsize=1024)
def _chrome_marks(marks: str) -> bool:
    """Whether class / id / role words mark site chrome.

    A search tries every branch of _CHROME_ATTR at each position its lookahead lets through (10,000-20,000
    instructions for a class name of the benchmark corpus), and a site repeats the same few class names on
    every page: the answer is kept per string.
    """
    return bool(marks.strip() and _CHROME_ATTR.search(marks))


@functools.lru_cache(maxsize=1024)
def _navigation_marks(marks: str) -> bool:
    """Whether class / id words mark a menu, footer or other navigation (cached as _chrome_marks is)."""
    return bool(marks.strip() and _NAVIGATION.search(marks))


def _strip_chrome(root: Element) -> None:
    for bad in list(root.iter(*_DROP_TAGS)):
        _drop(bad)
    for element in list(root.iter(etree.Element)):
        # Only elements with attributes can be marked as chrome. keys() tells that without making the .attrib
        # proxy (about 23,000 instructions a page less).
        if element is root or not element.keys():
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        if _chrome_marks(marks) and element.getparent() is not None:
            _drop(element)


_DOCUMENT_HREF = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?)(?:$|[?#])", re.I)
_DOCUMENT_TEXT = re.compile(
    r"声明|宣言|ステートメント|共同(?:発表|文書|記者発表)|全文|骨子|ファクトシート|別添|別紙|成果文書|協定|覚書|議長総括|PDF|"
    r"Statement|Declaration|Joint (?:Press|Communiqu|Document|Readout)|Fact ?Sheet|Annex|Full text|Communiqu|"
    r"Agreement|Memorandum|Chair's Summary",
    re.I,
)
_NAVIGATION = re.compile(
    r"breadcrumb|topicpath|pankuzu|g-?nav|global|menu|footer|header|share|sns|social|ranking|"
    r"pager|pagination|side|tag|popular",
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
