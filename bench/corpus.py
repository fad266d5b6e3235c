# ruff: noqa: E501 - the HTML templates mirror the fixtures line for line
"""A reproducible corpus of MOFA-shaped release pages and the listing pages that link them.

    python bench/corpus.py --n 1000 [--seed 7] [--out DIR] [--check]

Pages follow the markup of fixtures/mofa_ja and fixtures/mofa_en (the selectors of pressbot/sites/mofa_ja.py
and mofa_en.py): ``#maincontents`` with ``h1``, a date line (``令和7年7月18日`` / ``July 18, 2025``), a lead
ending ``概要は以下のとおりです。`` / ``The overview of the meeting is as follows.``, then numbered points in
one of several styles (``1``/``(1)``, ``1<br>heading``/``ア``, ``<ol><li>`` nested or not, ``（1）``,
``<h3>1 heading</h3>``, ``1.``, ``<strong>1. heading</strong>``, ``(1)``, bullets). Listing pages are in the
MOFA index shape (``dl.title-list > dt.list-title`` day headings over ``dd > ul > li > a``, ``li.next a`` to
the next page) and start at the sites' real index URLs, so ``pressbot crawl mofa_ja mofa_en`` walks them.

Everything is generated from small phrase tables with ``random.Random(seed)``: the same (n, seed) gives
the same bytes. Names are synthetic (built from syllable tables), never real people; no release prose is
copied. Each release page is 10–60 KB (uniform), padded with extra numbered points and paragraphs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HOST = "https://www.mofa.go.jp"
JA_INDEX = f"{HOST}/mofaj/press/release/index.html"
EN_INDEX = f"{HOST}/press/release/index.html"
PER_LISTING = 50  # release links per listing page
MIN_BYTES, MAX_BYTES = 10 * 1024, 60 * 1024
BASE_DATE = dt.date(2025, 7, 18)


@dataclass
class CorpusPage:
    url: str
    body: bytes
    kind: str  # "release" | "listing"
    site: str  # "mofa_ja" | "mofa_en"
    style: str = ""  # numbering / participant style (releases), for the summary


@dataclass
class Corpus:
    n: int
    seed: int
    pages: list[CorpusPage] = field(default_factory=list)
    path: Path | None = None

    @property
    def releases(self) -> list[CorpusPage]:
        return [p for p in self.pages if p.kind == "release"]

    @property
    def listings(self) -> list[CorpusPage]:
        return [p for p in self.pages if p.kind == "listing"]

    def serve(self):  # type: ignore[no-untyped-def]
        """A started pressbot FixtureServer answering every page of the corpus (stop() it after)."""
        from pressbot.fixtures.server import FixtureServer

        server = FixtureServer()
        for page in self.pages:
            server.add(page.url, page.body, 200, [("Content-Type", "text/html; charset=UTF-8")])
        return server.start()

    def write(self, dest: Path | str | None = None) -> Path:
        """Write ``<dest>/<host>/<path>`` for every page plus ``index.json``; a temporary dir by default."""
        root = Path(dest) if dest else Path(tempfile.mkdtemp(prefix="pressbot-corpus-"))
        entries = []
        for page in self.pages:
            parts = urlsplit(page.url)
            path = root / parts.netloc / parts.path.lstrip("/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(page.body)
            entries.append(
                {
                    "url": page.url,
                    "file": str(path.relative_to(root)),
                    "kind": page.kind,
                    "site": page.site,
                    "style": page.style,
                    "bytes": len(page.body),
                }
            )
        (root / "index.json").write_text(
            json.dumps({"n": self.n, "seed": self.seed, "pages": entries}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        self.path = root
        return root


def load(root: Path | str) -> Corpus:
    root = Path(root)
    meta = json.loads((root / "index.json").read_text(encoding="utf-8"))
    pages = [
        CorpusPage(e["url"], (root / e["file"]).read_bytes(), e["kind"], e["site"], e.get("style", ""))
        for e in meta["pages"]
    ]
    return Corpus(meta["n"], meta["seed"], pages, root)


# ============================================================================ phrase tables
# Countries: ja word, ja one-letter abbreviation for compounds (or None), en long name, en adjective.
COUNTRIES = [
    ("米国", "米", "the United States of America", "U.S."),
    ("韓国", "韓", "the Republic of Korea", "ROK"),
    ("オーストラリア", "豪", "Australia", "Australia"),
    ("インド", "印", "the Republic of India", "India"),
    ("フランス", "仏", "the French Republic", "France"),
    ("ドイツ", "独", "the Federal Republic of Germany", "Germany"),
    ("英国", "英", "the United Kingdom", "UK"),
    ("カナダ", "加", "Canada", "Canada"),
    ("イタリア", "伊", "the Italian Republic", "Italy"),
    ("フィリピン", "比", "the Republic of the Philippines", "Philippines"),
    ("ベトナム", "越", "Viet Nam", "Viet Nam"),
    ("インドネシア", None, "the Republic of Indonesia", "Indonesia"),
    ("シンガポール", None, "the Republic of Singapore", "Singapore"),
    ("ブラジル", None, "the Federative Republic of Brazil", "Brazil"),
    ("メキシコ", None, "the United Mexican States", "Mexico"),
    ("ポーランド", None, "the Republic of Poland", "Poland"),
    ("ケニア", None, "the Republic of Kenya", "Kenya"),
    ("フィンランド", None, "the Republic of Finland", "Finland"),
    ("ニュージーランド", None, "New Zealand", "New Zealand"),
    ("モンゴル", None, "Mongolia", "Mongolia"),
]
AREA_DIRS = ["na/na1/us", "a_o/na/kr", "a_o/ocn/au", "s_sa/sea2/id", "erp/we/fr", "fp/pp", "la_c/sa/br", "af/af1/ke"]
EN_AREA_DIRS = ["na/st", "a_o/na/kr", "a_o/ocn/au", "s_sa/sea2/id", "erp/we/fr", "fp/pp", "la_c/sa/br"]

# Japanese officials: (kanji, roman) family and given names, synthetic combinations.
JP_FAMILY = [
    ("山川", "YAMAKAWA"),
    ("森田", "MORITA"),
    ("石原", "ISHIHARA"),
    ("谷口", "TANIGUCHI"),
    ("大野", "ONO"),
    ("野村", "NOMURA"),
    ("北島", "KITAJIMA"),
    ("川端", "KAWABATA"),
    ("松尾", "MATSUO"),
    ("桜井", "SAKURAI"),
    ("平田", "HIRATA"),
    ("西川", "NISHIKAWA"),
]
JP_GIVEN = [
    ("健一", "Kenichi"),
    ("直樹", "Naoki"),
    ("和夫", "Kazuo"),
    ("陽子", "Yoko"),
    ("隆", "Takashi"),
    ("浩二", "Koji"),
    ("真理", "Mari"),
    ("誠", "Makoto"),
    ("裕子", "Yuko"),
    ("哲也", "Tetsuya"),
]
# Japanese offices: ja, en (full), en (short, for 'Minister X' in the points), short ja for mentions.
JP_OFFICES = [
    ("外務大臣", "Minister for Foreign Affairs of Japan", "Minister", "大臣"),
    ("外務副大臣", "State Minister for Foreign Affairs of Japan", "State Minister", "副大臣"),
    ("外務事務次官", "Vice-Minister for Foreign Affairs of Japan", "Vice-Minister", "次官"),
    (
        "外務大臣政務官",
        "Parliamentary Vice-Minister for Foreign Affairs of Japan",
        "Parliamentary Vice-Minister",
        "政務官",
    ),
]
# Foreign offices: ja (after the country word), en (before 'of <country>'), en short, ja short, ja meeting.
FOREIGN_OFFICES = [
    ("外務大臣", "Minister for Foreign Affairs", "Minister", "大臣", "外相会談", "Foreign Ministers' Meeting"),
    (
        "外務次官",
        "Vice Minister of Foreign Affairs",
        "Vice Minister",
        "次官",
        "次官協議",
        "Vice-Ministerial Consultations",
    ),
    (
        "外務担当国務大臣",
        "Minister of State for Foreign Affairs",
        "Minister",
        "大臣",
        "外相会談",
        "Foreign Ministers' Meeting",
    ),
    ("国防大臣", "Minister of Defence", "Minister", "大臣", "会談", "Meeting"),
]
# Katakana syllables with romanisation, for synthetic foreign names.
KANA = [
    ("マ", "ma"),
    ("リ", "ri"),
    ("ア", "a"),
    ("ン", "n"),
    ("ト", "to"),
    ("ニ", "ni"),
    ("オ", "o"),
    ("カ", "ka"),
    ("ル", "ru"),
    ("ロ", "ro"),
    ("サ", "sa"),
    ("ラ", "ra"),
    ("エ", "e"),
    ("レ", "re"),
    ("ナ", "na"),
    ("テ", "te"),
    ("ソ", "so"),
    ("ミ", "mi"),
    ("ノ", "no"),
    ("ダ", "da"),
    ("ベ", "be"),
    ("ジ", "ji"),
    ("ヴィ", "vi"),
    ("フ", "fu"),
    ("ク", "ku"),
    ("ス", "su"),
]
# Hanja names with kana readings and romanisation (Korean-style counterparts: '朴潤柱（パク・ユンジュ）').
HANJA_FAMILY = [
    ("金", "キム", "Kim"),
    ("李", "イ", "Lee"),
    ("崔", "チェ", "Choi"),
    ("鄭", "チョン", "Jung"),
    ("姜", "カン", "Kang"),
    ("尹", "ユン", "Yoon"),
]
HANJA_GIVEN = [
    ("成浩", "ソンホ", "Sungho"),
    ("志賢", "ジヒョン", "Jihyun"),
    ("東旭", "ドンウク", "Donguk"),
    ("美善", "ミソン", "Misun"),
    ("載源", "ジェウォン", "Jaewon"),
    ("恩惠", "ウネ", "Eunhye"),
]
HONORIFICS = ["His Excellency", "Her Excellency", "The Honorable", "H.E. Mr.", "H.E. Ms."]

JA_TIMES = [
    "午前9時30分",
    "午前10時",
    "午前11時15分",
    "午後1時",
    "午後2時30分",
    "午後3時",
    "午後4時45分",
    "午後6時",
    "午後7時20分",
]
JA_DURATIONS = ["20分間", "30分間", "40分間", "50分間", "1時間", "1時間10分", "1時間30分"]
JA_PLACES = ["飯倉公館において、", "外務省において、", "", "", ""]
JA_OCCASIONS = ["", "", "国際会議出席のため", "外相会合出席のため", "実務訪問のため"]
JA_SUBJECTS = ["両外相は、", "両者は、", "双方は、", "両国は、"]
JA_TOPICS = [
    "二国間関係の一層の強化",
    "経済安全保障分野での協力",
    "重要鉱物のサプライチェーンの強靱化",
    "人的交流と観光の促進",
    "インド太平洋地域の情勢",
    "海洋の安全保障",
    "気候変動とエネルギー",
    "北朝鮮をめぐる諸課題",
    "ウクライナ情勢",
    "中東情勢",
    "国際機関での連携",
    "開発協力の今後",
    "科学技術とデジタル分野の協力",
    "防災と人道支援",
    "青少年交流の拡大",
    "貿易投資の環境整備",
]
JA_MIDDLES = [
    "について意見交換を行い、",
    "の重要性を改めて確認し、",
    "に関する取組の進捗を歓迎し、",
    "をめぐる現状認識を共有し、",
    "について率直な議論を行い、",
]
JA_ENDS = [
    "引き続き緊密に連携していくことで一致しました。",
    "具体的な協力を前に進めていくことを確認しました。",
    "事務レベルでの協議を加速させることで一致しました。",
    "あらゆる機会を捉えて意思疎通を図ることを確認しました。",
    "次回の会合に向けて準備を進めることで一致しました。",
]
JA_HEADINGS = ["冒頭", "二国間関係", "地域情勢", "国際社会の課題", "経済関係", "安全保障", "人的交流", "その他"]
KATA_MARKS = "アイウエオカキクケコ"

EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
EN_TIMES = [
    "9:30 a.m.",
    "10:00 a.m.",
    "11:15 a.m.",
    "1:00 p.m.",
    "2:30 p.m.",
    "3:00 p.m.",
    "4:45 p.m.",
    "6:00 p.m.",
    "7:20 p.m.",
]
EN_DURATIONS = [20, 30, 40, 50, 60, 70, 90]
EN_SUBJECTS = ["The two Ministers", "The two sides", "Both sides", "The two officials"]
EN_VERBS = [
    "exchanged views on",
    "confirmed the importance of",
    "welcomed the progress in",
    "agreed to strengthen cooperation on",
    "shared their assessment of",
    "discussed",
]
EN_TOPICS = [
    "bilateral relations",
    "economic security",
    "the resilience of supply chains for critical minerals",
    "people-to-people exchanges",
    "the situation in the Indo-Pacific",
    "maritime security",
    "climate change and energy transition",
    "issues concerning North Korea",
    "the situation in Ukraine",
    "the situation in the Middle East",
    "cooperation at international organizations",
    "development cooperation",
    "science, technology and digital cooperation",
    "disaster risk reduction",
    "youth exchanges",
    "the trade and investment environment",
]
EN_TAILS = [
    ".",
    ", and agreed to continue close communication.",
    ", and confirmed that they would work together toward a Free and Open Indo-Pacific.",
    ", and concurred on accelerating consultations at the working level.",
    ", and affirmed that the two countries would coordinate closely at every opportunity.",
]
EN_HEADINGS = [
    "Opening remarks",
    "Bilateral relations",
    "Regional affairs",
    "Global challenges",
    "Economic relations",
    "Security",
    "People-to-people exchanges",
    "Other matters",
]


# ============================================================================ people


@dataclass
class Person:
    name_ja: str  # as written in Japanese
    reading: str | None
    name_en: str  # English, as MOFA writes it
    family_en: str  # for 'Minister X' in English points
    short_ja: str  # surname for '岩屋大臣'-style mentions
    office_ja: str
    office_en: str
    office_short_en: str
    office_short_ja: str
    country: tuple = ()
    honorific: str = ""


def _kana_name(rng: random.Random, lo: int, hi: int) -> tuple[str, str]:
    sylls = [rng.choice(KANA) for _ in range(rng.randint(lo, hi))]
    if sylls[0][0] == "ン":
        sylls[0] = ("サ", "sa")
    return "".join(k for k, _ in sylls), "".join(r for _, r in sylls).capitalize()


def _japanese(rng: random.Random) -> Person:
    (fam, fam_en), (giv, giv_en) = rng.choice(JP_FAMILY), rng.choice(JP_GIVEN)
    office = rng.choice(JP_OFFICES)
    return Person(
        fam + giv,
        None,
        f"{fam_en} {giv_en}",
        fam_en.capitalize(),
        fam,
        office[0],
        office[1],
        office[2],
        office[3],
        honorific=rng.choice(["Mr.", "Mr.", "Ms."]),
    )


def _foreign(rng: random.Random, country: tuple, office: tuple) -> Person:
    ja_word, _, en_long, _ = country
    if country[0] == "韓国" and rng.random() < 0.8:
        (fam, fam_r, fam_en), (giv, giv_r, giv_en) = rng.choice(HANJA_FAMILY), rng.choice(HANJA_GIVEN)
        name_ja, reading, name_en, family_en = fam + giv, f"{fam_r}・{giv_r}", f"{fam_en} {giv_en}", fam_en
        short = fam
    else:
        (giv, giv_en), (fam, fam_en) = _kana_name(rng, 2, 4), _kana_name(rng, 2, 4)
        name_ja, reading, name_en, family_en, short = f"{giv}・{fam}", None, f"{giv_en} {fam_en}", fam_en, fam
    return Person(
        name_ja,
        reading,
        name_en,
        family_en,
        short,
        ja_word + office[0],
        f"{office[1]} of {en_long}",
        office[2],
        office[3],
        country,
        honorific=rng.choice(HONORIFICS),
    )


# ============================================================================ page chrome

_JA_HEAD = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}｜外務省</title>
<meta name="description" content="{desc}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="外務省">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/mofaj/common/css/import.css" media="all">
<script src="/mofaj/common/js/jquery.min.js"></script>
<script src="/mofaj/common/js/common.js"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
</script>
</head>
<body id="mofaj">
<div id="wrapper">
<p class="skip"><a href="#maincontents">本文へ</a></p>
<div id="header">
  <div class="header-inner">
    <p id="logo"><a href="/mofaj/index.html"><img src="/mofaj/common/images/logo.png" alt="外務省" width="220" height="52"></a></p>
    <div class="header-util">
      <ul class="header-link">
        <li lang="en"><a href="/index.html">English</a></li>
        <li><a href="/mofaj/other/index.html">その他の言語</a></li>
        <li><a href="/mofaj/sitemap/index.html">サイトマップ</a></li>
        <li><a href="/mofaj/faq/index.html">よくある質問</a></li>
      </ul>
      <dl class="fontsize">
        <dt>文字サイズの変更</dt>
        <dd><a href="javascript:void(0);" class="font-normal">標準</a></dd>
        <dd><a href="javascript:void(0);" class="font-large">拡大</a></dd>
      </dl>
      <div id="search-box">
        <form action="/mofaj/search.html" method="get" role="search">
          <input type="text" name="q" id="search-q" value="" placeholder="サイト内検索" size="24">
          <input type="submit" value="検索" class="search-btn">
        </form>
      </div>
    </div>
  </div>
  <nav id="global-navi" aria-label="グローバルナビゲーション">
    <ul>
      <li class="navi-home"><a href="/mofaj/index.html">ホーム</a></li>
      <li><a href="/mofaj/press/index.html">会見・発表・広報</a></li>
      <li><a href="/mofaj/gaiko/index.html">外交政策</a></li>
      <li><a href="/mofaj/area/index.html">国・地域</a></li>
      <li><a href="/mofaj/toko/index.html">海外渡航・滞在</a></li>
      <li><a href="/mofaj/annai/index.html">外務省について</a></li>
    </ul>
  </nav>
</div>
<div id="breadcrumbs">
  <ol>
    <li><a href="/mofaj/index.html">トップページ</a></li>
    <li><a href="/mofaj/press/index.html">会見・発表・広報</a></li>
    <li><span aria-current="page">{title}</span></li>
  </ol>
</div>
<div id="contents">
<div id="contents-body">
<div id="maincontents">
"""

