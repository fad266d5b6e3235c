"""Small release pages in each site's markup, for the extraction tests (one builder, shared)."""

from __future__ import annotations

from html import escape

URLS = {
    "mofa_ja": "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_09999.html",
    "mofa_en": "https://www.mofa.go.jp/press/release/pressite_000001_09999.html",
    "us_state": "https://www.state.gov/releases/office-of-the-spokesperson/2025/07/some-slug/",
    "kr_mofa": "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1",
    "text": None,
}


def page(site: str, title: str, date: str, lead: str, points: list[str], doctype: str = "Readout") -> str:
    """A minimal release page that satisfies the site's selectors; "\\n" in ``lead`` starts a new paragraph."""
    if site == "text":
        return "\n".join([title, date, lead, *points]) + "\n"
    t, d = escape(title), escape(date)
    lead_html = "".join(f"<p>{escape(part)}</p>" for part in lead.split("\n"))
    paras = "".join(f"<p>{escape(p)}</p>" for p in points)
    head = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{t}</title></head><body>'
    if site in ("mofa_ja", "mofa_en"):
        items = "".join(f"<li>{escape(p)}</li>" for p in points)
        return (
            f'{head}<div id="breadcrumbs"><ol><li><a href="/">Top</a></li></ol></div>'
            f'<div id="maincontents"><h1>{t}</h1><p class="rightalign">{d}</p>{lead_html}'
            f"<ol>{items}</ol></div></body></html>"
        )
    if site == "us_state":
        return (
            f'{head}<p class="doctype-meta">{escape(doctype)}</p><h1 class="featured-content__headline">{t}</h1>'
            f'<p class="article-meta__publish-date">{d}</p><div class="entry-content">{lead_html}{paras}</div>'
            "</body></html>"
        )
    if site == "kr_mofa":
        return (
            f'{head}<div class="board_detail"><div class="bo_head"><h2>{t}</h2><dl><dt>Date</dt><dd>{d}</dd>'
            f'</dl></div><div class="se-contents">{lead_html}{paras}</div></div></body></html>'
        )
    raise ValueError(site)


# One Japanese meeting release, as the bytes a crawl fetches (reader pool and pipeline tests).
JA_MEETING = page(
    "mofa_ja",
    "日米外相会談",
    "令和7年7月10日",
    "7月10日、岩屋毅外務大臣は、ルビオ米国国務長官と会談を行ったところ、概要は以下のとおりです。",
    ["冒頭、両外相は日米同盟の強化を確認しました。", "両外相は地域情勢について意見交換を行いました。"],
).encode("utf-8")
