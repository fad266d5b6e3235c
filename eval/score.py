"""Score pressbot.extract against the real-page dev set (eval/realpages.jsonl + eval/texts/).

    python eval/score.py [--html] [--text] [--source S] [--show-mismatches] [--json FILE]

Both modes (plain text, and the text wrapped as HTML with site chrome) run unless --html or --text picks one.
The last line printed is the summary. Missing texts are counted and skipped: see eval/COLLECT.md.

What the HTML mode measures. The dev set holds text copies, not the sites' HTML, so ``as_html`` rebuilds a page:
- On a site pressbot knows (mofa_ja / mofa_en ``#maincontents h1``, kr_mofa_ko ``.board_detail .bo_head``,
  us_state ``h1.featured-content__headline`` + ``p.article-meta__publish-date`` + ``div.entry-content``, MOD
  ``h1.p-entry__title`` + ``<time>``) it mirrors that site's skeleton (fixtures/<site>/*/response.html): the lines
  above the headline go to the header and breadcrumb, the headline to the site's title element, the first dated
  line below it (found here by a plain year pattern, not by pressbot) to the site's date element, the rest to
  paragraphs of the body element. The headline line is found by the fact's title, so the TITLE IS NOT SCORED for
  these pages (it would be 100 by construction); published, meeting date, participants and agenda are, and they
  measure the site reader (selectors, chrome stripping, the date element's text) on that text.
- On any other site it is a generic news page: the site name in <title>, a menu, and every line of the copy as a
  <p> of an <article> with no headline element: the title, date and body are all found by pressbot's generic
  HTML reader, and every field is scored.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pressbot  # noqa: E402

FIELDS = ("title", "published", "date", "participants_f1", "agenda_f1")
_BULLET = re.compile(r"^\s*(?:[-•・*]|\d+[.．)）]?|[（(]\d+[)）]|[①-⑳]|[a-zア-ン][.．)])\s*")


def norm(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    return re.sub(r"\s+", " ", text).strip()


def name_key(value: str | None) -> str:
    words = re.split(r"[\s\-‐・=]+", norm(value).lower().replace(".", " "))
    return " ".join(sorted(w for w in words if w))


def same_person(pred: dict, fact: dict) -> bool:
    pn, fn = norm(pred.get("name")), norm(fact.get("name"))
    if pn and fn and (pn == fn or pn in fn or fn in pn):
        return True
    pe, fe = name_key(pred.get("name_en")), name_key(fact.get("name_en"))
    if pe and fe and pe == fe:
        return True
    pe_flat, fe_flat = pe.replace(" ", ""), fe.replace(" ", "")
    return bool(pe_flat and fe_flat and (pe_flat in fe_flat or fe_flat in pe_flat))


def match_count(preds: list, facts: list, same) -> int:
    used, hits = set(), 0
    for fact in facts:
        for i, pred in enumerate(preds):
            if i not in used and same(pred, fact):
                used.add(i)
                hits += 1
                break
    return hits


def f1(hits: int, n_pred: int, n_fact: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_fact == 0:
        return 1.0, 1.0, 1.0
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_fact if n_fact else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def point_prefix(point: dict) -> str:
    text = " ".join(x for x in (point.get("heading"), point.get("text")) if x)
    return norm(_BULLET.sub("", norm(text), count=1))[:15]


def agenda_same(pred: str, fact: str) -> bool:
    a, b = norm(pred)[:15], norm(_BULLET.sub("", norm(fact), count=1))[:15]
    n = min(len(a), len(b))
    return n >= 5 and a[:n] == b[:n]


_SKELETON_SITE = {
    "mofa_ja": "mofa_ja",
    "mofa_en": "mofa_en",
    "kr_mofa_ko": "kr_mofa_ko",
    "us_state": "us_state",
    "mod": "j_defense",
}
_YEAR = re.compile(r"(?:19|20)\d\d|令和|平成|昭和")
_COUNTER_LABELS = {"조회수", "hit", "views", "부서명"}


def _layout(lines: list[str], title: str | None) -> tuple[list[str], str, str | None, list[str]]:
    """(chrome above the headline, headline, date line, body lines) of a text copy; the headline is the line equal
    to the fact's title (the first line when there is none)."""
    at = next((i for i, line in enumerate(lines) if title and norm(line) == norm(title)), 0)
    date_at = next(
        (i for i in range(at + 1, min(len(lines), at + 9)) if len(lines[i]) <= 60 and _YEAR.search(lines[i])), None
    )
    rest = at + 1 if date_at is None else date_at + 1
    while rest + 1 < len(lines) and lines[rest].strip().lower() in _COUNTER_LABELS:  # 조회수 / 6926 after the date
        rest += 2
    return lines[:at], lines[at], (lines[date_at] if date_at is not None else None), lines[rest:]


def _paras(lines: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)