_JA_FOOT = """</div>
<div id="side-navi">
  <h2 class="side-title"><a href="/mofaj/press/index.html">会見・発表・広報</a></h2>
  <ul class="side-list">
    <li><a href="/mofaj/press/kaiken/gaisho/index.html">外務大臣会見記録</a></li>
    <li><a href="/mofaj/press/release/index.html">報道発表</a></li>
    <li><a href="/mofaj/press/danwa/index.html">談話・声明</a></li>
  </ul>
  <div class="side-banner">
    <ul>
      <li><a href="https://www.anzen.mofa.go.jp/" target="_blank" rel="noopener"><img src="/mofaj/common/images/bnr_anzen.png" alt="海外安全ホームページ（別ウィンドウで開く）" width="200" height="60"></a></li>
    </ul>
  </div>
</div>
</div>
</div>
<p class="pagetop"><a href="#wrapper">このページのトップへ戻る</a></p>
<div id="footer">
  <div class="footer-inner">
    <ul class="footer-link">
      <li><a href="/mofaj/legal/index.html">法的事項</a></li>
      <li><a href="/mofaj/accessibility/index.html">アクセシビリティについて</a></li>
      <li><a href="/mofaj/privacy/index.html">プライバシーポリシー</a></li>
    </ul>
    <address>外務省　〒100-8919　東京都千代田区霞が関2-2-1　電話（代表）03-3580-3311</address>
    <p class="copyright" lang="en">Copyright &copy; Ministry of Foreign Affairs of Japan</p>
  </div>
</div>
</div>
<script src="/mofaj/common/js/pagetop.js"></script>
</body>
</html>
"""

