"""The shortcuts of page reading are exact: each cheap test agrees with the work it stands in for.

Like tests/extract/test_fast_paths.py, on generated input: odd HTML trees (nested lists, <br>, inline
elements splitting words, comments, entities, whitespace) and text built from the rules' own pieces.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pressbot.extract import page, text
from pressbot.extract.page import Element

_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")


def _clean_reference(value: str) -> str:
    """clean() as first written: collapse every space run, then strip each line and drop empty ones."""
    value = _SPACES.sub(" ", value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in value.split("\n") if line.strip())


# Every ASCII control character, spaces in runs, and letters: the ASCII path of clean() tests only \t \r \n.
ASCII_TEXT = st.lists(st.sampled_from([chr(c) for c in range(0x20)] + ["\x7f", " ", "  ", "a", "b."])).map("".join)


@given(ASCII_TEXT)
@settings(max_examples=600, deadline=None)
def test_clean_ascii_fast_path_agrees_with_the_full_rule(value: str) -> None:
    assert text.clean(value) == _clean_reference(value)


# Pieces of text that sit close to the rules of page reading: residue needles whole and cut in two (an inline
# element or a comment between the halves), entities spelling them, spaces of every kind, dates, back links.
_WORDS = [
    "", " ", "  ", "\n", "\t", "\u3000", "\u00a0", "\u200b", "x", "1", "(1)", "ア", "会談を行いました。",
    "別ウィンドウで開く", "別ウィン", "ドウで開く", "(Open a new window)", "(Open a new ", "window)", "(Photo: MOFA)",
    "(Photo", ": MOFA)", "（写真提供：内閣広報室）", "（写真", "提供：内閣）", "&#x30A6;ィンドウ", "Pho&#116;o",
    "win&#100;ow",
    "Back to top", "Related Articles", "Print", "令和7年7月18日", "&amp;", "<!-- c -->", "ſ",
]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=4).map("".join)


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    """HTML: random nesting of p / div / ul / ol / li / br / h3 / span / a / strong around _TEXT."""
    out = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 1))):
        if depth > 4 or draw(st.booleans()):
            out.append(draw(_TEXT))
            continue
        tag = draw(st.sampled_from(["p", "div", "ul", "ol", "li", "br", "h3", "span", "a", "strong", "h1"]))
        if tag == "br":
            out.append("<br>")
            continue
        attrs = draw(st.sampled_from(["", ' start="3"', ' value="7"', ' class="share"', ' id="main"']))
        out.append(f"<{tag}{attrs}>{draw(_trees(depth + 1))}</{tag}>")
    return "".join(out)


def _blocks_with_every_check(root: Element, title: Element | None) -> list[tuple[object, ...]]:
    """The walk with strip_residue run on every text, as it was before the page-wide residue test."""
    return [tuple(block) for block in page._BlockWriter(title, residue=True).read(root)]


@given(_trees())
@settings(max_examples=1500, deadline=None)
def test_the_page_wide_residue_test_changes_no_block(tree: str) -> None:
    root = page.parse_html(f"<html><body><div>{tree}</div></body></html>")
    body = root.find("body")
    title = next(body.iter("h1"), None)
    try:
        expected = _blocks_with_every_check(body, title)
    except ValueError:  # <ol start> or <li value> that is not a number: the walk raises either way
        return
    assert [tuple(block) for block in page._blocks(body, title)] == expected


@given(st.binary(max_size=200) | st.text(max_size=100).map(lambda value: value.encode("utf-8", "surrogatepass")))
@settings(max_examples=500, deadline=None)
def test_control_bytes_are_looked_for_before_they_are_deleted(data: bytes) -> None:
    assert page._without_c0(data) == data.translate(None, page._C0_BYTES)


# Lines near the back-link rule: its words in several cases (\u212a is the Kelvin sign, ſ the long s), brackets,
# spaces, and the Japanese endings, glued to ordinary text.
_LINK_PIECES = st.sampled_from(
    ["Back", "BACK", "Bac\u212a", "back to", "Back to top", "Return to", "return to list", "Page Top", "Top of page",
     "Print", "Print this page", "Share", "ſhare", "Tweet", "List", "Read more", "Source", "Japanese", "English",
     "Korean", "KOREAN", "한국어", "日本語", "英語", "印刷", "シェア", "ツイート", "一覧へ戻る", "トップへ戻る",
     "ページの先頭へ", "発信元サイトへ", "元記事を読む", "続きを読む", "<", "＜", "«", ">", "＞", "»", " ", "  ",
     "\u3000", "\n", "x", "。", "会談", "1"]
)
LINK_LIKE_TEXT = st.lists(_LINK_PIECES, max_size=6).map("".join)


@given(st.one_of(LINK_LIKE_TEXT, st.from_regex(page._BACK_LINK, fullmatch=True), st.from_regex(page._BACK_LINK)))
@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
def test_back_link_prefilter_lets_every_match_through(line: str) -> None:
    assert page._is_back_link(line) == (page._BACK_LINK.match(line) is not None)


def test_the_control_characters_listed_are_those_the_pattern_matches() -> None:
    matched = {char for char in map(chr, range(0x10000)) if page._CONTROL.match(char)}
    assert matched == set(page._CONTROL_CHARS)


@given(st.text(alphabet=st.sampled_from([*page._CONTROL_CHARS, "\t", "\n", "\r", "\x7f", "a", "。", "\ufffe"])))
@settings(max_examples=300, deadline=None)
def test_controls_are_counted_as_the_pattern_counts_them(head: str) -> None:
    assert page._controls(head) == len(page._CONTROL.findall(head))


@given(st.one_of(st.binary(max_size=20), st.text(max_size=20)))
@settings(max_examples=500, deadline=None)
def test_empty_content_is_told_without_strip(content: bytes | str) -> None:
    assert (not content or content.isspace()) == (not content.strip())


# Bytes a page may come as: markup, UTF-8 text, bytes that are not UTF-8, a BOM, an XML declaration, C0 controls,
# a literal U+FFFD.
_SOURCE_PIECES = st.sampled_from([
    b"<html><body>", b"<p>", b"</p>", b"<h1>", b"</h1>", b"\xe4\xbc\x9a\xe8\xab\x87", b"caf\xc3\xa9", b"a", b" ",
    b"\n", b"\xff", b"\x82\xa0", b"\xe4\xbc", b"\xef\xbb\xbf", b'<?xml version="1.0" encoding="utf-8"?>', b"\x01",
    b"\x0b", b"\xef\xbf\xbd", b"&amp;", b"<br>", b'<meta charset="utf-8">',
])


@given(st.lists(_SOURCE_PIECES, min_size=1, max_size=25).map(b"".join))
@settings(max_examples=400, deadline=None)
def test_utf8_source_bytes_parse_as_the_decoded_text_does(source: bytes) -> None:
    try:
        decoded, encoding = page.decode(source, "text/html; charset=utf-8")
    except page.ExtractError:
        return
    if encoding != "utf-8":
        return
    assert etree.tostring(page.parse_html(decoded, source)) == etree.tostring(page.parse_html(decoded))
