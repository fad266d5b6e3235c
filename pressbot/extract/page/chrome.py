"""Site chrome and pages that are not releases: link and photo residue, back links, chrome headings that end the
body (``Ranking``, ``関連記事``), chrome elements by class / id / role, and blocked, challenge and error pages.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from pressbot.errors import ExtractError
from pressbot.extract import vocab
from pressbot.extract.blocks import Block
from pressbot.extract.page.document import Element
from pressbot.extract.text import Guarded, starting_with
from pressbot.sites.base import Site

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
_CHROME = vocab.load("chrome")
# Text blocks that are navigation residue, not release text (chrome.toml [residue]).
_RESIDUE = Guarded(
    re.compile(
        "|".join(rf"[(（]?{re.escape(word)}[)）]?" for word in _CHROME["residue"]["links"])
        + "|"
        + "|".join(rf"[(（]{re.escape(word)}[:：][^)）]*[)）]" for word in _CHROME["residue"]["credits"])
    ),
    # Each match holds its word; a longer needle skips further in the scan of a page's text.
    (*_CHROME["residue"]["links"], *_CHROME["residue"]["credits"]),
)


def strip_residue(text: str) -> str:
    """Remove link and photo residue (most text has none: the guard looks before the pattern runs)."""
    return _RESIDUE.sub("", text)


# Back links (chrome.toml [back_links]): any 'X へ/に戻る', 'Back to X', 'Return to X', or one of the phrases.
_BACK_LINK_PHRASES = sorted(_CHROME["back_links"]["phrases"], key=len, reverse=True)
_BACK_LINK = re.compile(
    r"^(?:[<＜«]\s{0,3})?(?:.{1,30}(?:へ|に)戻る|Back to .{1,60}|Return to .{1,60}|"
    + "|".join(re.escape(phrase) for phrase in _BACK_LINK_PHRASES)
    + r")\s{0,3}[>＞»]?$",
    re.I,
)
# _BACK_LINK matches nothing longer: 'Return to ' + 60 (or the longest phrase), two brackets, 6 spaces.
_BACK_LINK_MAX = max(70, *map(len, _BACK_LINK_PHRASES)) + 10
# Every _BACK_LINK match opens with a bracket or, for 'Back to …' and 'Return to …' (which end in anything),
# with b or r; trailing spaces aside, every other one ends in a bracket, る (戻る) or a phrase's last character,
# in any case re.I matches (\u212a is the Kelvin sign, which re.I matches to k).
_BACK_LINK_OPEN = frozenset("<＜«" + vocab.case_variants("b") + vocab.case_variants("r"))
_BACK_LINK_LAST = frozenset(">＞»る" + "".join(vocab.case_variants(phrase[-1]) for phrase in _BACK_LINK_PHRASES))


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
_HEADINGS = _CHROME["chrome_headings"]
_CHROME_HEADING = re.compile(
    "^(?:"
    + "|".join(
        [
            *(re.escape(word) for word in _HEADINGS["openings"]),
            *(re.escape(word) + r"\s*[:：]" for word in _HEADINGS["labels"]),
            *(re.escape(word) + "$" for word in _HEADINGS["whole"]),
        ]
    )
    + ")",
    re.I,
)
# Every _CHROME_HEADING match opens with one of these pairs of characters, in any case re.I matches (ſ is a long
# s): other blocks skip the pattern. Pairs, not first characters: 'The', 'State', 'Minister' and 'President' open
# many English sentences, and their second letter rules them out.
_CHROME_HEADING_OPENINGS = frozenset(
    first + second
    for word in (*_HEADINGS["openings"], *_HEADINGS["labels"], *_HEADINGS["whole"])
    for first in vocab.case_variants(word[0])
    for second in vocab.case_variants(word[1])
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
_TAG_OR_SPACES = re.compile(r"<[^>]+>|\s+")


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


_NAVIGATION = re.compile(
    r"breadcrumb|topicpath|pankuzu|g-?nav|global|menu|footer|header|share|sns|social|ranking|"
    r"pager|pagination|side|tag|popular",
    re.I,
)