_EN_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title} | Ministry of Foreign Affairs of Japan</title>
<meta name="description" content="{desc}">
<meta property="og:title" content="{title}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Ministry of Foreign Affairs of Japan">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/common/css/base.css" media="all">
<script src="/common/js/jquery.min.js"></script>
<script src="/common/js/common.js"></script>
</head>
<body>
<div id="wrapper">
<p class="skip-link"><a href="#maincontents">Skip to main content</a></p>
<div id="header">
  <div class="header-inner">
    <p id="logo"><a href="/index.html"><img src="/common/images/logo_en.png" alt="Ministry of Foreign Affairs of Japan" width="318" height="44"></a></p>
    <div class="header-right">
      <ul class="header-link">
        <li lang="ja"><a href="/mofaj/index.html">Japanese</a></li>
        <li><a href="/other/index.html">Other Languages</a></li>
        <li><a href="/sitemap/index.html">Site Map</a></li>
      </ul>
      <div id="search-box">
        <form action="/search.html" method="get" role="search">
          <input type="text" name="q" value="" placeholder="Search" size="24">
          <input type="submit" value="Search">
        </form>
      </div>
    </div>
  </div>
  <nav id="global-navi">
    <ul>
      <li><a href="/index.html">Home</a></li>
      <li><a href="/press/index.html">Press Room</a></li>
      <li><a href="/policy/index.html">Foreign Policy</a></li>
      <li><a href="/region/index.html">Countries &amp; Regions</a></li>
      <li><a href="/about/index.html">About the Ministry</a></li>
    </ul>
  </nav>
