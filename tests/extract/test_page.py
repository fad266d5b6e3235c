"""Reading a page: chrome removal, blocked and unreadable content, charsets, selector contracts, links, layouts."""

from __future__ import annotations

import time

import pytest

import pressbot
from pressbot import ExtractError

JA_URL = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_09999.html"
EN_URL = "https://www.mofa.go.jp/press/release/pressite_000001_09999.html"
US_URL = "https://www.state.gov/releases/office-of-the-spokesperson/2025/07/some-slug/"
KR_URL = "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=1"

LEAD_JA = (
    "本18日午前11時30分から約1時間30分、東京において、船越健裕外務事務次官は、"
    "クリストファー・ランドー米国国務副長官"
    "(The Honorable Christopher Landau, Deputy Secretary of State of the United States of America)との間で、"
    "日米韓次官協議を行ったところ、概要は以下のとおりです。"
)
POINT_JA = "三者は、日米韓三か国を取り巻く戦略環境が厳しさを増す中、日米韓連携の重要性を再確認しました。"
LEAD_EN = (
    "On July 18, Mr. FUNAKOSHI Takehiro, Vice-Minister for Foreign Affairs of Japan, held a meeting with the "
    "Honorable Christopher Landau, Deputy Secretary of State of the United States. The overview is as follows."
)


def html(body: str, head: str = '<meta charset="utf-8">', title: str = "日米韓次官協議") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>{body}</body></html>"


def mofa_ja(inner: str, outside: str = "") -> str:
    """A MOFA ja release: ``inner`` goes inside #maincontents after the title, date line and lead."""
    return html(
        f'{outside}<div id="maincontents"><h1>日米韓次官協議</h1><p class="rightalign">令和7年7月18日</p>'
        f"<p>{LEAD_JA}</p><ol><li>{POINT_JA}</li></ol>{inner}</div>"
    )


def extract_ja(inner: str, outside: str = "") -> pressbot.Release:
    return pressbot.extract(mofa_ja(inner, outside), url=JA_URL)


# ---------------------------------------------------------------- chrome removal

CHROME_CASES = [
    pytest.param(
        '<div class="share-buttons"><a href="https://x.com/intent/tweet">ポスト</a><a href="https://www.facebook.com/'
        'sharer">シェア</a></div>',
        ["ポスト", "シェア"],
        id="share-buttons",
    ),
    pytest.param("<p>(写真提供:内閣広報室)</p>", ["写真提供", "内閣広報室"], id="photo-credit-paragraph"),
    pytest.param(
        '<p><a href="https://www.kantei.go.jp/">首相官邸(別ウィンドウで開く)</a>の発表も御覧ください。</p>',
        ["別ウィンドウで開く"],
        id="new-window-marker",
    ),
    pytest.param(
        '<p class="link-back"><a href="/mofaj/press/release/index.html">報道発表へ戻る</a></p>',
        ["報道発表へ戻る"],
        id="back-to-press-releases-ja",
    ),
    pytest.param(
        '<div id="pagetop"><a href="#top">ページの先頭へ戻る</a></div>', ["ページの先頭へ戻る"], id="page-top"
    ),
    pytest.param(
        '<h2>関連記事</h2><ul><li><a href="/mofaj/a1.html">日米外相会談</a></li>'
        '<li><a href="/mofaj/a2.html">日韓外相会談</a></li></ul>',
        ["関連記事", "日米外相会談", "日韓外相会談"],
        id="trailing-related-articles-headline-list",
    ),
]


@pytest.mark.parametrize(("inner", "absent"), CHROME_CASES)
def test_chrome_inside_the_content_is_removed(inner: str, absent: list[str]) -> None:
    release = extract_ja(inner)
    assert POINT_JA in release.body
    assert release.body.startswith(LEAD_JA)
    for text in absent:
        assert text not in release.body


def test_breadcrumbs_menus_and_footer_around_the_content_never_reach_the_body() -> None:
    outside = (
        '<div id="header"><ul class="header-link"><li><a href="/index.html">English</a></li></ul></div>'
        '<nav id="global-navi"><ul><li><a href="/mofaj/gaiko/index.html">外交政策</a></li></ul></nav>'
        '<div id="breadcrumbs"><ol><li><a href="/mofaj/index.html">トップページ</a></li>'
        '<li><a href="/mofaj/press/index.html">会見・発表・広報</a></li></ol></div>'
    )
    page = mofa_ja("", outside=outside).replace("</body>", '<div id="footer"><p>Copyright 外務省</p></div></body>')
    release = pressbot.extract(page, url=JA_URL)
    assert release.title == "日米韓次官協議"
    assert release.published_text == "令和7年7月18日"
    for text in ("English", "外交政策", "トップページ", "会見・発表・広報", "Copyright"):
        assert text not in release.body
    assert release.body.split("\n") == [LEAD_JA, POINT_JA]


