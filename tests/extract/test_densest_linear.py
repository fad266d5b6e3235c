"""Choosing the content element of an unknown layout reads each piece of text once, not once per nesting level.

``_densest`` scored every p/li/dd/td/pre/div by ``text_of`` of its whole subtree (and of every link inside it):
on nested ``<dd>`` or ``<pre>`` (a fuzzed page of repeated blocks) that is quadratic in the depth — a 766 KB page
took 6.2 s. The sizes now come from one bottom-up pass (``_text_sizes``); these tests are timing-free: they count
the characters ``text_of`` returns while a page is read, at n and 2n blocks, and check the one-pass sizes against
``text_of`` itself on generated trees.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressbot import extract
from pressbot.errors import ExtractError
from pressbot.extract.page import markup
from pressbot.extract.page.decoding import parse_html
from pressbot.extract.page.document import text_of

_SHAPES = [
    "<dd>Talks on trade <a href='/x'>more</a> and security. ",
    "<pre>Talks on trade <a href='/x'>x</a> ",
    "<li>The two ministers discussed <a href='/y'>the region</a>. ",
    "<td>Talks <a>x</a> <span>and</span> ",
]


def _text_read(monkeypatch: pytest.MonkeyPatch, html: str) -> int:
    total = 0

    def counting(element: markup.Element) -> str:
        nonlocal total
        value = text_of(element)
        total += len(value)
        return value

    monkeypatch.setattr(markup, "text_of", counting)
    with contextlib.suppress(ExtractError):
        extract(html.encode(), content_type="text/html")
    monkeypatch.undo()
    return total


@pytest.mark.parametrize("shape", _SHAPES)
def test_text_read_while_choosing_the_content_grows_linearly(monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    def page(n: int) -> str:
        return "<html><head><title>Talks</title></head><body><h1>Talks</h1><div>" + shape * n + "</div></body></html>"

    at_n, at_2n = _text_read(monkeypatch, page(100)), _text_read(monkeypatch, page(200))
    assert at_2n <= 2.2 * max(at_n, 1), (at_n, at_2n)  # quadratic reading gives ≈ 4×


_PIECES = st.sampled_from(["", " ", "\u3000", "\n", "a", " b ", "会談", "\t x"])
_TAGS = st.sampled_from(["p", "li", "dd", "pre", "div", "a", "span", "td", "br"])


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = [draw(_PIECES)]
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            parts.append("<!--" + draw(_PIECES) + "-->")
        else:
            tag = draw(_TAGS)
            closed = draw(st.booleans())
            parts.append(f"<{tag}>" + draw(_trees(depth + 1)) + (f"</{tag}>" if closed else ""))
        parts.append(draw(_PIECES))
    return "".join(parts)


@given(_trees())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_one_pass_sizes_are_those_of_text_of(tree: str) -> None:
    root = parse_html("<html><body>" + tree + "</body></html>")
    sizes = markup._text_sizes(root)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        text = text_of(element)
        links = sum(len(text_of(a)) for a in element.iter("a"))
        length, stripped, _, link_text = sizes[element]
        assert (length, stripped, link_text) == (len(text), len(text.strip()), links)