</div>
<div id="breadcrumbs">
  <ol>
    <li><a href="/index.html">Home</a></li>
    <li><a href="/press/index.html">Press Room</a></li>
    <li><span aria-current="page">{title}</span></li>
  </ol>
</div>
<div id="contents">
<div id="main">
<div id="maincontents">
"""

_EN_FOOT = """</div>
<div id="sidebar">
  <div class="side-navi">
    <p class="side-title"><a href="/press/index.html">Press Room</a></p>
    <ul>
      <li class="current"><a href="/press/release/index.html">Press Releases</a></li>
      <li><a href="/press/kaiken/index.html">Press Conferences</a></li>
      <li><a href="/press/danwa/index.html">Statements</a></li>
    </ul>
  </div>
</div>
</div>
</div>
<div id="pagetop"><a href="#wrapper">Page Top</a></div>
<div id="footer">
  <div class="footer-navi">
    <ul>
      <li><a href="/about/policy/index.html">Website Policy</a></li>
      <li><a href="/about/policy/privacy.html">Privacy Policy</a></li>
      <li><a href="/about/hq/map.html">Access</a></li>
    </ul>
  </div>
  <p class="copyright">Copyright &copy; Ministry of Foreign Affairs of Japan</p>
</div>
</div>
</body>
</html>
"""

_SOCIAL = """<div class="social-btn-top">
  <ul>
    <li class="btn-x"><a href="https://twitter.com/intent/tweet?url={q}" target="_blank" rel="noopener">ポスト</a></li>
    <li class="btn-facebook"><a href="https://www.facebook.com/share.php?u={q}" target="_blank" rel="noopener">シェア</a></li>
  </ul>