def test_breadcrumb_and_share_inside_the_content_root_are_removed() -> None:
    inner_top = (
        '<div class="breadcrumb"><a href="/mofaj/index.html">トップページ</a> &gt; '
        '<a href="/mofaj/area/index.html">国・地域</a></div>'
    )
    page = mofa_ja("").replace('<div id="maincontents">', f'<div id="maincontents">{inner_top}')
    release = pressbot.extract(page, url=JA_URL)
    assert "トップページ" not in release.body and "国・地域" not in release.body
    assert release.body.split("\n") == [LEAD_JA, POINT_JA]


def test_back_to_press_releases_in_english() -> None:
    page = html(
        '<div id="maincontents"><h1>Japan-U.S. Vice-Ministerial Meeting</h1><p>July 18, 2025</p>'
        f"<p>{LEAD_EN}</p><ol><li>The two sides confirmed close cooperation.</li></ol>"
        '<p><a href="/press/release/index.html">Back to Press Releases</a></p></div>',
        title="Japan-U.S. Vice-Ministerial Meeting",
    )
    release = pressbot.extract(page, url=EN_URL)
    assert "Back to Press Releases" not in release.body
    assert release.body.split("\n") == [LEAD_EN, "The two sides confirmed close cooperation."]


def test_plain_text_ranking_block_after_the_release_is_dropped() -> None:
    text = "\n".join(
        [
            "日米韓次官協議",
            "2025-7-23 10:05",
            LEAD_JA,
            "1",
            POINT_JA,
            "(以上)",
            "Ranking",
            "1 陸自、新型装輪装甲車の配備を開始",
            "2 海自護衛艦が寄港",
            "3 空自F-35A追加配備",
        ]
    )
    release = pressbot.extract(text)
    assert release.title == "日米韓次官協議"
    assert release.published is not None and release.published.isoformat() == "2025-07-23"
    assert "Ranking" not in release.body
    assert "護衛艦" not in release.body and "装甲車" not in release.body
    assert release.body.split("\n") == [LEAD_JA, "1", POINT_JA, "(以上)"]


def test_html_ranking_block_without_chrome_classes_is_dropped() -> None:
    page = html(
        "<article><h1>日米韓次官協議</h1><time>2025-7-23 10:05</time>"
        f"<p>{LEAD_JA}</p><p>1</p><p>{POINT_JA}</p><p>(以上)</p>"
        "<h2>Ranking</h2><ol><li>陸自、新型装輪装甲車の配備を開始</li><li>海自護衛艦が寄港</li></ol></article>"
    )
    release = pressbot.extract(page)
    assert "Ranking" not in release.body and "護衛艦" not in release.body
    assert release.body.split("\n") == [LEAD_JA, "1", POINT_JA, "(以上)"]


def test_plain_text_residue_back_links_and_related_list_are_dropped() -> None:
    lead = "本18日、船越健裕外務事務次官は、ランドー米国国務副長官と会談を行ったところ、概要は以下のとおりです。"
    text = "\n".join(
        [
            "日米次官会談",
            "令和7年7月18日",
            lead,
            "1 両者は一致しました。首相官邸(別ウィンドウで開く)",
            "(写真提供：内閣広報室)",
            "報道発表へ戻る",
            "関連記事",
            "日米外相会談",
            "日韓外相会談",
        ]
    )
    release = pressbot.extract(text)
    assert release.body.split("\n") == [lead, "1 両者は一致しました。首相官邸"]


def test_plain_text_english_back_link_and_related_articles_are_dropped() -> None:
    text = "\n".join(
        [
            "Japan-U.S. Vice-Ministerial Meeting",
            "July 18, 2025",
            LEAD_EN,
            "Back to Press Releases",
            "Related Articles",
            "Japan-ROK Foreign Ministers' Meeting",
        ]
    )
    release = pressbot.extract(text)
    assert release.body == LEAD_EN


