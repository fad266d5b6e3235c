"""Which element holds the release on a page of an unknown layout: the densest block of text, scored by
text and link-text sizes from one bottom-up pass (linear in the page; see tests/extract/test_densest_linear.py)."""

from __future__ import annotations

from pressbot.extract.page.document import Element

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


def _densest(body: Element) -> Element:
    """The element holding most paragraph text (a readability-style score), for unknown layouts."""
    scores: dict[Element, float] = {}
    sizes = _text_sizes(body)
    for element in body.iter("p", "li", "dd", "td", "pre", "div", "br"):
        if element.tag == "div" and any(child.tag in _BLOCK_TAGS for child in element):
            continue
        if element.tag == "br":
            stripped, link_text = len((element.tail or "").strip()), 0
        else:
            stripped, link_text = sizes[element][1], sizes[element][3]
        weight = max(stripped - 2 * link_text, 0)
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


def _text_sizes(root: Element) -> dict[Element, tuple[int, int, int, int]]:
    """Per element, in one pass: (len(text_of(e)), len(text_of(e).strip()), leading whitespace, link text).

    Link text is ``sum(len(text_of(a)) for a in e.iter("a"))``. Computed bottom-up from the children, so nested
    elements cost their own pieces only (calling ``text_of`` on every nested element is quadratic in the depth).
    """
    sizes: dict[Element, tuple[int, int, int, int]] = {}
    for element in reversed(list(root.iter())):  # children before their parents
        # The pieces text_of joins: the element's text, then each child's text (elements only) and its tail.
        pieces: list[tuple[int, int, int]] = []  # (length, leading whitespace, trailing whitespace)
        links = 0
        if isinstance(element.tag, str):
            pieces.append(_piece(element.text))
        for child in element:
            if isinstance(child.tag, str):
                length, stripped, lead, child_links = sizes[child]
                pieces.append((length, lead, length - stripped - lead if stripped else length))
                links += child_links
            pieces.append(_piece(child.tail))
        length = sum(piece[0] for piece in pieces)
        lead = trail = 0
        for piece_length, piece_lead, _ in pieces:
            lead += piece_lead
            if piece_lead < piece_length:
                break
        for piece_length, _, piece_trail in reversed(pieces):
            trail += piece_trail
            if piece_trail < piece_length:
                break
        stripped = max(length - lead - trail, 0)
        if element.tag == "a":
            links += length
        sizes[element] = (length, stripped, lead, links)
    return sizes


def _piece(text: str | None) -> tuple[int, int, int]:
    if not text:
        return 0, 0, 0
    return len(text), len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