</div>
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


# ============================================================================ Japanese releases


def _ja_sentence(rng: random.Random, people: list[Person]) -> str:
    roll = rng.random()
    if roll < 0.2:
        who = rng.choice(people)
        subject = f"{who.short_ja}{who.office_short_ja}から、"
        return subject + rng.choice(JA_TOPICS) + "に関する考えを述べました。"
    return rng.choice(JA_SUBJECTS) + rng.choice(JA_TOPICS) + rng.choice(JA_MIDDLES) + rng.choice(JA_ENDS)


def _ja_text(rng: random.Random, people: list[Person], lo: int = 1, hi: int = 3) -> str:
    return "".join(_ja_sentence(rng, people) for _ in range(rng.randint(lo, hi)))


def _ja_counterpart(rng: random.Random, person: Person, style: str) -> str:
    """'NAME（READING）COUNTRY+OFFICE（Honorific English name, Office）', as MOFA writes it.

    A katakana name before a katakana country word takes a '・' (ペニー・ウォン・オーストラリア外務大臣);
    before a kanji one it does not (ランドー米国国務副長官).
    """
    name = person.name_ja + (f"（{person.reading}）" if person.reading else "")
    katakana_country = "\u30a0" <= person.office_ja[0] <= "\u30ff"
    joined = f"{name}・{person.office_ja}" if katakana_country and not person.reading else f"{name}{person.office_ja}"
    if style == "english":
        return f"{joined}（{person.honorific} {person.name_en}, {person.office_en}）"
    return joined


def _ja_point(rng: random.Random, style: str, people: list[Person], number: int) -> str:
    """Point ``number`` in ``style`` (for "ol": one <li>, possibly with a nested list)."""
    if style == "num_paren":  # 1　heading / (1)text
        subs = "\n".join(f"<p>({sub}){_ja_text(rng, people)}</p>" for sub in range(1, rng.randint(1, 4) + 1))
        return f"<p>{number}　{rng.choice(JA_HEADINGS)}</p>\n{subs}"
    if style == "br_kata":  # 1<br>heading / ア　text
        subs = "\n".join(f"<p>{KATA_MARKS[sub]}　{_ja_text(rng, people)}</p>" for sub in range(rng.randint(1, 3)))
        return f"<p>{number}<br>\n{rng.choice(JA_HEADINGS)}</p>\n{subs}"
    if style == "fullwidth_paren":  # （1）text
        return f"<p>（{number}）{_ja_text(rng, people)}</p>"
    if style == "h3":  # <h3>1 heading</h3> text
        return f"<h3>{number}　{rng.choice(JA_HEADINGS)}</h3>\n<p>　{_ja_text(rng, people, 2, 4)}</p>"
    if style == "ol":
        if rng.random() < 0.25:
            inner = "\n".join(f"<li>{_ja_text(rng, people)}</li>" for _ in range(rng.randint(2, 3)))
            return f'<li>{_ja_text(rng, people, 1, 1)}\n<ol class="decimal">\n{inner}\n</ol>\n</li>'
        return f"<li>{_ja_text(rng, people)}</li>"
    raise ValueError(style)