def as_html(text: str, fact: dict) -> tuple[str, bool]:
    """The copy as the HTML page of its site (see the module docstring); True when the headline was placed by the
    fact's title (the title is then not scored)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    site = _SKELETON_SITE.get(fact.get("source", ""))
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{}</title></head><body>\n'
    foot = (
        '<div id="footer"><p>Copyright (c) Ministry. All rights reserved.</p><a href="/privacy/">Privacy</a></div>\n'
        "</body></html>"
    )
    if site is None:
        host = re.sub(r"^[a-z]+://([^/]+).*$", r"\1", fact.get("url") or "")
        return (
            head.format(html.escape(host or "News"))
            + '<header class="site-header"><nav><a href="/">Top</a> <a href="/politics/">Politics</a> '
            '<a href="/world/">World</a></nav></header>\n'
            f'<main><article class="post">\n{_paras(lines)}\n</article></main>\n'
            '<aside class="related"><h2>Related Articles</h2><ul><li><a href="/x">Other news</a></li></ul></aside>\n'
            + foot
        ), False
    chrome, title, date, body = _layout(lines, fact.get("title"))
    crumbs = "".join(f"<li>{html.escape(line)}</li>" for line in chrome)
    top = (
        head.format("Ministry")
        + '<div id="header"><p id="logo">Ministry</p><ul class="header-link"><li><a href="/">Home</a></li></ul></div>\n'
        f'<div id="breadcrumb"><ol>{crumbs}</ol></div>\n'
    )
    esc_title, esc_date = html.escape(title), html.escape(date or "-")  # a site's date element is never absent
    if site in ("mofa_ja", "mofa_en"):
        dated = f'<p class="rightalign">{esc_date}</p>' if date else ""
        page = (
            f'<div id="maincontents"><div class="title-area"><h1>{esc_title}</h1></div>{dated}\n'
            f"{_paras(body)}\n</div>\n"
        )
    elif site == "kr_mofa_ko":
        page = (
            '<div class="board_detail"><div class="bo_head">'
            f"<h2>{esc_title}</h2><dl><dt>부서명</dt><dd>-</dd><dt>작성일</dt><dd>{esc_date}</dd><dt>조회수</dt><dd>0</dd>"
            f'</dl></div><div class="bo_con"><div class="se-contents">\n{_paras(body)}\n</div></div></div>\n'
        )
    elif site == "us_state":
        page = (
            f'<h1 class="featured-content__headline">{esc_title}</h1>'
            f'<div class="article-meta"><p class="article-meta__publish-date">{esc_date}</p></div>\n'
            f'<div class="entry-content">\n{_paras(body)}\n</div>\n'
        )
    else:  # MOD
        dated = f'<p class="p-entry__date"><time>{esc_date}</time></p>' if date else ""
        page = (
            f'<main class="l-main"><h1 class="p-entry__title">{esc_title}</h1>{dated}\n'
            f"<div>{_paras(body)}</div></main>\n"
        )
    return top + page + foot, True


def score_one(fact: dict, content: str | bytes) -> dict:
    res: dict = {"error": None, "exception": None, "mismatch": []}
    try:
        rec = pressbot.extract(content.encode("utf-8") if isinstance(content, str) else content, url=fact["url"])
    except pressbot.ExtractError as exc:
        res["error"] = f"{getattr(exc, 'reason', '')}: {exc}"
        rec = None
    except Exception as exc:  # a bug in the extractor, counted apart
        res["exception"] = f"{type(exc).__name__}: {exc}"
        rec = None
    out = rec.model_dump(mode="json") if rec is not None else {}
    meeting_fact = fact.get("meeting") or {}
    meeting_pred = out.get("meeting") or {}
    if fact.get("title"):
        res["title"] = norm(out.get("title")) == norm(fact["title"])
        if not res["title"]:
            res["mismatch"].append(f"title {out.get('title')!r} != {fact['title']!r}")
    if fact.get("published"):
        res["published"] = out.get("published") == fact["published"]
        if not res["published"]:
            res["mismatch"].append(f"published {out.get('published')} != {fact['published']}")
    if meeting_fact.get("date"):
        res["date"] = meeting_pred.get("date") == meeting_fact["date"]
        if not res["date"]:
            res["mismatch"].append(f"date {meeting_pred.get('date')} != {meeting_fact['date']}")
    if fact.get("meeting") is not None:
        preds = meeting_pred.get("participants") or []
        facts = meeting_fact.get("participants") or []
        hits = match_count(preds, facts, same_person)
        res["participants"] = (hits, len(preds), len(facts))
        if hits < max(len(preds), len(facts)):
            res["mismatch"].append(f"participants {[p.get('name') for p in preds]} vs {[p['name'] for p in facts]}")
        got = [point_prefix(p) for p in meeting_pred.get("agenda") or []]
        want = meeting_fact.get("agenda_starts") or []
        hits = match_count(got, want, agenda_same)
        res["agenda"] = (hits, len(got), len(want))
        if hits < max(len(got), len(want)):
            res["mismatch"].append(f"agenda {got} vs {[norm(w) for w in want]}")
    elif meeting_pred:
        res["mismatch"].append(
            f"a meeting where the fact has none ({len(meeting_pred.get('participants') or [])} participants)"
        )
    if res["error"]:
        res["mismatch"].insert(0, f"ExtractError {res['error'][:160]}")
    if res["exception"]:
        res["mismatch"].insert(0, f"EXCEPTION {res['exception'][:160]}")
    return res


class Tally:
    def __init__(self) -> None:
        self.acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.prf: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.pages = self.errors = self.exceptions = 0

    def add(self, res: dict) -> None:
        self.pages += 1
        self.errors += bool(res["error"])
        self.exceptions += bool(res["exception"])
        for key in ("title", "published", "date"):
            if key in res:
                self.acc[key][0] += bool(res[key])
                self.acc[key][1] += 1
        for key in ("participants", "agenda"):
            if key in res:
                for i, v in enumerate(res[key]):
                    self.prf[key][i] += v

    def numbers(self) -> dict:
        out: dict = {"pages": self.pages, "extract_errors": self.errors, "exceptions": self.exceptions}
        for key in ("title", "published", "date"):
            ok, n = self.acc[key]
            out[key] = round(100 * ok / n, 1) if n else None
            out[f"{key}_n"] = n
        for key in ("participants", "agenda"):
            hits, npred, nfact = self.prf[key]
            p, r, f = f1(hits, npred, nfact)
            out[f"{key}_precision"], out[f"{key}_recall"], out[f"{key}_f1"] = (
                round(100 * p, 1),
                round(100 * r, 1),
                round(100 * f, 1),
            )
        return out


def fmt(v: object) -> str:
    return "  -  " if v is None else f"{v:5.1f}" if isinstance(v, float) else str(v)


def table(mode: str, by_source: dict[str, Tally], total: Tally) -> None:
    print(f"\n== {mode} ==")
    cols = (
        "pages",
        "title",
        "published",
        "date",
        "participants_precision",
        "participants_recall",
        "participants_f1",
        "agenda_f1",
        "extract_errors",
        "exceptions",
    )
    heads = ("pages", "title", "publ", "date", "part_P", "part_R", "part_F1", "agd_F1", "errors", "exc")
    print(f"{'source':<12}" + "".join(f"{h:>8}" for h in heads))
    for name, tally in [*sorted(by_source.items()), ("ALL", total)]:
        nums = tally.numbers()
        print(f"{name:<12}" + "".join(f"{fmt(nums[c]):>8}" for c in cols))


def summary(nums: dict) -> str:
    return (
        f"title {fmt(nums['title'])} published {fmt(nums['published'])} date {fmt(nums['date'])} "
        f"participants_f1 {fmt(nums['participants_f1'])} agenda_f1 {fmt(nums['agenda_f1'])} "
        f"exceptions {nums['exceptions']}"
    ).replace("  ", " ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", action="store_true", help="score the HTML-wrapped mode only")
    ap.add_argument("--text", action="store_true", help="score the plain-text mode only")
    ap.add_argument("--source", help="only pages of this source (mofa_ja, republisher, ...)")
    ap.add_argument("--show-mismatches", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="write the numbers as JSON")
    args = ap.parse_args(argv)
    modes = ["text", "html"]
    if args.html != args.text:
        modes = ["html"] if args.html else ["text"]
    facts = [
        json.loads(line) for line in (HERE / "realpages.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    if args.source:
        facts = [f for f in facts if f["source"] == args.source]
    present, missing, changed = [], 0, 0
    for fact in facts:
        path = HERE / "texts" / f"{fact['id']}.txt"
        if not path.exists():
            missing += 1
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != fact["text_sha256"]:
            changed += 1
        present.append((fact, raw.decode("utf-8")))
    if missing or changed:
        print(
            f"{missing} of {len(facts)} dev texts missing, {changed} differ from text_sha256; "
            "see eval/COLLECT.md (scoring what is present)"
        )
    if not present:
        print("no dev texts; see eval/COLLECT.md")
        return 0
    report: dict = {"pages": len(present), "missing": missing, "changed": changed}
    line = []
    for mode in modes:
        by_source: dict[str, Tally] = defaultdict(Tally)
        total = Tally()
        shown = []
        for fact, text in present:
            scored = fact
            if mode == "text":
                content = text
            else:
                content, given = as_html(text, fact)
                if given:  # the headline was placed by the fact's title: not a measure of the reader
                    scored = {**fact, "title": None}
            res = score_one(scored, content)
            by_source[fact["source"]].add(res)
            total.add(res)
            if res["mismatch"]:
                shown.append((fact["id"], res["mismatch"]))
        table(mode, by_source, total)
        if args.show_mismatches:
            print(f"\n-- {mode} mismatches --")
            for pid, items in shown:
                for item in items:
                    print(f"{pid}: {item}")
        nums = total.numbers()
        report[mode] = {"all": nums, "by_source": {k: v.numbers() for k, v in sorted(by_source.items())}}
        line.append(f"{mode}: {summary(nums)}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    print("summary " + " | ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