# ---------------------------------------------------------------- blocked, empty, binary

BLOCKED = [
    pytest.param(
        html(
            "<p>Checking your browser before accessing www.mofa.go.jp.</p>"
            '<div id="challenge-platform"></div><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/'
            'chl_page/v1"></script>',
            title="Just a moment...",
        ),
        JA_URL,
        id="cloudflare-just-a-moment",
    ),
    pytest.param(
        html(
            "<h1>Access Denied</h1><p>You don't have permission to access "
            '"http://www.mofa.go.jp/mofaj/press/release/pressit_000001_09999.html" on this server.</p>'
            "<p>Reference #18.4f2b1c17.1721300000.2a3b4c5d</p>",
            title="Access Denied",
        ),
        JA_URL,
        id="akamai-access-denied",
    ),
    pytest.param(
        html(
            '<div class="entry-content"><h1 class="featured-content__headline">Technical Difficulties</h1>'
            '<p class="article-meta__publish-date">July 18, 2025</p>'
            "<p>We are experiencing technical difficulties. Please try again later.</p></div>",
            title="Technical Difficulties - United States Department of State",
        ),
        US_URL,
        id="state-technical-difficulties-decoy",
    ),
    pytest.param(
        html("<h1>Access Denied</h1><p>You don't have permission to access this resource.</p>", title="Access Denied"),
        None,
        id="access-denied-generic-site",
    ),
]


@pytest.mark.parametrize(("content", "url"), BLOCKED)
def test_block_and_challenge_pages_are_blocked(content: str, url: str | None) -> None:
    with pytest.raises(ExtractError) as info:
        pressbot.extract(content, url=url)
    assert info.value.reason == "blocked"


ERROR_PAGES = [
    pytest.param(
        html("<center><h1>403 Forbidden</h1></center><hr><center>nginx</center>", head="", title="403 Forbidden"),
        None,
        {"blocked"},
        id="nginx-403-markup",
    ),
    pytest.param(
        html(
            "<h1>Service Unavailable</h1><p>The server is temporarily unable to service your request due to "
            "maintenance downtime or capacity problems. Please try again later.</p>",
            title="503 Service Unavailable",
        ),
        None,
        {"blocked"},
        id="apache-503-markup",
    ),
    pytest.param(
        html(
            '<div id="maincontents"><h1>ページが見つかりません</h1><p>お探しのページは見つかりませんでした。'
            "URLをご確認ください。</p></div>",
            title="ページが見つかりません",
        ),
        JA_URL,
        {"blocked", "not_a_release"},
        id="mofa-404-not-found-markup",
    ),
]


@pytest.mark.parametrize(("content", "url", "reasons"), ERROR_PAGES)
def test_error_pages_served_as_markup_are_not_releases(content: str, url: str | None, reasons: set[str]) -> None:
    with pytest.raises(ExtractError) as info:
        pressbot.extract(content, url=url)
    assert info.value.reason in reasons


FALSE_ALARMS = [
    pytest.param(
        "On Humanitarian Access in Gaza",
        "The United States is deeply concerned by reports of aid convoys being access denied at checkpoints "
        "in northern Gaza. We call on all parties to allow humanitarian assistance through.",
        id="statement-saying-access-denied",
    ),
    pytest.param(
        "Secretary Rubio's Call with Japanese Foreign Minister Iwaya",
        "Secretary of State Marco Rubio spoke today with Japanese Foreign Minister Iwaya Takeshi. They "
        "discussed technical difficulties in critical mineral supply chains.",
        id="readout-saying-technical-difficulties",
    ),
]


@pytest.mark.parametrize(("title", "lead"), FALSE_ALARMS)
def test_short_releases_that_mention_block_words_are_still_releases(title: str, lead: str) -> None:
    page = html(
        f'<p class="doctype-meta">Press Statement</p><h1 class="featured-content__headline">{title}</h1>'
        f'<p class="article-meta__publish-date">July 2, 2025</p><div class="entry-content"><p>{lead}</p></div>',
        title=title,
    )
    release = pressbot.extract(page, url=US_URL)
    assert release.body == lead


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"", "empty", id="empty-bytes"),
        pytest.param("   \n\t  ", "empty", id="whitespace-text"),
        pytest.param(b"\xef\xbb\xbf   \r\n", "empty", id="bom-and-whitespace"),
        pytest.param(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\x00stream", "binary", id="pdf-bytes"
        ),
        pytest.param(bytes(range(256)) * 8, "binary", id="all-bytes"),
        pytest.param("\x01\x02\x03\x04" * 30 + "日米韓", "binary", id="control-characters-as-text"),
    ],
)
def test_empty_and_binary_content(content: bytes | str, reason: str) -> None:
    with pytest.raises(ExtractError) as info:
        pressbot.extract(content, url=JA_URL)
    assert info.value.reason == reason