def _pad_points(rng: random.Random, make, room: int, ol: str | None) -> str:  # type: ignore[no-untyped-def]
    """Points until ``room`` bytes are used (at least two); ``ol`` wraps them in a list."""
    points: list[str] = []
    used = 0
    while used < room or len(points) < 2:
        point = make(len(points) + 1)
        points.append(point)
        used += len(point.encode("utf-8")) + 1
    text = "\n".join(points)
    return f"{ol}\n{text}\n</ol>" if ol else text


def _ja_release(rng: random.Random, url: str, date: dt.date, target: int) -> tuple[bytes, str]:
    country = rng.choice(COUNTRIES)
    office = rng.choice(FOREIGN_OFFICES)
    host, guest = _japanese(rng), _foreign(rng, country, office)
    mode = rng.choices(["in_person", "telephone", "video"], [6, 3, 1])[0]
    short = f"日{country[1]}" if country[1] and rng.random() < 0.7 else f"日・{country[0]}"
    meeting = office[4] if mode == "in_person" else {"telephone": "外相電話会談", "video": "外相テレビ会議"}[mode]
    title = short + meeting
    participant_style = rng.choices(["english", "plain"], [7, 3])[0]
    counterpart = _ja_counterpart(rng, guest, participant_style)
    date_line = _era_date(date)
    when = f"{date.month}月{date.day}日{rng.choice(JA_TIMES)}から約{rng.choice(JA_DURATIONS)}"
    if mode == "in_person":
        visiting = rng.choice(JA_OCCASIONS) + ("訪日中の" if rng.random() < 0.6 else "")
        lead = (
            f"　{when}、{rng.choice(JA_PLACES)}{host.name_ja}{host.office_ja}は、{visiting}{counterpart}との間で"
            f"{title}を行ったところ、概要は以下のとおりです。"
        )
    else:
        verb = "電話会談" if mode == "telephone" else "テレビ会議"
        lead = (
            f"　{when}、{host.name_ja}{host.office_ja}は、{counterpart}と{verb}を行ったところ、概要は以下のとおりです。"
        )
    if rng.random() < 0.3:
        amb = _foreign(rng, country, ("大使", "Ambassador", "Ambassador", "大使", "", ""))
        lead += f"なお、会談には{amb.name_ja}駐日{country[0]}大使が同席しました。"
    people = [host, guest]
    numbering = rng.choice(["num_paren", "br_kata", "fullwidth_paren", "ol", "h3"])
    head = _JA_HEAD.format(title=_e(title), desc=_e(lead.strip()[:80]), url=url)
    top = (
        f'<div class="title-area">\n<p class="title-category">報道発表</p>\n<h1>{_e(title)}</h1>\n</div>\n'
        f'<p class="rightalign">{date_line}</p>\n'
        + _SOCIAL.format(q=url.replace(":", "%3A").replace("/", "%2F"))
        + f'<div class="any-area">\n<p>{_e(lead)}</p>\n'
    )
    tail = ""
    if rng.random() < 0.2:
        tail += f'<p class="note">（注）本件{_e(title)}は、{_e(rng.choice(JA_TOPICS))}に関する一連の協議の一環として行われました。</p>\n'
    tail += '</div>\n<div class="link-return">\n<p><a href="/mofaj/press/release/index.html">報道発表へ戻る</a></p>\n</div>\n'
    fixed = len((head + top + tail + _JA_FOOT).encode("utf-8"))
    points = _pad_points(
        rng,
        lambda k: _ja_point(rng, numbering, people, k),
        target - fixed,
        '<ol class="decimal">' if numbering == "ol" else None,
    )
    body = head + top + points + "\n" + tail + _JA_FOOT
    return body.encode("utf-8"), f"ja/{numbering}/{participant_style}/{mode}"


# ============================================================================ English releases


def _en_sentence(rng: random.Random, people: list[Person]) -> str:
    if rng.random() < 0.25:
        who = rng.choice(people)
        return (
            f"{who.office_short_en} {who.family_en.capitalize()} stated that {rng.choice(EN_TOPICS)} "
            f"remained a priority for the two countries."
        )
    return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_TOPICS)}{rng.choice(EN_TAILS)}"


def _en_text(rng: random.Random, people: list[Person], lo: int = 1, hi: int = 3) -> str:
    return " ".join(_en_sentence(rng, people) for _ in range(rng.randint(lo, hi)))


