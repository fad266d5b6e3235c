"""How extract() time grows with the page: realistic content at 10 KB, 100 KB and 1 MB (issue 14, must-show 5).

    python bench/scaling.py [--sizes 10000,100000,1000000] [--repeat 3]

Pages are built from fixture releases (ja: MOFA Japanese, en: MOFA English) by repeating their own paragraphs
and list items until the size is reached, not by padding: as HTML (the fixture's head, title and date, then the
paragraphs as <p> and the items as an <ol> in turn) and as plain text (title line, date line, paragraphs and
``1. …`` items, blank lines between). Each page is read in-process, best of --repeat, with the per-text
caches emptied before each read, and timed in CPU time of this process (time.process_time): on a shared machine
wall time also counts the other processes' turns, which makes a read longer than a scheduler slice look up to
10× slower than a shorter one. For every step the ratio of times per 10× size is printed: linear is about 10,
over 15 is flagged. Last line: one summary.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import sys
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = {
    "ja": ["mofa_ja/release_ol_nested_iikura_dinner", "mofa_ja/release_telephone_talk_ukraine"],
    "en": ["mofa_en/release_trilateral_ol", "mofa_en/release_telephone_talk"],
}
FLAG = 15.0


def _content(case: str) -> tuple[str, str, list[str], list[str]]:
    """(title, date line, paragraphs, list items) of a fixture release, as its own page shows them."""
    from pressbot import extract

    body = (ROOT / "fixtures" / case / "response.html").read_bytes()
    record = extract(body)
    doc = etree.fromstring(body, etree.HTMLParser(encoding="utf-8"))
    paragraphs = [t for p in doc.iter("p") if len(t := " ".join("".join(p.itertext()).split())) >= 20]
    items = [t for li in doc.iter("li") if len(t := " ".join("".join(li.itertext()).split())) >= 20]
    date_line = record.published.isoformat() if getattr(record, "published", None) else ""
    return record.title, date_line, paragraphs, items


def _pieces(language: str) -> tuple[str, str, list[str], list[str]]:
    title, date_line, paragraphs, items = "", "", [], []
    for case in SOURCES[language]:
        t, d, p, i = _content(case)
        title, date_line = title or t, date_line or d
        paragraphs += p
        items += i
    return title, date_line, paragraphs, items


def build(language: str, kind: str, size: int) -> bytes:
    title, date_line, paragraphs, items = _pieces(language)
    parts: list[str] = []
    used = 0
    k = 0
    while used < size:
        paragraph = paragraphs[k % len(paragraphs)]
        group = [items[(3 * k + j) % len(items)] for j in range(3)] if items else []
        if kind == "html":
            piece = f"<p>{html.escape(paragraph)}</p>\n"
            if group:
                piece += "<ol>" + "".join(f"<li>{html.escape(item)}</li>" for item in group) + "</ol>\n"
        else:
            piece = paragraph + "\n\n" + "".join(f"{j + 1}. {item}\n" for j, item in enumerate(group)) + "\n"
        parts.append(piece)
        used += len(piece.encode())
        k += 1
    if kind == "html":
        lang = "ja" if language == "ja" else "en"
        page = (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'</head><body><div id="main"><h1>{html.escape(title)}</h1><p class="date">{date_line}</p>\n'
            + "".join(parts)
            + "</div></body></html>"
        )
    else:
        page = f"{title}\n{date_line}\n\n" + "".join(parts)
    return page.encode()


def _clear_caches() -> None:
    """Empty the per-text caches (lru_cache) of pressbot.extract, so that a repeat is not a cache hit."""
    for name, module in list(sys.modules.items()):
        if name.startswith("pressbot.extract"):
            for value in vars(module).values():
                if hasattr(value, "cache_clear") and getattr(value, "__name__", "") != "_compiled":
                    value.cache_clear()


def timed(body: bytes, kind: str, repeat: int) -> tuple[float, str]:
    from pressbot import extract
    from pressbot.errors import ExtractError

    content_type = "text/html; charset=utf-8" if kind == "html" else "text/plain; charset=utf-8"
    best, outcome = float("inf"), "record"
    for _ in range(repeat):
        _clear_caches()
        began = time.process_time()
        try:
            extract(body, content_type=content_type)
        except ExtractError as exc:
            outcome = f"ExtractError {exc}"[:60]
        best = min(best, time.process_time() - began)
    return best, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with contextlib.suppress(Exception):  # warm up: vocabulary, compiled patterns
        timed(build("ja", "text", 2000), "text", 1)
        timed(build("en", "html", 2000), "html", 1)
    print(f"{'page':<10} {'size':>9} {'time s':>9} {'µs/KB':>8} {'×/10× size':>11}  outcome")
    worst_ratio, worst_at, flagged = 0.0, "", 0
    for language in ("ja", "en"):
        for kind in ("text", "html"):
            previous: tuple[int, float] | None = None
            for size in sizes:
                body = build(language, kind, size)
                took, outcome = timed(body, kind, args.repeat if size < 500_000 else max(1, args.repeat - 1))
                ratio = ""
                if previous is not None:
                    # the time ratio, normalised to a 10x step (the built sizes are not exactly 10x apart)
                    step = (took / previous[1]) * (10 * previous[0] / len(body))
                    ratio = f"{step:.1f}" + (" FLAG" if step > FLAG else "")
                    flagged += step > FLAG
                    if step > worst_ratio:
                        worst_ratio, worst_at = step, f"{language}/{kind} {previous[0] // 1000}→{len(body) // 1000} KB"
                print(
                    f"{language + '/' + kind:<10} {len(body):>9} {took:>9.3f} {took * 1e6 / (len(body) / 1000):>8.0f}"
                    f" {ratio:>11}  {outcome}"
                )
                previous = (len(body), took)
    verdict = "linear" if not flagged else f"{flagged} step(s) over {FLAG:.0f}"
    print(f"scaling: worst ratio per 10x size={worst_ratio:.1f} ({worst_at}); {verdict}")


if __name__ == "__main__":
    main()