# ---------------------------------------------------------------- charsets


def test_shift_jis_with_charset_only_in_meta() -> None:
    page = mofa_ja(
        "",
    ).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    release = pressbot.extract(page.encode("cp932"), url=JA_URL)
    assert release.title == "日米韓次官協議"
    assert release.published_text == "令和7年7月18日"
    assert release.body.split("\n") == [LEAD_JA, POINT_JA]
    assert release.language.value == "ja"


def test_euc_jp_without_any_declared_charset() -> None:
    page = mofa_ja("").replace('<meta charset="utf-8">', "")
    release = pressbot.extract(page.encode("euc_jp"), url=JA_URL)
    assert release.title == "日米韓次官協議"
    assert release.body.split("\n") == [LEAD_JA, POINT_JA]


# ---------------------------------------------------------------- selector contracts


@pytest.mark.parametrize(
    ("content", "url", "selector"),
    [
        pytest.param(
            html("<div id='main'><h1>日米韓次官協議</h1><p>令和7年7月18日</p><p>本文</p></div>"),
            JA_URL,
            "#maincontents h1",
            id="mofa-ja-no-maincontents",
        ),
        pytest.param(
            html('<h1 class="featured-content__headline">Readout</h1><div class="entry-content"><p>Text.</p></div>'),
            US_URL,
            "p.article-meta__publish-date",
            id="state-no-date-line",
        ),
        pytest.param(
            html(
                '<h1 class="featured-content__headline">Readout</h1>'
                '<p class="article-meta__publish-date">July 18, 2025</p><div class="content"><p>Text.</p>'
                "</div>"
            ),
            US_URL,
            "div.entry-content",
            id="state-no-entry-content",
        ),
        pytest.param(
            html(
                '<div class="board_detail"><div class="bo_head"><h2>Talks</h2><dl><dd>2025-07-18</dd></dl>'
                '</div><div class="contents"><p>Text.</p></div></div>'
            ),
            KR_URL,
            ".se-contents",
            id="kr-no-se-contents",
        ),
    ],
)
def test_missing_structure_names_selector_and_url(content: str, url: str, selector: str) -> None:
    with pytest.raises(ExtractError) as info:
        pressbot.extract(content, url=url)
    error = info.value
    assert error.reason == "missing_structure"
    assert error.selector is not None and selector in error.selector
    assert selector in str(error)
    assert url in str(error)


# ---------------------------------------------------------------- links


def test_document_links_are_collected_and_menu_links_are_not() -> None:
    outside = (
        '<nav id="global-navi"><ul><li><a href="/mofaj/press/release/index.html">報道発表</a></li>'
        '<li><a href="/mofaj/files/000000001.pdf">外交青書(PDF)</a></li></ul></nav>'
    )
    inner = (
        '<p>日米韓次官協議共同声明(<a href="/mofaj/files/100876543.pdf">和文(PDF)</a>／'
        '<a href="/mofaj/files/100876544.pdf">英文(PDF)</a>)</p>'
        '<p><a href="/mofaj/na/na1/us/pageit_000001_01999.html">日米韓次官協議共同声明</a></p>'
        '<div class="share"><a href="https://x.com/intent/tweet?text=statement">Share this Statement</a></div>'
        '<p class="link-back"><a href="/mofaj/press/release/index.html">報道発表へ戻る</a></p>'
    )
    release = extract_ja(inner, outside=outside)
    urls = [link.url for link in release.links]
    assert urls == [
        "https://www.mofa.go.jp/mofaj/files/100876543.pdf",
        "https://www.mofa.go.jp/mofaj/files/100876544.pdf",
        "https://www.mofa.go.jp/mofaj/na/na1/us/pageit_000001_01999.html",
    ]
    assert [link.text for link in release.links] == ["和文(PDF)", "英文(PDF)", "日米韓次官協議共同声明"]