def _en_point(rng: random.Random, style: str, people: list[Person], number: int) -> str:
    if style == "ol":
        return f"  <li>{_e(_en_text(rng, people))}</li>"
    if style == "dot":
        return f"<p>{number}. {_e(_en_text(rng, people))}</p>"
    if style == "strong_heading":
        out = [
            f"<p><strong>{number}. {rng.choice(EN_HEADINGS)}</strong></p>",
            f"<p>{_e(_en_text(rng, people, 2, 3))}</p>",
        ]
        if rng.random() < 0.3:
            out += [f"<p>({sub}) {_e(_en_text(rng, people, 1, 2))}</p>" for sub in range(1, rng.randint(2, 3) + 1)]
        return "\n".join(out)
    if style == "paren":
        return f"<p>({number}) {_e(_en_text(rng, people))}</p>"
    if style == "bullets":
        return f"<p>&bull; {_e(_en_text(rng, people))}</p>"
    raise ValueError(style)


def _en_release(rng: random.Random, url: str, date: dt.date, target: int) -> tuple[bytes, str]:
    country = rng.choice(COUNTRIES)
    office = rng.choice(FOREIGN_OFFICES)
    host, guest = _japanese(rng), _foreign(rng, country, office)
    mode = rng.choices(["in_person", "telephone", "video"], [6, 3, 1])[0]
    noun = {
        "in_person": office[5],
        "telephone": "Foreign Ministers' Telephone Talk",
        "video": "Foreign Ministers' Video Teleconference Meeting",
    }[mode]
    title = f"Japan-{country[3]} {noun}"
    month_day = f"{EN_MONTHS[date.month - 1]} {date.day}"
    timing = rng.choice(
        [
            f"commencing at {rng.choice(EN_TIMES)} for approximately {rng.choice(EN_DURATIONS)} minutes",
            f"for approximately {rng.choice(EN_DURATIONS)} minutes from {rng.choice(EN_TIMES)}",
        ]
    )
    host_text = f"{host.honorific} {host.name_en}, {host.office_en}"
    guest_text = f"{guest.honorific} {guest.name_en}, {guest.office_en}"
    action = {
        "in_person": "held a meeting",
        "telephone": "held a telephone talk",
        "video": "held a video teleconference meeting",
    }[mode]
    visiting = ", who is visiting Japan" if mode == "in_person" and rng.random() < 0.5 else ""
    lead = (
        f"On {month_day}, {timing}, {host_text}, {action} with {guest_text}{visiting}. "
        f"The overview of the {'talk' if mode == 'telephone' else 'meeting'} is as follows."
    )
    people = [host, guest]
    numbering = rng.choice(["ol", "dot", "strong_heading", "paren", "bullets"])
    head = _EN_HEAD.format(title=_e(title), desc=_e(lead[:100]), url=url)
    top = (
        f'<div class="title-atom">\n  <p class="title-category">Press Releases</p>\n  <h1>{_e(title)}</h1>\n'
        f'</div>\n<p class="rightalign">{month_day}, {date.year}</p>\n<div class="any-area">\n<p>{_e(lead)}</p>\n'
    )
    tail = ""
    if rng.random() < 0.2:
        tail += "<p>[Provisional translation] The date is that of the Japanese original.</p>\n"
    tail += (
        '</div>\n<div class="link-back">\n  <p><a href="/press/release/index.html">Back to Press Releases</a>'
        "</p>\n</div>\n"
    )
    fixed = len((head + top + tail + _EN_FOOT).encode("utf-8"))
    points = _pad_points(
        rng, lambda k: _en_point(rng, numbering, people, k), target - fixed, "<ol>" if numbering == "ol" else None
    )
    body = head + top + points + "\n" + tail + _EN_FOOT
    return body.encode("utf-8"), f"en/{numbering}/{mode}"


# ============================================================================ listings


def _listing(site: str, url: str, entries: list[tuple[dt.date, str, str]], next_url: str | None, number: int) -> bytes:
    groups: list[tuple[dt.date, list[tuple[str, str]]]] = []
    for date, link, title in entries:
        if not groups or groups[-1][0] != date:
            groups.append((date, []))
        groups[-1][1].append((link, title))
    rows = []
    for date, links in groups:
        heading = f"{date.month}月{date.day}日" if site == "mofa_ja" else f"{EN_MONTHS[date.month - 1]} {date.day}"
        items = "\n".join(f'<li><a href="{urlsplit(link).path}">{_e(title)}</a></li>' for link, title in links)
        rows.append(f'<dt class="list-title">{heading}</dt>\n<dd>\n<ul class="link-list">\n{items}\n</ul>\n</dd>')
    pager = (
        f'<li class="next"><a class="next" href="{urlsplit(next_url).path}">'
        f"{'次のページへ' if site == 'mofa_ja' else 'Next'}</a></li>"
        if next_url
        else ""
    )
    if site == "mofa_ja":
        head, foot, title = _JA_HEAD, _JA_FOOT, "報道発表"
    else:
        head, foot, title = _EN_HEAD, _EN_FOOT, "Press Releases"
    body = (
        head.format(title=title, desc=title, url=url)
        + f'<div class="title-area">\n<h1>{title}</h1>\n</div>\n<div id="pressrelease">\n<dl class="title-list">\n'
        + "\n".join(rows)
        + f'\n</dl>\n</div>\n<div class="pager">\n<ul>\n<li class="current"><span>{number}</span>'
        f"</li>\n{pager}\n</ul>\n</div>\n" + foot
    )
    return body.encode("utf-8")


