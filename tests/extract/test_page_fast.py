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


# Words spaced by U+3000 and other spaces, alone or in runs, with line breaks and spaces clean() does not collapse.
IDEOGRAPHIC_SPACED_TEXT = st.lists(
    st.sampled_from(["\u3000", "\u3000\u3000", " ", "1", "人的交流", "a", "\u00a0", "\u200b", "\n", "\r", "\x85", "\t"])
).map("".join)


@given(IDEOGRAPHIC_SPACED_TEXT)
@settings(max_examples=600, deadline=None)
def test_clean_ideographic_space_path_agrees_with_the_full_rule(value: str) -> None:
    assert text.clean(value) == _clean_reference(value)


# Every ASCII control character, spaces in runs, and letters: the ASCII path of clean() tests only \t \r \n.
ASCII_TEXT = st.lists(st.sampled_from([chr(c) for c in range(0x20)] + ["\x7f", " ", "  ", "a", "b."])).map("".join)


@given(ASCII_TEXT)
@settings(max_examples=600, deadline=None)
def test_clean_ascii_fast_path_agrees_with_the_full_rule(value: str) -> None:
    assert text.clean(value) == _clean_reference(value)


# Pieces of text that sit close to the rules of page reading: residue needles whole and cut in two (an inline
# element or a comment between the halves), entities spelling them, spaces of every kind, dates, back links.
_WORDS = [
    "",
    " ",
    "  ",
    "\n",
    "\t",
    "\u3000",
    "\u00a0",
    "\u200b",
    "x",
    "1",
    "(1)",
    "ア",
    "会談を行いました。",
    "別ウィンドウで開く",
    "別ウィン",
    "ドウで開く",
    "(Open a new window)",
    "(Open a new ",
    "window)",
    "(Photo: MOFA)",
    "(Photo",
    ": MOFA)",
    "（写真提供：内閣広報室）",
    "（写真",
    "提供：内閣）",
    "&#x30A6;ィンドウ",
    "Pho&#116;o",
    "win&#100;ow",
    "Back to top",
    "Related Articles",
    "Print",
    "令和7年7月18日",
    "&amp;",
    "<!-- c -->",
    "ſ",
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


def _body_and_title(tree: str) -> tuple[Element, Element | None]:
    """The <body> of a page around a generated tree, and its first <h1> (the title the walk leaves out)."""
    body = page.parse_html(f"<html><body><div>{tree}</div></body></html>").find("body")
    return body, next(body.iter("h1"), None)


def _blocks_with_every_check(root: Element, title: Element | None) -> list[tuple[object, ...]]:
    """The walk with strip_residue run on every text, as it was before the page-wide residue test."""
    return [tuple(block) for block in page._BlockWriter(title, residue=True).read(root)]


@given(_trees())
@settings(max_examples=1500, deadline=None)
def test_the_page_wide_residue_test_changes_no_block(tree: str) -> None:
    body, title = _body_and_title(tree)
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
    [
        "Back",
        "BACK",
        "Bac\u212a",
        "back to",
        "Back to top",
        "Return to",
        "return to list",
        "Page Top",
        "Top of page",
        "Print",
        "Print this page",
        "Share",
        "ſhare",
        "Tweet",
        "List",
        "Read more",
        "Source",
        "Japanese",
        "English",
        "Korean",
        "KOREAN",
        "한국어",
        "日本語",
        "英語",
        "印刷",
        "シェア",
        "ツイート",
        "一覧へ戻る",
        "トップへ戻る",
        "ページの先頭へ",
        "発信元サイトへ",
        "元記事を読む",
        "続きを読む",
        "<",
        "＜",
        "«",
        ">",
        "＞",
        "»",
        " ",
        "  ",
        "\u3000",
        "\n",
        "x",
        "。",
        "会談",
        "1",
    ]
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
_SOURCE_PIECES = st.sampled_from(
    [
        b"<html><body>",
        b"<p>",
        b"</p>",
        b"<h1>",
        b"</h1>",
        b"\xe4\xbc\x9a\xe8\xab\x87",
        b"caf\xc3\xa9",
        b"a",
        b" ",
        b"\n",
        b"\xff",
        b"\x82\xa0",
        b"\xe4\xbc",
        b"\xef\xbb\xbf",
        b'<?xml version="1.0" encoding="utf-8"?>',
        b"\x01",
        b"\x0b",
        b"\xef\xbf\xbd",
        b"&amp;",
        b"<br>",
        b'<meta charset="utf-8">',
    ]
)


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


# ------------------------------------------------------------------------------------ the blocked-page check


def _check_not_blocked_as_written(text: str, url: str | None, site) -> None:
    """check_not_blocked before the head was read in place and the markup looked for behind four needles."""
    head = text[:20000]
    headline = " ".join(m.group(1) for m in page._HEADLINES.finditer(head)) or head.lstrip()[:200]
    headline = page._TAG_OR_SPACES.sub(" ", headline)
    if (
        any(marker in head for marker in page._CHALLENGE_MARKUP)
        or any(m in headline for m in site.blocked_markers)
        or (page._CHALLENGE.search(headline) and page._short(head))
    ):
        raise page.ExtractError("blocked", "the page is a block, challenge or decoy page", url=url)
    if page._ERROR_PAGE.search(headline) and page._short(head):
        reason = "blocked" if page._REFUSAL.search(headline) else "not_a_release"
        raise page.ExtractError(reason, f"the page is an error page ({headline.strip()[:60]})", url=url)


def _verdict(check, text: str, site) -> tuple[str, str] | None:
    try:
        check(text, None, site)
    except page.ExtractError as exc:
        return exc.reason, str(exc)
    return None


# Markup and headlines near the rules: every marker whole and cut, the needles alone, headline tags in odd cases,
# error and challenge words; padding puts them across the 20,000th character, where the check stops reading.
_HEAD_PIECES = st.sampled_from(
    [
        *page._CHALLENGE_MARKUP,
        "cf-browser",
        "cf_chl",
        "challenge-",
        "platform",
        "Incapsula",
        "_Incapsula_Resourc",
        "Request unsuccessful.",
        "<title>",
        "</title>",
        "<TiTlE lang=x>",
        "</TITLE>",
        "<h1>",
        "</H1>",
        "<h2>",
        "<p>",
        "Access Denied",
        "404 Not Found",
        "Technical Difficulties",
        "Just a moment...",
        "会談",
        " ",
        "\n",
        "x",
    ]
)
# Where ``after`` starts: a marker or needle there ends just before, at or just after the 20,000th character.
_ENDS = [len(piece) + shift for piece in (*page._CHALLENGE_MARKUP, *page._CHALLENGE_NEEDLES) for shift in (-1, 0, 1)]
_OFFSETS = st.sampled_from([0, 5, 19_980, 20_000, 20_010, *(20_000 - end for end in _ENDS)])


@given(
    st.lists(_HEAD_PIECES, max_size=8).map("".join),
    _OFFSETS,
    st.lists(_HEAD_PIECES, max_size=8).map("".join),
    st.sampled_from(["a", "会"]),
    st.sampled_from(["generic", "us_state"]),
)
@settings(max_examples=600, deadline=None)
def test_the_blocked_page_check_judges_as_written(before: str, offset: int, after: str, fill: str, site_name: str):
    from pressbot.sites import get_site

    site = get_site(site_name)
    text = before + fill * (offset - len(before)) + after
    assert _verdict(page.check_not_blocked, text, site) == _verdict(_check_not_blocked_as_written, text, site)


def test_every_challenge_marker_holds_a_needle() -> None:
    for marker in page._CHALLENGE_MARKUP:
        assert any(needle in marker for needle in page._CHALLENGE_NEEDLES), marker


# ----------------------------------------------------------------------------------- chrome and back links


def _cut_chrome_as_written(blocks: list, drop: tuple = ()) -> list:
    """_cut_chrome with each rule as its pattern says, no prefilter."""
    kept = []
    for block in blocks:
        if page._CHROME_HEADING.match(block.text):
            break
        if page._BACK_LINK.match(block.text) or block.text in drop:
            continue
        kept.append(block)
    return kept


_CHROME_PIECES = st.sampled_from(
    [
        "Ranking",
        "ranking",
        "RANKING",
        "Related Articles",
        "related links",
        "Related Links",
        "Most Read",
        "MOST read",
        "Popular",
        "Tags:",
        "tag :",
        "Share this",
        "ſhare this",
        "SHARE THIS",
        "The",
        "State",
        "Minister",
        "President",
        "Re",
        "Ra",
        "Mo",
        "Po",
        "Ta",
        "Sh",
        "ランキング",
        "関連記事",
        "関連リンク",
        "関連",
        "タグ：",
        "この記事をシェア",
        "新着記事",
        "最新記事",
        "人気記事",
        "おすすめ記事",
        "読まれている記事",
        "会談",
        "x",
        " ",
        "1",
    ]
)
CHROME_LIKE_TEXT = st.one_of(
    st.lists(_CHROME_PIECES, min_size=1, max_size=4).map("".join),
    LINK_LIKE_TEXT.filter(bool),
    st.from_regex(page._CHROME_HEADING),
)


@given(st.lists(CHROME_LIKE_TEXT, max_size=8), st.sampled_from([(), ("Share",), ("x", "会談")]))
@settings(max_examples=800, deadline=None, suppress_health_check=list(HealthCheck))
def test_cut_chrome_agrees_with_its_patterns(texts: list[str], drop: tuple[str, ...]) -> None:
    blocks = [page.Block(text_value) for text_value in texts if text_value]
    assert page._cut_chrome(blocks, drop) == _cut_chrome_as_written(blocks, drop)


# ------------------------------------------------------------------------------- blocks without clean() calls


class _CleanEveryText(page._BlockWriter):
    """The block writer as it was: every text that is not all space goes through clean()."""

    def _emit(self, raw: str, tag: str, depth: int, ordinal: int | None) -> bool:
        if raw.isspace():
            return False
        if self.residue:
            raw = page.strip_residue(raw)
        else:
            self.texts.append(raw)
        cleaned = text.clean(raw)
        if not cleaned:
            return False
        for line in cleaned.split("\n"):
            self.blocks.append(page.Block(line, tag, depth, ordinal))
            ordinal = None
            if tag == "li":
                tag = "p"
        return True


# Spaces clean() collapses, spaces it does not (\x0b, \x85, U+2028), U+200B, which strip() keeps but clean()
# drops, and line breaks of every kind.
_ODD_SPACES = ["\u200b", "\ufeff", "\x0b", "\x0c", "\x85", "\u2028", "\r", "\r\n", "\t", "\u2002", "\u00a0", "é"]
_SPACED_TREES = st.lists(st.sampled_from(_ODD_SPACES) | _trees(), max_size=5).map("".join)


@given(_SPACED_TREES)
@settings(max_examples=1500, deadline=None)
def test_blocks_written_without_clean_calls_are_those_of_clean(tree: str) -> None:
    body, title = _body_and_title(tree)
    try:
        expected = _CleanEveryText(title, residue=False)
        expected_blocks = [tuple(block) for block in expected.read(body)]
    except ValueError:
        return
    writer = page._BlockWriter(title, residue=False)
    assert [tuple(block) for block in writer.read(body)] == expected_blocks
    assert writer.texts == [raw for raw in expected.texts if raw]  # the residue test reads the same texts


# ------------------------------------------------------------------------------------------------ links


def _links_as_written(root: Element, url: str | None, site) -> list:
    """_links with its tests in their first order: the URL joined before the anchor text is read."""
    links, seen = [], {(url or "").split("#")[0]}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        place = page._link_place(anchor, root)
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")) or place == "navigation":
            continue
        target = page.join_url(url, href)
        if target is None:
            continue
        link_text = text.one_line(page.strip_residue(page.text_of(anchor)))
        if not link_text or page._is_back_link(link_text) or target.split("#")[0] in seen:
            continue
        if url and not target.startswith(("http://", "https://")):
            continue
        is_release = site.release_key(target) is not None and site.name != "generic" and place == "text"
        if not (page._DOCUMENT_HREF.search(target) or page._DOCUMENT_TEXT.search(link_text) or is_release):
            continue
        seen.add(target.split("#")[0])
        links.append(page.Link(text=link_text, url=target))
    return links


_HREFS = st.sampled_from(
    [
        "",
        " ",
        "#top",
        "javascript:void(0)",
        "mailto:a@b",
        "tel:1",
        "/a.pdf",
        "/a.pdf#p2",
        "b.docx",
        "http://[::1/x",
        "/mofaj/press/release/pressit_000001_00001.html",
        "https://www.mofa.go.jp/press/release/pressite_000001_01002.html",
        "https://example.com/x",
        "ftp://x/y.pdf",
        "/page.html",
    ]
)
_ANCHOR_TEXTS = st.sampled_from(
    ["", " ", "声明", "Joint Statement", "Back to top", "報道発表へ戻る", "PDF", "x", "会談"]
)
_WRAPPERS = st.sampled_from(["{}", "<div class='menu'>{}</div>", "<div class='related'>{}</div>", "<p>{}</p>"])


@given(
    st.lists(st.tuples(_HREFS, _ANCHOR_TEXTS, _WRAPPERS), max_size=6),
    st.sampled_from([None, "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_00002.html"]),
    st.sampled_from(["generic", "mofa_ja", "mofa_en"]),
)
@settings(max_examples=400, deadline=None)
def test_links_agree_with_the_tests_in_their_first_order(anchors, url, site_name) -> None:
    from pressbot.sites import get_site

    site = get_site(site_name)
    body = "".join(wrapper.format(f'<a href="{href}">{label}</a>') for href, label, wrapper in anchors)
    root = page.parse_html(f"<html><body><div>{body}</div></body></html>").find("body")
    assert page._links(root, url, site) == _links_as_written(root, url, site)


# ------------------------------------------------------------------------------------- comments never parsed

# Comments and processing instructions of every shape, in the head, the body, inside text and around the root.
_MARKUP_PIECES = st.sampled_from(
    [
        "<!-- c -->",
        "<!---->",
        "<!-->",
        "<!--[if IE]><p>ie</p><![endif]-->",
        "<!-- a -- b -->",
        "<?php echo 1 ?>",
        "<?xml-stylesheet href='x'?>",
        '<?xml version="1.0"?>',
        "<![CDATA[ y ]]>",
        "<!doctype html>",
        "<html>",
        "<head>",
        "<title>t</title>",
        "<body>",
        "<p>",
        "</p>",
        "text",
        "</body>",
        "</html>",
        "<script>/* x */</script>",
    ]
)


@given(st.lists(_MARKUP_PIECES, max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_parsed_pages_hold_no_comment_or_processing_instruction(html: str) -> None:
    for doc in (page.parse_html(html), page.parse_html(html, html.encode("utf-8"))):  # from text, from bytes
        assert not list(doc.iter(etree.Comment, etree.ProcessingInstruction))


_ATTRIBUTES = st.sampled_from(["", " class", ' class=""', ' id="a"', ' role="nav"', ' xml:lang="ja"', ' data-x="1"'])


@given(st.lists(st.tuples(st.sampled_from(["p", "div", "span", "svg", "a"]), _ATTRIBUTES), max_size=6))
@settings(max_examples=300, deadline=None)
def test_elements_with_attributes_are_told_by_their_keys(elements: list[tuple[str, str]]) -> None:
    body = "".join(f"<{tag}{attributes}>x</{tag}>" for tag, attributes in elements)
    for element in page.parse_html(f"<html><body>{body}</body></html>").iter(etree.Element):
        assert bool(element.keys()) == bool(element.attrib)