def test_state_joint_statement_link_in_text() -> None:
    page = html(
        '<p class="doctype-meta">Readout</p><h1 class="featured-content__headline">Deputy Secretary '
        'Landau\'s Meeting</h1><p class="article-meta__publish-date">July 18, 2025</p>'
        '<div class="entry-content"><p>Deputy Secretary of State Christopher Landau met today with Japanese '
        "Vice Foreign Minister Funakoshi Takehiro in Tokyo. The three issued a "
        '<a href="https://www.state.gov/releases/office-of-the-spokesperson/2025/07/joint-statement-on-the-'
        'trilateral-meeting">Joint Statement</a>.</p></div>'
        '<footer><a href="https://www.state.gov/privacy-policy/">Privacy Policy</a></footer>',
        title="Deputy Secretary Landau's Meeting",
    )
    release = pressbot.extract(page, url=US_URL)
    assert [(link.text, link.url) for link in release.links] == [
        (
            "Joint Statement",
            "https://www.state.gov/releases/office-of-the-spokesperson/2025/07/joint-statement-on-the-trilateral-meeting",
        ),
    ]


# ---------------------------------------------------------------- unknown layouts


def test_generic_layout_finds_the_densest_text_block() -> None:
    menu = "".join(f'<li><a href="/c{i}">カテゴリー{i}</a></li>' for i in range(12))
    page = html(
        f'<div class="l-wrap"><div class="col-left"><ul>{menu}</ul></div>'
        '<div class="col-main"><h1>日米韓次官協議</h1><div class="date">2025年7月18日</div>'
        f"<div class='txt'><p>{LEAD_JA}</p><p>1</p><p>{POINT_JA}</p></div></div>"
        '<div class="col-right"><p>広告</p><p><a href="/login">ログイン</a></p></div></div>'
    )
    release = pressbot.extract(page)
    assert release.site == "generic"
    assert release.title == "日米韓次官協議"
    assert release.published is not None and release.published.isoformat() == "2025-07-18"
    assert release.body.split("\n") == [LEAD_JA, "1", POINT_JA]
    assert "カテゴリー" not in release.body and "広告" not in release.body


def test_generic_plain_text_title_date_and_body() -> None:
    release = pressbot.extract(f"日米韓次官協議\n令和7年7月18日\n{LEAD_JA}\n1\n{POINT_JA}\n")
    assert (release.site, release.title, release.published_text) == ("generic", "日米韓次官協議", "令和7年7月18日")
    assert release.body.split("\n") == [LEAD_JA, "1", POINT_JA]
    assert release.id.startswith("generic:")


def test_long_whitespace_runs_stay_linear() -> None:
    page = mofa_ja("<p>" + "\n" * 40_000 + "</p>")
    started = time.perf_counter()
    release = extract_ja("<p>" + "\n" * 40_000 + "</p>")
    elapsed = time.perf_counter() - started
    assert release.body.split("\n") == [LEAD_JA, POINT_JA]
    assert len(page) > 40_000
    assert elapsed < 1.0


def test_list_numbers_that_are_not_numbers_do_not_break_the_page() -> None:
    """<ol start="x"> counts from 1, <li value="²"> keeps its place: a browser shows such a list, so do we."""
    from pressbot.extract.page import _blocks, parse_html

    root = parse_html('<html><body><ol start="x"><li>a</li><li value="²">b</li><li value="7">c</li></ol></body></html>')
    assert [(b.text, b.ordinal) for b in _blocks(root)] == [("a", 1), ("b", 2), ("c", 7)]


def test_a_malformed_link_is_skipped_not_raised() -> None:
    """urljoin raises on a broken IPv6 host; the page is still read, without that link."""
    from pressbot import extract

    html = (
        '<html><body><div id="maincontents"><h1>日米外相会談</h1><p class="rightalign">令和7年7月10日</p>'
        "<p>7月10日、岩屋外務大臣は会談を行いました。</p>"
        '<p><a href="http://[::1/x.pdf">声明（PDF）</a> <a href="/files/100.pdf">共同声明（PDF）</a></p>'
        "</div></body></html>"
    )
    release = extract(html.encode(), url="https://www.mofa.go.jp/mofaj/press/release/pressit_000001_09999.html")
    assert [link.url for link in release.links] == ["https://www.mofa.go.jp/files/100.pdf"]