def _index_url(site: str, number: int) -> str:
    base = JA_INDEX if site == "mofa_ja" else EN_INDEX
    return base if number == 1 else base.replace("index.html", f"index_{number}.html")


def _title_of(body: bytes) -> str:
    start = body.index(b"<h1>") + 4
    return body[start : body.index(b"</h1>", start)].decode("utf-8")


# ============================================================================ build


def _era_date(date: dt.date) -> str:
    """The date as MOFA's Japanese pages write it: 令和 from 2019-05-01, 平成 before, 元年 for an era's first year.

    (Corpora of about 9,000 pages and more reach back past 2019-05-01.)
    """
    era, year = ("令和", date.year - 2018) if date >= dt.date(2019, 5, 1) else ("平成", date.year - 1988)
    return f"{era}{'元' if year == 1 else year}年{date.month}月{date.day}日"


def generate(n: int, seed: int = 20250718) -> Corpus:
    """``n`` release pages (ja and en alternating, ja first) and the listing pages that link them."""
    rng = random.Random(seed)
    corpus = Corpus(n, seed)
    counts = {"mofa_ja": (n + 1) // 2, "mofa_en": n // 2}
    for site, total in counts.items():
        date = BASE_DATE
        entries: list[tuple[dt.date, str, str]] = []
        for i in range(total):
            number = 1000 + total - i  # newest first, the highest number first
            page_rng = random.Random(f"{seed}:{site}:{i}")  # each page independent of the others
            target = page_rng.randint(MIN_BYTES, MAX_BYTES)
            if site == "mofa_ja":
                if page_rng.random() < 0.6:
                    url = f"{HOST}/mofaj/press/release/pressit_000001_{number:05d}.html"
                else:
                    url = f"{HOST}/mofaj/{page_rng.choice(AREA_DIRS)}/pageit_000001_{number:05d}.html"
                body, style = _ja_release(page_rng, url, date, target)
            else:
                if page_rng.random() < 0.6:
                    url = f"{HOST}/press/release/pressite_000001_{number:05d}.html"
                else:
                    url = f"{HOST}/{page_rng.choice(EN_AREA_DIRS)}/pageite_000001_{number:05d}.html"
                body, style = _en_release(page_rng, url, date, target)
            corpus.pages.append(CorpusPage(url, body, "release", site, style))
            entries.append((date, url, _title_of(body)))
            date -= dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
        chunks = [entries[i : i + PER_LISTING] for i in range(0, len(entries), PER_LISTING)] or [[]]
        for index, chunk in enumerate(chunks, 1):
            next_url = _index_url(site, index + 1) if index < len(chunks) else None
            url = _index_url(site, index)
            corpus.pages.append(CorpusPage(url, _listing(site, url, chunk, next_url, index), "listing", site))
    return corpus


def summary(corpus: Corpus) -> str:
    releases = corpus.releases
    sizes = sorted(len(p.body) for p in releases)
    by_site = Counter(p.site for p in releases)
    styles = Counter(p.style.split("/")[1] for p in releases)
    lines = [
        f"corpus n={corpus.n} seed={corpus.seed}: {len(releases)} releases "
        f"({', '.join(f'{k} {v}' for k, v in sorted(by_site.items()))}), {len(corpus.listings)} listing pages",
        f"release sizes: min {sizes[0] / 1024:.1f} KB, median {sizes[len(sizes) // 2] / 1024:.1f} KB, "
        f"max {sizes[-1] / 1024:.1f} KB, total {sum(sizes) / 1024 / 1024:.1f} MB"
        if sizes
        else "no releases",
        "numbering styles: " + ", ".join(f"{k} {v}" for k, v in sorted(styles.items())),
    ]
    return "\n".join(lines)


def check(corpus: Corpus) -> str:
    """What pressbot reads from the corpus: kinds, and how many records have participants and agenda."""
    from pressbot import extract
    from pressbot.errors import ExtractError

    kinds: Counter[str] = Counter()
    with_people = with_agenda = with_date = errors = 0
    for page in corpus.releases:
        try:
            release = extract(page.body, url=page.url)
        except ExtractError as exc:
            errors += 1
            kinds[f"error:{exc.reason}"] += 1
            continue
        kinds[release.kind.value if hasattr(release.kind, "value") else str(release.kind)] += 1
        meeting = release.meeting
        with_people += bool(meeting and len(meeting.participants) >= 2)
        with_agenda += bool(meeting and meeting.agenda)
        with_date += bool(meeting and meeting.date)
    total = len(corpus.releases) or 1
    return (
        f"pressbot reads: {dict(sorted(kinds.items()))}; meeting date {with_date / total:.0%}, "
        f">=2 participants {with_people / total:.0%}, agenda {with_agenda / total:.0%}, errors {errors}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of release pages (default 1000)")
    parser.add_argument("--seed", type=int, default=20250718)
    parser.add_argument("--out", help="directory to write (default: a new temporary directory)")
    parser.add_argument("--check", action="store_true", help="also run pressbot.extract on every release")
    args = parser.parse_args(argv)
    corpus = generate(args.n, args.seed)
    root = corpus.write(args.out)
    print(summary(corpus))
    print(f"written to {root} (index.json lists every page)")
    if args.check:
        print(check(corpus))


if __name__ == "__main__":
    sys.exit(main())
